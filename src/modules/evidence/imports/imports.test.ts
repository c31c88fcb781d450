// The messy spreadsheet, over HTTP and through the real CLI: a precise report and nothing
// written; --skip-invalid writes exactly the valid rows; importing again adds nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { freshDatabase, testDatabaseUrl } from '../../../../test/support/database.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { openDatabase } from '../../../platform/db/database.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { insertAssessments } from '../evidence.write-path.ts';
import { BARC10 } from '../domain/shipped-instruments.ts';
import { syncShippedInstruments } from '../instruments/instruments.repository.ts';
import { buildParticipant, multipart } from '../test/evidence-helpers.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MESSY = fileURLToPath(new URL('./engine/fixtures/messy-assessments.csv', import.meta.url));
const run = promisify(execFile);

const EXPECTED_PROBLEMS = [
  "Row 6, column 'BARC10 Q10': '7' is not a possible answer to BARC-10 question 10.",
  "Row 7, column 'Participant Code': There is no participant with the code 'HS-999'.",
  "Row 10, column 'Date (dd/mm/yyyy)': '31/02/2024' is not a real date.",
  "Row 11, column 'Date (dd/mm/yyyy)': '03/13/2024' is not a real date: there is no month 13.",
];

/** HS-001…HS-008 exist; HS-008 already has the BARC-10 of its row (an "already stored" duplicate). */
async function prepareOrg(db: Kysely<DB>, orgId: string) {
  await syncShippedInstruments(db);
  for (let i = 1; i <= 8; i++) await buildParticipant(db, orgId, `HS-00${i}`);
  const hs8 = await db
    .selectFrom('evidence_participants')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', 'HS-008')
    .executeTakeFirstOrThrow();
  await insertAssessments(db, orgId, [
    {
      participantId: hs8.id,
      participantCode: 'HS-008',
      definition: BARC10,
      assessedOn: '2024-02-01',
      timePoint: 'baseline',
      responses: Object.fromEntries(BARC10.items.map((i) => [i.key, 4])),
      source: 'staff',
      recordedBy: null,
    },
  ]);
}

async function assessmentRows(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_assessments as a')
    .innerJoin('evidence_participants as p', 'p.id', 'a.participant_id')
    .select(['p.code', 'a.instrument_key', 'a.assessed_on', 'a.time_point', 'a.scores', 'a.source'])
    .where('a.org_id', '=', orgId)
    .orderBy('p.code')
    .execute();
}

const EXPECTED_AFTER_SKIP = [
  {
    code: 'HS-001',
    instrument_key: 'barc10',
    assessed_on: '2024-03-05',
    time_point: 'baseline',
    scores: { recovery_capital: 39 },
    source: 'import',
  },
  {
    code: 'HS-002',
    instrument_key: 'barc10',
    assessed_on: '2024-03-06',
    time_point: 'baseline',
    scores: { recovery_capital: 47 },
    source: 'import',
  },
  {
    code: 'HS-003',
    instrument_key: 'ons4',
    assessed_on: '2024-03-09',
    time_point: 'baseline',
    scores: { life_satisfaction: 7, worthwhile: 9, happiness: 4, anxiety: 6 },
    source: 'import',
  },
  {
    code: 'HS-007',
    instrument_key: 'barc10',
    assessed_on: '2024-03-10',
    time_point: '3 months, review',
    scores: { recovery_capital: 59 },
    source: 'import',
  },
  {
    code: 'HS-008',
    instrument_key: 'barc10',
    assessed_on: '2024-02-01',
    time_point: 'baseline',
    scores: { recovery_capital: 40 },
    source: 'staff',
  },
];

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('over HTTP: upload, choose columns, a precise report; all-or-nothing writes nothing; valid rows only; twice adds nothing', async () => {
  const db = t.database.db;
  const org = await buildOrg(db, { name: 'Messy Sheets' });
  await prepareOrg(db, org.id);
  const worker = await buildPerson(db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  const c = new Client(t.app);
  await c.signInAs(db, worker.id);
  const page = await c.get(`/orgs/${org.slug}/imports`);
  const csrf = /_csrf=([^"&]+)/.exec(page.body)![1]!;
  const upload = async () => {
    const body = multipart(
      { target: 'assessments' },
      { field: 'file', name: 'messy.csv', type: 'text/csv', content: await readFile(MESSY) },
    );
    const res = await c.request({
      method: 'POST',
      url: `/orgs/${org.slug}/imports?_csrf=${csrf}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    assert.equal(res.statusCode, 303, res.body);
    return String(res.headers.location);
  };
  const runUrl = await upload();
  const mapping = await c.get(runUrl);
  assert.equal(mapping.statusCode, 200);
  // the suggestion picked the columns, and the preview shows the first row
  assert.match(mapping.body, /<option value="Participant Code" selected>/);
  assert.match(mapping.body, /<td>HS-001<\/td>/);
  const fields: Record<string, string> = {};
  for (const m of mapping.body.matchAll(/name="(map_[a-z0-9_]+)"[^]*?<option value="([^"]*)" selected>/g))
    fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  const checked = await c.post(`${runUrl}/check`, fields);
  assert.equal(checked.statusCode, 200, checked.body);
  for (const p of EXPECTED_PROBLEMS) {
    const [, row, column, problem] = /^Row (\d+), column '([^']+)': (.*)$/.exec(p)!;
    assert.ok(
      checked.body.includes(`<td class="numeric">${row}</td><td>${column}</td><td>${problem}`),
      `the report shows: ${p}`,
    );
  }
  assert.match(checked.body, /4 rows are fine, 4 have problems/);
  assert.equal((await assessmentRows(db, org.id)).length, 1);
  // all or nothing: refused, nothing written
  const refused = await c.post(`${runUrl}/commit`, { mode: 'all_or_nothing' });
  assert.equal(refused.statusCode, 400);
  assert.equal((await assessmentRows(db, org.id)).length, 1);
  // a deliberate choice: only the valid rows
  const done = await c.post(`${runUrl}/commit`, { mode: 'skip_invalid' });
  assert.equal(done.statusCode, 200, done.body);
  assert.match(done.body, /4 questionnaires added/);
  assert.deepEqual(await assessmentRows(db, org.id), EXPECTED_AFTER_SKIP);
  assert.equal(
    (await db.selectFrom('evidence_import_uploads').select('run_id').where('org_id', '=', org.id).execute()).length,
    0,
    'the upload was deleted',
  );
  // the same file again adds nothing
  const again = await upload();
  await c.get(again);
  const second = await c.post(`${again}/check`, fields);
  assert.match(second.body, /0 rows are fine/);
  await c.post(`${again}/commit`, { mode: 'skip_invalid' });
  assert.deepEqual(await assessmentRows(db, org.id), EXPECTED_AFTER_SKIP);
  // the mapping was remembered
  const remembered = await db
    .selectFrom('evidence_import_mappings')
    .select('mapping')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  assert.equal((remembered.mapping as Record<string, string>).participant_code, 'Participant Code');
});

test("another organisation cannot see or use an organisation's import", async () => {
  const db = t.database.db;
  const org = await buildOrg(db);
  const other = await buildOrg(db);
  const run = await db
    .insertInto('evidence_import_runs')
    .values({ org_id: org.id, target: 'participants', file_kind: 'csv', file_name: 'secret.csv' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const outsider = await buildPerson(db, { memberships: [{ orgId: other.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signInAs(db, outsider.id);
  assert.equal((await c.get(`/orgs/${other.slug}/imports/${run.id}`)).statusCode, 404);
  await c.get(`/orgs/${other.slug}/imports`);
  assert.equal(
    (await c.post(`/orgs/${other.slug}/imports/${run.id}/commit`, { mode: 'skip_invalid' })).statusCode,
    404,
  );
  assert.doesNotMatch((await c.get(`/orgs/${other.slug}/imports`)).body, /secret\.csv/);
});

test('through the real CLI: report and exit 1 with nothing written; --skip-invalid writes the valid rows; again adds nothing', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-cli-'));
  let env: NodeJS.ProcessEnv;
  let close: () => Promise<void>;
  let db: Kysely<DB>;
  if (testDatabaseUrl) {
    const database = await freshDatabase();
    env = { ...process.env, DATABASE_URL: database.url!, DATA_DIR: dataDir };
    db = database.db;
    close = () => database.close();
  } else {
    env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir };
    db = undefined as never;
    close = async () => {};
  }
  // the embedded database is single-process: open it, prepare, close; reopen to check
  const withDb = async <T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> => {
    if (testDatabaseUrl) return fn(db);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrate(database.pool);
      return await fn(database.db);
    } finally {
      await database.close();
    }
  };
  try {
    const org = await withDb(async (d) => {
      const o = await buildOrg(d, { name: 'Command Line Recovery' });
      await prepareOrg(d, o.id);
      return o;
    });
    const cli = async (...args: string[]) => {
      try {
        const r = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', ...args], { cwd: ROOT, env });
        return { code: 0, out: r.stdout, err: r.stderr };
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, out: e.stdout, err: e.stderr };
      }
    };
    const first = await cli('assessments', '--org', org.slug, MESSY);
    assert.equal(first.code, 1, first.err);
    for (const p of EXPECTED_PROBLEMS) assert.ok(first.out.includes(p), `report has: ${p}\n${first.out}`);
    assert.match(first.out, /Nothing was imported/);
    assert.match(first.out, /Row 9 is the same as row 2/);
    assert.equal((await withDb((d) => assessmentRows(d, org.id))).length, 1);

    const dry = await cli('assessments', '--org', org.slug, '--dry-run', '--skip-invalid', MESSY);
    assert.equal(dry.code, 1, dry.out); // nothing written and rows invalid
    assert.match(dry.out, /Dry run: nothing was saved/);
    assert.equal((await withDb((d) => assessmentRows(d, org.id))).length, 1);

    const skip = await cli('assessments', '--org', org.slug, '--skip-invalid', MESSY);
    assert.equal(skip.code, 0, skip.err + skip.out);
    assert.match(skip.out, /Imported 4 assessments/);
    assert.deepEqual(await withDb((d) => assessmentRows(d, org.id)), EXPECTED_AFTER_SKIP);

    const again = await cli('assessments', '--org', org.slug, '--skip-invalid', MESSY);
    assert.match(again.out, /Valid and new: 0\./);
    assert.deepEqual(await withDb((d) => assessmentRows(d, org.id)), EXPECTED_AFTER_SKIP);

    // a mapping file is used as given; a wrong one stops before any row is read
    const mappingFile = path.join(dataDir, 'mapping.json');
    await writeFile(
      mappingFile,
      JSON.stringify({ participant_code: 'Nope', instrument: 'Questionnaire', date: 'Date (dd/mm/yyyy)' }),
    );
    const wrong = await cli('assessments', '--org', org.slug, '--mapping', mappingFile, MESSY);
    assert.equal(wrong.code, 1);
    assert.match(wrong.out, /The file has no column called 'Nope'/);

    const usage = await cli('people', '--org', org.slug, MESSY);
    assert.equal(usage.code, 2);
    const runs = await withDb((d) =>
      d.selectFrom('evidence_import_runs').select(['via', 'status']).where('org_id', '=', org.id).execute(),
    );
    assert.ok(runs.length >= 4 && runs.every((r) => r.via === 'cli'));
  } finally {
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
