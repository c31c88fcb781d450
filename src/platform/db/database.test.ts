// The database layer on whichever engine the suite runs against (embedded by default,
// PostgreSQL with TEST_DATABASE_URL): extensions, transactions, types, migration bookkeeping.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.ts';
import { currentMigrationVersion, listMigrations, migrate } from './migrate.ts';
import { allowedValues, generateSchemaTypes } from './schema-types.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase();
});
after(() => database.close());

test('the engine is the one the suite was asked for', () => {
  assert.equal(database.kind, testDatabaseKind);
});

// PGlite 0.5.15–0.5.17 returned empty results and then hung with pg_trgm and cube loaded
// together. This query uses every extension the app loads; an upgrade that breaks it fails here.
test('a trigram query works with every extension the app loads', async () => {
  const { rows } = await sql<{ sim: number; close: boolean; km: number; ext: string[] }>`
    select similarity('Leeds Recovery Cafe', 'Leeds Recovery Café') as sim,
           'recovery' % 'recovry' as close,
           earth_distance(ll_to_earth(53.8201, -1.5709), ll_to_earth(53.4775, -2.2362)) / 1000 as km,
           array(select extname::text from pg_extension order by 1) as ext`.execute(database.db);
  const row = rows[0]!;
  assert.ok(row.sim > 0.6 && row.sim < 1, `similarity ${row.sim}`);
  assert.equal(row.close, true);
  // earthdistance's sphere has radius 6378.168 km; the great-circle formula gives the same.
  const rad = Math.PI / 180;
  const expected =
    6378.168 *
    Math.acos(
      Math.sin(53.8201 * rad) * Math.sin(53.4775 * rad) +
        Math.cos(53.8201 * rad) * Math.cos(53.4775 * rad) * Math.cos((-1.5709 + 2.2362) * rad),
    );
  assert.ok(Math.abs(row.km - expected) < 0.01, `Leeds LS6 to Manchester M1: expected ${expected}, got ${row.km}`);
  for (const e of ['pg_trgm', 'cube', 'earthdistance']) assert.ok(row.ext.includes(e), `${e} loaded`);
  // and the next query still answers (the regression hung here)
  const again = await sql<{ n: number }>`select count(*)::int as n from organisations where name % 'leeds'`.execute(
    database.db,
  );
  assert.equal(again.rows[0]!.n, 0);
});

test('a failed transaction writes nothing', async () => {
  await assert.rejects(
    database.db.transaction().execute(async (tx) => {
      await tx.insertInto('organisations').values({ slug: 'rollback-me', name: 'Rollback' }).execute();
      throw new Error('stop');
    }),
  );
  const row = await database.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'rollback-me')
    .executeTakeFirst();
  assert.equal(row, undefined);
});

test('constraints refuse bad rows', async () => {
  await assert.rejects(database.db.insertInto('organisations').values({ slug: 'Bad Slug!', name: 'x' }).execute());
  await assert.rejects(
    // the generated type already refuses 'pending' (a CHECK list is a union); the database must too
    database.db
      .insertInto('organisations')
      .values({ slug: 'ok-slug', name: 'x', status: 'pending' as never })
      .execute(),
  );
});

test('migrations are all applied, and applying again does nothing', async () => {
  const all = await listMigrations();
  assert.equal(await currentMigrationVersion(database.pool), all[all.length - 1]!.version);
  assert.deepEqual(await migrate(database.pool), []);
});

test('the committed Kysely table types match the migrated schema', async () => {
  const committed = await readFile(new URL('./schema.ts', import.meta.url), 'utf8');
  assert.equal(await generateSchemaTypes(database.pool), committed, 'run `npm run db:types` and commit the result');
});

test('people sort by their names as people expect, not by bytes', async () => {
  const { rows } = await sql<{ n: string }>`
    select n from unnest(array['émile', 'Zed', 'apple', 'Banana']) as n order by n collate "und-x-icu"`.execute(
    database.db,
  );
  assert.deepEqual(
    rows.map((r) => r.n),
    ['apple', 'Banana', 'émile', 'Zed'],
  );
});

test('a CHECK list becomes the column type; any other check leaves it a string', () => {
  assert.deepEqual(
    allowedValues('status', "CHECK ((status = ANY (ARRAY['applicant'::text, 'member'::text, 'lapsed'::text])))"),
    ['applicant', 'member', 'lapsed'],
  );
  assert.deepEqual(
    allowedValues('interval', `CHECK (("interval" = ANY (ARRAY['a'::text, 'it''s'::text])))`),
    ['a', "it's"],
    'a quoted column name and an apostrophe in a value',
  );
  assert.equal(allowedValues('status', "CHECK ((other = ANY (ARRAY['a'::text])))"), undefined, 'another column');
  assert.equal(allowedValues('name', 'CHECK ((length(name) <= 200))'), undefined);
  assert.equal(allowedValues('n', 'CHECK (((n >= 1) AND (n <= 5)))'), undefined);
});
