// kill -9 during a participant import, on the web (a spawned server, real HTTP) and on the command
// line (`connectors import participants`): the import is one transaction, so after the restart
// the organisation has all of the file's people or none, each with its consents, the run says
// which, and importing again gives each person exactly once.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { multipart } from '../../src/modules/evidence/test/evidence-helpers.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from '../support/factories.ts';
import { Browser, eventually, freshPlace, run, serve, usingDatabase, type Place } from './support.ts';

const ROWS = 1000;
const places: Place[] = [];
let work: string;
after(async () => {
  for (const p of places) await p.destroy();
  if (work) await rm(work, { recursive: true, force: true });
});

function participantsCsv(): string {
  const lines = [
    'Client ID,First name,Age group,Gender,Ethnic group,Local authority,Consent to record,Consent to share,OK to contact,Date of consent',
  ];
  for (let i = 1; i <= ROWS; i++)
    lines.push(`CR-${String(i).padStart(5, '0')},Person ${i},25 to 34,Woman,White British,Leeds,yes,yes,no,2024-02-03`);
  return `${lines.join('\n')}\n`;
}

async function setUp() {
  const p = await freshPlace({ migrated: true });
  places.push(p);
  const { org, email } = await usingDatabase(p, async ({ db }) => {
    const org = await buildOrg(db);
    const person = await buildPerson(db, { memberships: [{ orgId: org.id, role: 'lead' }] });
    return { org, email: person.email };
  });
  return { p, org, email };
}

async function state(p: Place, orgId: string) {
  return usingDatabase(p, async ({ db }) => {
    const people = await db
      .selectFrom('evidence_participants')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('code').distinct().as('codes')])
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const consents = await db
      .selectFrom('evidence_consents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const runs = await db
      .selectFrom('evidence_import_runs')
      .select(['id', 'status', 'imported'])
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .execute();
    const uploads = await db
      .selectFrom('evidence_import_uploads')
      .select((eb) => eb.fn.count<number>('run_id').distinct().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return {
      people: Number(people.n),
      codes: Number(people.codes),
      consents: Number(consents.n),
      runs,
      uploads: Number(uploads.n),
    };
  });
}

/** All or nothing: every person with their three consents, or none; the runs agree. */
function assertWholeOrNothing(s: Awaited<ReturnType<typeof state>>) {
  assert.ok(s.people === 0 || s.people === ROWS, `all ${ROWS} people or none, not ${s.people}`);
  assert.equal(s.codes, s.people, 'no one twice');
  assert.equal(s.consents, s.people * 3, 'each person has their three consents');
  const imported = s.runs.filter((r) => r.status === 'imported');
  assert.equal(imported.length, s.people ? 1 : 0, 'a run says imported exactly when the people are there');
  if (imported[0]) assert.equal(imported[0].imported, ROWS);
}

/** Waits (on a server) until the import's transaction is writing, so the kill lands inside it. */
async function whenWriting(p: Place) {
  if (!p.url) return new Promise((r) => setTimeout(r, 400));
  const monitor = new pg.Client({ connectionString: p.url });
  await monitor.connect();
  try {
    await eventually('the import is writing', async () => {
      const r = await monitor.query(
        `select 1 from pg_stat_activity where pid <> pg_backend_pid() and xact_start is not null
           and query ilike '%evidence_participants%'`,
      );
      return (r.rowCount ?? 0) > 0;
    });
  } finally {
    await monitor.end();
  }
}

test('the server killed during a web import: after the restart, all or nothing, and a second commit gives each person once', async () => {
  const { p, org, email } = await setUp();
  let server = await serve(p);
  const browser = new Browser(server.url);
  await browser.signIn(email, TEST_PASSWORD);
  assert.equal((await browser.get(`/orgs/${org.slug}/imports`)).status, 200);
  const body = multipart(
    { target: 'participants' },
    { field: 'file', name: 'people.csv', type: 'text/csv', content: participantsCsv() },
  );
  const uploaded = await browser.request(`/orgs/${org.slug}/imports?_csrf=${encodeURIComponent(browser.csrf)}`, {
    method: 'POST',
    headers: { 'content-type': body.contentType },
    body: body.payload,
  });
  assert.equal(uploaded.status, 303, uploaded.body.slice(0, 300));
  const runUrl = new URL(uploaded.location, server.url).pathname;
  const mapping = await browser.get(runUrl);
  assert.equal(mapping.status, 200);
  const fields: Record<string, string> = {};
  for (const m of mapping.body.matchAll(/name="(map_[a-z0-9_]+)"[^]*?<option value="([^"]*)" selected>/g))
    fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  const checked = await browser.post(`${runUrl}/check`, fields);
  assert.equal(checked.status, 200, checked.body.slice(0, 300));

  const commit = browser.post(`${runUrl}/commit`, { mode: 'all_or_nothing' }).catch((err: Error) => err);
  await whenWriting(p);
  await server.child.kill9();
  const answered = await commit;
  const before = await state(p, org.id);
  assertWholeOrNothing(before);
  if (!(answered instanceof Error) && answered.status === 200) assert.equal(before.people, ROWS, 'a 200 was kept');
  if (before.people === 0) assert.equal(before.uploads, 1, 'the upload waits to be imported again');

  server = await serve(p);
  browser.base = server.url;
  browser.csrf = '';
  const again = await browser.post(`${runUrl}/commit`, { mode: 'all_or_nothing' });
  assert.ok([200, 303].includes(again.status), `the second commit answers: ${again.status}`);
  await server.child.stop();
  const after = await state(p, org.id);
  assertWholeOrNothing(after);
  assert.equal(after.people, ROWS, 'the import is there once');
  assert.equal(after.uploads, 0, 'and its upload is gone');
});

test('`connectors import participants` killed mid-import: all or nothing; run again, each person once', async () => {
  const { p, org } = await setUp();
  work = await mkdtemp(path.join(os.tmpdir(), 'rc-crash-import-'));
  const file = path.join(work, 'people.csv');
  await writeFile(file, participantsCsv());
  const args = ['import', 'participants', '--org', org.slug, file];
  const child = run(args, p.env);
  await child.waitFor(/Columns:/);
  await whenWriting(p);
  await child.kill9();
  assertWholeOrNothing(await state(p, org.id));

  const again = run(args, p.env);
  assert.equal(await again.exited, 0, again.output());
  const s = await state(p, org.id);
  assertWholeOrNothing(s);
  assert.equal(s.people, ROWS);
  // the killed run's upload is not offered for import again: the daily sweep deletes it
  assert.ok(s.uploads <= 1);
});
