// The holes in imports found by probing (issue 10), each as the attack over HTTP: people stored
// without consent, a remembered mapping dropping consent columns, erased people coming back,
// uploads stuck on one server's disk for ever, and files built to take the site down.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { buildApp, appModules } from '../../../../app.ts';
import { Client, startTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../../test/support/factories.ts';
import type { DB } from '../../../../platform/db/schema.ts';
import { evidenceModule } from '../../index.ts';
import type { Deps } from '../../../../platform/deps.ts';
import { buildParticipant, multipart } from '../../test/evidence-helpers.ts';
import { freshDatabase, testDatabaseUrl } from '../../../../../test/support/database.ts';
import { openDatabase } from '../../../../platform/db/database.ts';
import { migrate } from '../../../../platform/db/migrate.ts';
import { eraseParticipantRecord } from '../../evidence.write-path.ts';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const run = promisify(execFile);
import { utf16le, windows1252, xlsxShapedZip } from './upload-files.ts';

let t: TestApp;
before(async () => (t = await startTestApp()));
after(() => t.close());

async function signedInWorker(name: string) {
  const db = t.database.db;
  const org = await buildOrg(db, { name });
  const lead = await buildPerson(db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signInAs(db, lead.id);
  const page = await c.get(`/orgs/${org.slug}/imports`);
  const csrf = /_csrf=([^"&]+)/.exec(page.body)![1]!;
  const upload = async (fileName: string, content: Buffer | string, target = 'participants') => {
    const body = multipart({ target }, { field: 'file', name: fileName, type: 'application/octet-stream', content });
    return c.request({
      method: 'POST',
      url: `/orgs/${org.slug}/imports?_csrf=${csrf}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
  };
  /** The mapping the page preselected. */
  const chosen = (html: string) => {
    const fields: Record<string, string> = {};
    for (const select of html.split('<select').slice(1)) {
      const name = /name="(map_[a-z0-9_]+)"/.exec(select)?.[1];
      const picked = /<option value="([^"]*)" selected>/.exec(select.slice(0, select.indexOf('</select>')))?.[1];
      if (name && picked) fields[name] = picked.replace(/&amp;/g, '&');
    }
    return fields;
  };
  return { db, org, c, upload, chosen };
}

const people = (db: Kysely<DB>, orgId: string) =>
  db
    .selectFrom('evidence_participants')
    .select(['code', 'consent_record', 'consent_network'])
    .where('org_id', '=', orgId)
    .orderBy('code')
    .execute();
const consents = (db: Kysely<DB>, orgId: string) =>
  db.selectFrom('evidence_consents').select(['kind', 'given']).where('org_id', '=', orgId).execute();
const storedBytes = async (db: Kysely<DB>, orgId: string) =>
  (await db.selectFrom('evidence_import_uploads').select('run_id').where('org_id', '=', orgId).execute()).length;
const waitingRuns = async (db: Kysely<DB>, orgId: string) =>
  (
    await db
      .selectFrom('evidence_import_runs')
      .select('id')
      .where('org_id', '=', orgId)
      .where('status', 'in', ['receiving', 'uploaded'])
      .execute()
  ).length;

test('a participant file with no record-consent column cannot be imported, and stores nobody', async () => {
  const { db, org, c, upload, chosen } = await signedInWorker('No Consent Column');
  const res = await upload('people.csv', 'Code,First name\nNC-1,Ann\nNC-2,Bo\n');
  assert.equal(res.statusCode, 303, res.body);
  const run = String(res.headers.location);
  const page = await c.get(run);
  assert.match(page.body, /Consent to keep a record<\/label>/);
  const checked = await c.post(`${run}/check`, chosen(page.body));
  assert.equal(checked.statusCode, 400);
  assert.match(checked.body, /consent to keep a record/i);
  const commit = await c.post(`${run}/commit`, { mode: 'skip_invalid' });
  assert.notEqual(commit.statusCode, 200);
  assert.deepEqual(await people(db, org.id), []);
});

test('every row needs a record-consent answer; the report says which consents will be stored, and they are', async () => {
  const { db, org, c, upload, chosen } = await signedInWorker('Consent Rows');
  const csv = 'Code,Consent to record,Consent to share\nCR-1,Yes,Yes\nCR-2,,Yes\nCR-3,Yes,No\nCR-4,Yes,\n';
  const run = String((await upload('people.csv', csv)).headers.location);
  const fields = chosen((await c.get(run)).body);
  assert.equal(fields.map_consent_record, 'Consent to record');
  const checked = await c.post(`${run}/check`, fields);
  assert.match(
    checked.body,
    /<td class="numeric">3<\/td><td>Consent to record<\/td><td>The consent to keep a record is missing/,
  );
  assert.match(checked.body, /Consent to be stored/);
  assert.match(checked.body, /Keep a record: 3 people said yes/);
  assert.match(checked.body, /Share with the network: 1 yes, 1 no, 1 not asked/);
  assert.equal((await c.post(`${run}/commit`, { mode: 'all_or_nothing' })).statusCode, 400);
  assert.deepEqual(await people(db, org.id), []);
  const done = await c.post(`${run}/commit`, { mode: 'skip_invalid' });
  assert.equal(done.statusCode, 200, done.body);
  assert.match(done.body, /Consent stored/);
  assert.deepEqual(await people(db, org.id), [
    { code: 'CR-1', consent_record: true, consent_network: true },
    { code: 'CR-3', consent_record: true, consent_network: false },
    { code: 'CR-4', consent_record: true, consent_network: false },
  ]);
  const stored = await consents(db, org.id);
  assert.equal(stored.filter((k) => k.kind === 'record' && k.given).length, 3);
  assert.equal(stored.filter((k) => k.kind === 'network').length, 2);
});

test('a remembered mapping is offered only for a file with the same headings; a richer file is matched afresh', async () => {
  const { org, c, upload, chosen } = await signedInWorker('Richer File');
  const first = String((await upload('a.csv', 'Code,Consent\nRF-1,Yes\n')).headers.location);
  const firstFields = chosen((await c.get(first)).body);
  assert.equal((await c.post(`${first}/check`, firstFields)).statusCode, 200);
  await c.post(`${first}/commit`, { mode: 'all_or_nothing' });
  // the richer file: its consent columns must be matched, not silently left out
  const second = String(
    (await upload('b.csv', 'Code,Consent,Consent to share,OK to contact\nRF-2,Yes,Yes,No\n')).headers.location,
  );
  const fields = chosen((await c.get(second)).body);
  assert.equal(fields.map_consent_network, 'Consent to share');
  assert.equal(fields.map_consent_contact, 'OK to contact');
  // the same headings again: the remembered choice (here the first file's) is offered
  const third = String((await upload('c.csv', 'Code,Consent\nRF-3,Yes\n')).headers.location);
  assert.deepEqual(chosen((await c.get(third)).body), firstFields);
  void org;
});

test('an erased person cannot come back through a re-import; the row is named', async () => {
  const { db, org, c, upload, chosen } = await signedInWorker('Stay Erased');
  const csv = 'Code,Consent to record\nER-1,Yes\nER-2,Yes\n';
  const run = String((await upload('people.csv', csv)).headers.location);
  const fields = chosen((await c.get(run)).body);
  await c.post(`${run}/check`, fields);
  assert.equal((await c.post(`${run}/commit`, { mode: 'all_or_nothing' })).statusCode, 200);
  const er1 = await db
    .selectFrom('evidence_participants')
    .select('id')
    .where('org_id', '=', org.id)
    .where('code', '=', 'ER-1')
    .executeTakeFirstOrThrow();
  await c.get(`/orgs/${org.slug}/participants/${er1.id}/erase`);
  assert.equal(
    (await c.post(`/orgs/${org.slug}/participants/${er1.id}/erase`, { confirm_code: 'ER-1' })).statusCode,
    303,
  );
  // nothing personal is kept: only a keyed hash
  const kept = await db.selectFrom('evidence_erased_codes').select('code_hash').where('org_id', '=', org.id).execute();
  assert.equal(kept.length, 1);
  assert.doesNotMatch(kept[0]!.code_hash, /ER-1/);
  // the old file again, with the code in lower case
  const again = String((await upload('people.csv', csv.replace('ER-1', 'er-1'))).headers.location);
  const checked = await c.post(`${again}/check`, chosen((await c.get(again)).body));
  assert.match(checked.body, /Row 2: the person with code ER-1 asked for their record to be erased/);
  await c.post(`${again}/commit`, { mode: 'skip_invalid' });
  assert.deepEqual(
    (await people(db, org.id)).map((p) => p.code),
    ['ER-2'],
  );
});

test('uploads wait in the database: another instance serves them, cancelling deletes them, the daily sweep clears old ones', async () => {
  const { db, org, c, upload } = await signedInWorker('Two Instances');
  const run = String((await upload('people.csv', 'Code,Consent to record\nTI-1,Yes\n')).headers.location);
  assert.ok((await storedBytes(db, org.id)) > 0);
  // a second instance with its own data folder
  const other = await buildApp({
    config: { ...t.config, dataDir: `${t.dataDir}-other` },
    database: t.database,
    mailer: t.mailer,
    logger: false,
    modules: appModules(t.database),
  });
  await other.ready();
  try {
    const c2 = new Client(other);
    for (const [k, v] of c.cookies) c2.cookies.set(k, v);
    const page = await c2.get(run);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /<td>TI-1<\/td>/);
  } finally {
    await other.close();
  }
  await c.get(run);
  assert.equal((await c.post(`${run}/cancel`)).statusCode, 303);
  assert.equal(await storedBytes(db, org.id), 0);
  // an upload left waiting for more than a day
  const left = String((await upload('people.csv', 'Code,Consent to record\nTI-2,Yes\n')).headers.location);
  const id = left.split('/').pop()!;
  await db
    .updateTable('evidence_import_runs')
    .set({ created_at: new Date(Date.now() - 25 * 3600_000) })
    .where('id', '=', id)
    .execute();
  const recent = String((await upload('people.csv', 'Code,Consent to record\nTI-3,Yes\n')).headers.location);
  await evidenceModule
    .jobs!.find((j) => j.name === 'evidence.sweep-uploads')!
    .run({ db, config: t.config } as Deps, {});
  const runs = await db
    .selectFrom('evidence_import_runs')
    .select(['id', 'status'])
    .where('id', 'in', [id, recent.split('/').pop()!])
    .execute();
  assert.deepEqual(new Map(runs.map((r) => [r.id, r.status])).get(id), 'cancelled');
  assert.equal(runs.find((r) => r.id !== id)!.status, 'uploaded');
  assert.equal(await storedBytes(db, org.id), 1);
  assert.equal((await c.get(left)).statusCode, 404);
});

test('files built to take the site down are refused with a clear message, and nothing of them is kept', async () => {
  const { db, org, upload } = await signedInWorker('Hostile Files');
  const wide = (sep: string, n: number) => Array.from({ length: n }, (_, i) => `h${i}`).join(sep) + '\n';
  const cases: Array<[string, Buffer | string, RegExp]> = [
    ['20,000 headings', wide(',', 20_000), /more than 200 columns/],
    ['20,000 tab-separated headings', wide('\t', 20_000), /more than 200 columns/],
    ['a NUL byte', 'Code,Consent to record\nNU-1\u0000,Yes\n', /Row 2 has a hidden &quot;null&quot; character/],
    ['a quote never closed', 'Code,Consent to record\n"NU-2,Yes\n' + 'x,y\n'.repeat(10), /never closed/],
    [
      'one row of two million characters',
      'Code,Consent to record\n' + 'x'.repeat(2_000_000) + ',Yes\n',
      /longer than a million characters/,
    ],
    ['250,001 rows', 'Code,Consent to record\n' + 'R,Yes\n'.repeat(250_001), /more than 250,000 rows/],
  ];
  for (const [what, content, message] of cases) {
    const res = await upload(`${what}.csv`, content);
    assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`);
    assert.match(res.body, message, what);
  }
  const workbooks: Array<[string, Buffer, RegExp]> = [
    ['random bytes', Buffer.from('not a zip at all '.repeat(100)), /could not be read as an Excel workbook/],
    [
      '500 MB of sheet XML',
      xlsxShapedZip(1, 500 * 1024 * 1024),
      /holds 500 MB once unzipped; an import can take up to 400 MB/,
    ],
    ['21 sheets', xlsxShapedZip(21), /has 21 sheets; an import can take a workbook of up to 20/],
    ['a zip with no workbook inside', xlsxShapedZip(0), /could not be read as an Excel workbook/],
  ];
  for (const [what, content, message] of workbooks) {
    const res = await upload(`${what}.xlsx`, content);
    assert.equal(res.statusCode, 400, `${what}: ${res.statusCode}`);
    assert.match(res.body, message, what);
  }
  assert.equal(await storedBytes(db, org.id), 0);
  assert.equal(await waitingRuns(db, org.id), 0);
  // the limits are said on the page
  assert.match((await upload('x.pdf', 'x')).body, /Up to 100 MB, 250,000 rows and 200 columns/);
});

test('files in the encodings spreadsheets really save are read correctly', async () => {
  const { db, org, c, upload, chosen } = await signedInWorker('Encodings');
  const files: Array<[string, Buffer]> = [
    ['windows.csv', windows1252('Code,First name,Consent to record\r\nEN-1,José £5,Yes\r\n')],
    ['unicode.txt', utf16le('Code\tFirst name\tConsent to record\r\nEN-2\tZoë “Z”\tYes\r\n')],
    ['semicolons.csv', Buffer.from('Code;First name;Consent to record\nEN-3;Siân;Yes\n')],
  ];
  for (const [name, content] of files) {
    const res = await upload(name, content);
    assert.equal(res.statusCode, 303, `${name}: ${res.body.slice(0, 300)}`);
    const run = String(res.headers.location);
    const fields = chosen((await c.get(run)).body);
    assert.equal(fields.map_first_name, 'First name', name);
    await c.post(`${run}/check`, fields);
    assert.equal((await c.post(`${run}/commit`, { mode: 'all_or_nothing' })).statusCode, 200, name);
  }
  const names = await db
    .selectFrom('evidence_participants')
    .select(['code', 'first_name'])
    .where('org_id', '=', org.id)
    .orderBy('code')
    .execute();
  assert.deepEqual(names, [
    { code: 'EN-1', first_name: 'José £5' },
    { code: 'EN-2', first_name: 'Zoë “Z”' },
    { code: 'EN-3', first_name: 'Siân' },
  ]);
});

test('many uploads at once: none fails, and an organisation cannot pile up more than its share', async () => {
  const { db, org, upload } = await signedInWorker('Many At Once');
  const results = await Promise.all(
    Array.from({ length: 16 }, (_, i) => upload(`p${i}.csv`, `Code,Consent to record\nMA-${i},Yes\n`)),
  );
  for (const r of results) {
    assert.ok([303, 400, 503].includes(r.statusCode), `status ${r.statusCode}`);
    if (r.statusCode !== 303) assert.match(r.body, /try again in a minute|uploads waiting/);
  }
  assert.ok(results.some((r) => r.statusCode === 303));
  assert.ok((await waitingRuns(db, org.id)) <= 10);
});

test('odd file names and any column choice never cause a 500', async () => {
  const { c, upload } = await signedInWorker('Odd Input');
  const odd = await upload('na\u0000me\u0007\u202e.csv', 'Code,Consent to record\nOD-1,Yes\n');
  assert.equal(odd.statusCode, 303, odd.body.slice(0, 200));
  const names = await t.database.db
    .selectFrom('evidence_import_runs')
    .select('file_name')
    .where('id', '=', String(odd.headers.location).split('/').pop()!)
    .execute();
  assert.deepEqual(names, [{ file_name: 'name.csv' }]);
  const res = await upload('plain.csv', 'Code,Consent to record\nOD-1,Yes\n');
  const run = String(res.headers.location);
  await c.get(run);
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(
        fc.oneof(
          fc.constant('map_code'),
          fc.constant('map_consent_record'),
          fc.string().map((s) => `map_${s}`),
        ),
        fc.oneof(fc.string(), fc.constant('Code'), fc.constant('\u0000'), fc.constant('-'.repeat(50))),
        { maxKeys: 4 },
      ),
      async (fields) => {
        const r = await c.post(`${run}/check`, fields);
        assert.ok(r.statusCode < 500, `${r.statusCode} for ${JSON.stringify(fields)}`);
      },
    ),
    { numRuns: 15 },
  );
});

test('through the real CLI: no record-consent column, a blank answer, an erased person, a hostile file', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-cli-att-'));
  const external = testDatabaseUrl ? await freshDatabase() : undefined;
  const env = { ...process.env, DATABASE_URL: external?.url ?? '', DATA_DIR: dataDir };
  const withDb = async <T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> => {
    if (external) return fn(external.db);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrate(database.pool);
      return await fn(database.db);
    } finally {
      await database.close();
    }
  };
  const cli = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', ...args], { cwd: ROOT, env });
      return { code: 0, out: r.stdout + r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
  try {
    const org = await withDb(async (db) => {
      const o = await buildOrg(db, { name: 'CLI Consent' });
      await buildParticipant(db, o.id, 'CL-9');
      const id = await db
        .selectFrom('evidence_participants')
        .select('id')
        .where('code', '=', 'CL-9')
        .where('org_id', '=', o.id)
        .executeTakeFirstOrThrow();
      await db.transaction().execute((tx) => eraseParticipantRecord(tx, o.id, id.id));
      return o;
    });
    const file = async (name: string, content: string | Buffer) => {
      const p = path.join(dataDir, name);
      await writeFile(p, content);
      return p;
    };
    const noConsent = await cli('participants', '--org', org.slug, await file('a.csv', 'Code,First name\nCL-1,Ann\n'));
    assert.equal(noConsent.code, 1, noConsent.out);
    assert.match(noConsent.out, /consent to keep a record/i);
    const mixed = await cli(
      'participants',
      '--org',
      org.slug,
      '--skip-invalid',
      await file('b.csv', 'Code,Consent to record,Consent to share\nCL-2,Yes,Yes\nCL-3,,Yes\nCL-9,Yes,Yes\n'),
    );
    assert.equal(mixed.code, 0, mixed.out);
    assert.match(mixed.out, /Row 3, column 'Consent to record': The consent to keep a record is missing/);
    assert.match(mixed.out, /Row 4: the person with code CL-9 asked for their record to be erased/);
    assert.match(mixed.out, /Consents stored: keep a record 1; share with the network: 1 yes, 0 no/);
    const hostile = await cli(
      'participants',
      '--org',
      org.slug,
      await file('c.csv', Array.from({ length: 20_000 }, (_, i) => `h${i}`).join(',')),
    );
    assert.equal(hostile.code, 1);
    assert.match(hostile.out, /more than 200 columns/);
    const stored = await withDb(async (db) => ({
      people: (await db.selectFrom('evidence_participants').select('code').where('org_id', '=', org.id).execute()).map(
        (p) => p.code,
      ),
      bytes: (await db.selectFrom('evidence_import_uploads').select('run_id').where('org_id', '=', org.id).execute())
        .length,
    }));
    assert.deepEqual(stored, { people: ['CL-2'], bytes: 0 });
  } finally {
    await external?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('an erased code is not taken again by the add form, typed or generated', async () => {
  const { db, org, c } = await signedInWorker('Never Again');
  await c.get(`/orgs/${org.slug}/participants/new`);
  const add = (code: string) =>
    c.post(`/orgs/${org.slug}/participants`, {
      code,
      consent_record: 'yes',
      consent_network: 'no',
      consent_contact: 'no',
      consent_date: '2026-01-05',
    });
  assert.equal((await add('')).statusCode, 303);
  assert.equal((await add('')).statusCode, 303);
  const codes = async () => (await people(db, org.id)).map((p) => p.code);
  assert.deepEqual(await codes(), ['NA-0001', 'NA-0002']);
  const last = await db
    .selectFrom('evidence_participants')
    .select('id')
    .where('org_id', '=', org.id)
    .where('code', '=', 'NA-0002')
    .executeTakeFirstOrThrow();
  await c.get(`/orgs/${org.slug}/participants/${last.id}/erase`);
  await c.post(`/orgs/${org.slug}/participants/${last.id}/erase`, { confirm_code: 'NA-0002' });
  assert.deepEqual(await codes(), ['NA-0001']);

  // typed, in any case: refused with the reason on the form, nothing written
  const typed = await add('na-0002');
  assert.equal(typed.statusCode, 409);
  assert.match(typed.body, /NA-0002 belonged to someone whose record was erased/);
  assert.deepEqual(await codes(), ['NA-0001']);
  // left blank: the next code skips the erased one
  assert.equal((await add('')).statusCode, 303);
  assert.deepEqual(await codes(), ['NA-0001', 'NA-0003']);
});
