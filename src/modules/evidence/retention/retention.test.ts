// Retention through HTTP and the daily job, called as the queue calls it: the report before any
// erasure, the notice respected, keep with a reason, erase now, new activity drops a person,
// reruns and concurrent runs do nothing twice, and leads of other organisations see nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson, linkIn } from '../../../../test/support/factories.ts';
import type { Deps } from '../../../platform/deps.ts';
import { evidenceModule } from '../index.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';

let t: TestApp;
before(async () => (t = await startTestApp()));
after(() => t.close());

const DAY = 86_400_000;
const job = () => evidenceModule.jobs!.find((j) => j.name === 'evidence.apply-retention')!;
const deps = () => ({ db: t.database.db, config: t.config, mailer: t.mailer }) as Deps;
const run = () => job().run(deps(), {});

async function setup(name: string) {
  const db = t.database.db;
  const org = await buildOrg(db, { name });
  const lead = await buildPerson(db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const client = new Client(t.app);
  await client.signInAs(db, lead.id);
  return { org, lead, client };
}

/** Makes a participant's every date `yearsAgo` years in the past. */
async function ageParticipant(participantId: string, yearsAgo: number) {
  const db = t.database.db;
  const when = new Date(Date.now() - yearsAgo * 366 * DAY);
  const day = when.toISOString().slice(0, 10);
  await db.updateTable('evidence_participants').set({ created_at: when }).where('id', '=', participantId).execute();
  await db
    .updateTable('evidence_consents')
    .set({ decided_on: day })
    .where('participant_id', '=', participantId)
    .execute();
}

async function openBatch(orgId: string) {
  return t.database.db
    .selectFrom('evidence_retention_batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
}

/** As if the notice had passed: the batch's erase date moved into the past. */
async function passNotice(batchId: string) {
  await t.database.db
    .updateTable('evidence_retention_batches')
    .set({ erase_after: new Date(Date.now() - 1000), reported_at: new Date(Date.now() - 31 * DAY) })
    .where('id', '=', batchId)
    .execute();
}

const participantExists = async (id: string) =>
  !!(await t.database.db.selectFrom('evidence_participants').select('id').where('id', '=', id).executeTakeFirst());

const mailsTo = async (to: string) => (await t.mailer.outbox(500)).filter((m) => m.to === to);

test('a report first, erasure only after the notice, once, and through the erasure path', async () => {
  const { org, lead, client } = await setup('Retention One');
  const old = await buildParticipant(t.database.db, org.id, 'OLD-1');
  const recent = await buildParticipant(t.database.db, org.id, 'NEW-1');
  await ageParticipant(old, 7);
  await ageParticipant(recent, 1);

  await run();
  const batch = await openBatch(org.id);
  assert.ok(batch, 'a batch is written');
  assert.ok(await participantExists(old), 'nobody is erased at once');
  const reports = await mailsTo(lead.email);
  assert.equal(reports.length, 1);
  assert.match(reports[0]!.subject, /1 person will be erased on/);
  const page = await client.get(linkIn(reports[0]!.text));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /OLD-1/);
  assert.doesNotMatch(page.body, /NEW-1/);

  await run(); // the notice has not passed: nothing more
  assert.equal((await mailsTo(lead.email)).length, 1, 'a rerun does not report again');
  assert.ok(await participantExists(old));

  await passNotice(batch.id);
  await run();
  assert.equal(await participantExists(old), false, 'erased after the notice');
  assert.ok(await participantExists(recent));
  const mails = await mailsTo(lead.email);
  assert.equal(mails.length, 2);
  assert.match(mails[0]!.subject, /1 person erased/);
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'detail'])
    .where('org_id', '=', org.id)
    .where('subject_id', '=', old)
    .execute();
  assert.deepEqual(
    audit.map((a) => [a.action, a.actor_id]),
    [['participant.erased', null]],
  );

  await run();
  await run();
  assert.equal((await mailsTo(lead.email)).length, 2, 'reruns neither report nor erase again');
  const finished = await t.database.db
    .selectFrom('evidence_retention_batches')
    .select(['erased_count'])
    .where('org_id', '=', org.id)
    .execute();
  assert.deepEqual(finished, [{ erased_count: 1 }]);
});

test('keep with a reason, erase now, and new activity after the report drops a person', async () => {
  const { org, lead, client } = await setup('Retention Two');
  const keep = await buildParticipant(t.database.db, org.id, 'KEEP-1');
  const now = await buildParticipant(t.database.db, org.id, 'NOW-1');
  const active = await buildParticipant(t.database.db, org.id, 'BACK-1');
  const due = await buildParticipant(t.database.db, org.id, 'DUE-1');
  for (const p of [keep, now, active, due]) await ageParticipant(p, 8);
  await run();
  const batch = (await openBatch(org.id))!;
  const base = `/orgs/${org.slug}/retention/batches/${batch.id}/people`;

  assert.equal((await client.get(`${base}/${keep}`)).statusCode, 200);
  const empty = await client.post(`${base}/${keep}/keep`, { reason: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Say why this record should be kept/);
  const kept = await client.post(`${base}/${keep}/keep`, { reason: 'Still comes to the Tuesday group' });
  assert.equal(kept.statusCode, 303);
  const keptAudit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'detail'])
    .where('subject_id', '=', keep)
    .where('action', '=', 'participant.retention_kept')
    .execute();
  assert.equal(keptAudit.length, 1);
  assert.doesNotMatch(JSON.stringify(keptAudit[0]!.detail), /Tuesday/, 'the reason is not copied into the audit');

  const erased = await client.post(`${base}/${now}/erase`);
  assert.equal(erased.statusCode, 303);
  assert.equal(await participantExists(now), false);
  assert.equal((await client.post(`${base}/${now}/erase`)).statusCode, 404, 'erasing twice is a 404');

  // New activity after the report: a consent decision today.
  await t.database.db
    .updateTable('evidence_consents')
    .set({ decided_on: new Date().toISOString().slice(0, 10) })
    .where('participant_id', '=', active)
    .execute();

  const list = await client.get(`/orgs/${org.slug}/retention/batches/${batch.id}`);
  assert.match(list.body, /KEEP-1/);
  assert.match(list.body, /Still comes to the Tuesday group/);

  await passNotice(batch.id);
  await run();
  assert.ok(await participantExists(keep), 'kept');
  assert.ok(await participantExists(active), 'dropped by new activity');
  assert.equal(await participantExists(due), false, 'the rest erased');
  const mails = await mailsTo(lead.email);
  assert.match(mails[0]!.subject, /1 person erased/);

  await run(); // the kept person is not listed again within the year
  assert.equal(await openBatch(org.id), undefined);
});

test('two runs at once write one batch, one report, and erase once', async () => {
  const { org, lead } = await setup('Retention Three');
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push(await buildParticipant(t.database.db, org.id, `RACE-${i}`));
  for (const p of ids) await ageParticipant(p, 9);
  await Promise.all([run(), run()]);
  const batches = await t.database.db
    .selectFrom('evidence_retention_batches')
    .select('id')
    .where('org_id', '=', org.id)
    .execute();
  assert.equal(batches.length, 1);
  assert.equal((await mailsTo(lead.email)).length, 1);
  await passNotice(batches[0]!.id);
  await Promise.all([run(), run()]);
  assert.equal((await mailsTo(lead.email)).length, 2);
  const audits = await t.database.db
    .selectFrom('audit_log')
    .select('id')
    .where('org_id', '=', org.id)
    .where('action', '=', 'participant.erased')
    .execute();
  assert.equal(audits.length, 5);
});

test("another organisation's lead can neither see nor act on the list; workers are refused", async () => {
  const { org } = await setup('Retention Four');
  const p = await buildParticipant(t.database.db, org.id, 'SECRET-1');
  await ageParticipant(p, 8);
  await run();
  const batch = (await openBatch(org.id))!;
  const other = await setup('Retention Other');
  const paths = [
    `/orgs/${org.slug}/retention/batches/${batch.id}`,
    `/orgs/${other.org.slug}/retention/batches/${batch.id}`,
    `/orgs/${other.org.slug}/retention/batches/${batch.id}/people/${p}`,
  ];
  for (const path of paths) {
    const res = await other.client.get(path);
    assert.equal(res.statusCode, 404, path);
    assert.doesNotMatch(res.body, /SECRET-1/);
  }
  for (const action of ['keep', 'erase']) {
    const res = await other.client.post(`/orgs/${other.org.slug}/retention/batches/${batch.id}/people/${p}/${action}`, {
      reason: 'x',
    });
    assert.equal(res.statusCode, 404);
  }
  const worker = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  const wc = new Client(t.app);
  await wc.signInAs(t.database.db, worker.id);
  assert.equal((await wc.get(`/orgs/${org.slug}/retention`)).statusCode, 404);
  assert.ok(await participantExists(p));
});

test('the rule page: saves a choice, refuses bad input with a message and writes nothing, needs CSRF', async () => {
  const { org, client } = await setup('Retention Five');
  const page = await client.get(`/orgs/${org.slug}/retention`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /6 years after the last activity/);
  for (const years of ['5', '', 'forever', '7; drop table']) {
    const res = await client.post(`/orgs/${org.slug}/retention`, { years });
    assert.equal(res.statusCode, 400, years);
    assert.match(res.body, /Choose how long to keep records/);
  }
  const rules = () =>
    t.database.db.selectFrom('evidence_retention_rules').selectAll().where('org_id', '=', org.id).execute();
  assert.equal((await rules()).length, 0);
  const noCsrf = await client.post(`/orgs/${org.slug}/retention`, { years: '2' }, { csrf: false });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal((await rules()).length, 0);
  assert.equal((await client.post(`/orgs/${org.slug}/retention`, { years: 'off' })).statusCode, 303);
  assert.equal((await rules())[0]!.inactive_years, null);
  assert.match((await client.get(`/orgs/${org.slug}/retention`)).body, /kept until they are erased by hand/);
  // Off: nobody is reported.
  const p = await buildParticipant(t.database.db, org.id, 'OFF-1');
  await ageParticipant(p, 9);
  await run();
  assert.equal(await openBatch(org.id), undefined);
  assert.equal((await client.post(`/orgs/${org.slug}/retention`, { years: '7' })).statusCode, 303);
  assert.equal((await rules())[0]!.inactive_years, 7);
});
