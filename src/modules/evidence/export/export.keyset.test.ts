// The export reads a large organisation page by page; every row must come out exactly once,
// whatever the server's collation. Found by reading the code: participants were ordered under
// "C" but compared under the database's own collation, so on an en_GB server (which sorts
// "A_1" before "AB") paging skipped people. On PostgreSQL this runs on an en-GB database too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../../../platform/db/database.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { buildOrg } from '../../../../test/support/factories.ts';
import { freshDatabase, testDatabaseUrl, type TestDatabase } from '../../../../test/support/database.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';
import { EXPORT_TABLES, type ExportTable } from './export.repository.ts';

// Codes are capitals, digits and _ . / -: under en-GB an underscore sorts before letters and
// digits (A_1 before AB), under "C" after them (AB before A_1).
const CODES = ['A-2', 'A10', 'A_1', 'A.3', 'A9', 'B1', 'A1', 'A/4', 'AB', 'A-10'];

async function everyPage(database: Database, orgId: string, table: ExportTable, limit: number) {
  const keys: string[] = [];
  let last = '';
  for (;;) {
    const page = await EXPORT_TABLES[table].page(database.db, orgId, last, limit);
    keys.push(...page.map((r) => r.k));
    if (page.length < limit) return keys;
    last = page[page.length - 1]!.k;
  }
}

async function checkPaging(database: Database) {
  const org = await buildOrg(database.db);
  for (const code of CODES) await buildParticipant(database.db, org.id, code);
  for (const limit of [1, 2, 3, 100]) {
    const codes = await everyPage(database, org.id, 'participants', limit);
    assert.deepEqual([...codes].sort(), [...CODES].sort(), `every participant once, ${limit} to a page`);
    const consents = await everyPage(database, org.id, 'consents', limit);
    assert.equal(new Set(consents).size, consents.length, 'no consent twice');
    assert.ok(consents.length >= CODES.length, 'every consent');
  }
}

let database: TestDatabase;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

test('paging the export returns every row once, on the test database', async () => {
  await checkPaging(database);
});

test(
  'paging the export returns every row once on a server whose collation is en-GB',
  { skip: !testDatabaseUrl && 'PostgreSQL only (ICU collations)' },
  async () => {
    const name = `rc_en_gb_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(
      `create database "${name}" template template0 locale_provider icu icu_locale 'en-GB' locale 'C.UTF-8'`,
    );
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    const gb = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 2 });
    try {
      await migrate(gb.pool);
      const { rows } = await gb.pool.query<{ before: boolean }>(`select 'A_1' < 'AB' as before`);
      assert.equal(rows[0]!.before, true, 'this database sorts the way en-GB does');
      await checkPaging(gb);
    } finally {
      await gb.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  },
);
