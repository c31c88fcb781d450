// Nothing destroyed by one click (issue 9 item 5): deleting a questionnaire asks first (a page
// that works without JavaScript), keeps it for 30 days with "restore" on the participant's page,
// then the scheduled purge removes it for good. Volunteers record but may not delete.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { evidenceJobs } from '../evidence.jobs.ts';
import { purgeDeletedAssessments } from './assessments.service.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
let volunteer: Client;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Bin Street Recovery' });
  const w = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  const v = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'volunteer' }] });
  worker = new Client(t.app);
  await worker.signInAs(t.database.db, w.id);
  volunteer = new Client(t.app);
  await volunteer.signInAs(t.database.db, v.id);
});
after(() => t.close());

const db = () => t.database.db;

async function recordOns4(code: string): Promise<{ base: string; assessmentId: string; participantId: string }> {
  const participantId = await buildParticipant(db(), org.id, code);
  const base = `/orgs/${org.slug}/participants/${participantId}`;
  await worker.get(`${base}/assessments/new?instrument=ons4`);
  const res = await worker.post(`${base}/assessments?instrument=ons4`, {
    assessed_on: '2026-01-10',
    time_point: 'start',
    ons4_satis: '6',
    ons4_worth: '7',
    ons4_happy: '5',
    ons4_anxious: '8',
  });
  assert.equal(res.statusCode, 303, res.body);
  const row = await db()
    .selectFrom('evidence_assessments')
    .select('id')
    .where('participant_id', '=', participantId)
    .executeTakeFirstOrThrow();
  return { base, assessmentId: row.id, participantId };
}

test('deleting a questionnaire asks first, on a page with a form, and the page offers no one-click delete', async () => {
  const { base, assessmentId } = await recordOns4('BIN-1');
  const page = await worker.get(base);
  assert.doesNotMatch(
    page.body,
    new RegExp(`<form[^>]+action="${base}/assessments/${assessmentId}/delete"`),
    'no delete button straight on the record',
  );
  assert.match(page.body, new RegExp(`href="${base}/assessments/${assessmentId}/delete"`));
  const confirm = await worker.get(`${base}/assessments/${assessmentId}/delete`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Delete ONS4 of 10 Jan 2026 from BIN-1\?/);
  assert.match(confirm.body, /restore it within 30 days/);
  assert.match(confirm.body, new RegExp(`<form method="post" action="${base}/assessments/${assessmentId}/delete"`));
  assert.match(confirm.body, /name="_csrf"/);
});

test('a deleted questionnaire leaves the figures, is listed with restore for 30 days, and comes back', async () => {
  const { base, assessmentId, participantId } = await recordOns4('BIN-2');
  await worker.get(`${base}/assessments/${assessmentId}/delete`);
  const del = await worker.post(`${base}/assessments/${assessmentId}/delete`);
  assert.equal(del.statusCode, 303, del.body);
  assert.equal(
    (await db().selectFrom('evidence_assessments').select('id').where('participant_id', '=', participantId).execute())
      .length,
    0,
    'gone from the records the figures read',
  );
  const page = await worker.get(base);
  assert.match(page.body, /Deleted in the last 30 days/);
  assert.match(page.body, new RegExp(`action="${base}/assessments/${assessmentId}/restore"`));
  const restored = await worker.post(`${base}/assessments/${assessmentId}/restore`);
  assert.equal(restored.statusCode, 303, restored.body);
  const back = await db()
    .selectFrom('evidence_assessments')
    .select(['id', 'scores'])
    .where('participant_id', '=', participantId)
    .execute();
  assert.deepEqual(back, [
    { id: assessmentId, scores: { life_satisfaction: 6, worthwhile: 7, happiness: 5, anxiety: 8 } },
  ]);
  const audit = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('org_id', '=', org.id)
    .where('action', 'in', ['assessment.deleted', 'assessment.restored'])
    .orderBy('at')
    .execute();
  assert.deepEqual(audit.map((a) => a.action).slice(-2), ['assessment.deleted', 'assessment.restored']);
});

test('after 30 days the scheduled purge removes it for good, and restore then says so plainly', async () => {
  const { base, assessmentId } = await recordOns4('BIN-3');
  await worker.get(base);
  assert.equal((await worker.post(`${base}/assessments/${assessmentId}/delete`)).statusCode, 303);
  assert.ok(
    evidenceJobs.some((j) => j.name === 'evidence.purge-deleted-assessments'),
    'the purge is a scheduled job',
  );
  assert.equal(await purgeDeletedAssessments(db(), new Date(Date.now() + 29 * 86_400_000)), 0, 'kept for 30 days');
  assert.equal(await purgeDeletedAssessments(db(), new Date(Date.now() + 31 * 86_400_000)), 1, 'purged after');
  await worker.get(base);
  const res = await worker.post(`${base}/assessments/${assessmentId}/restore`);
  assert.equal(res.statusCode, 404);
  assert.doesNotMatch((await worker.get(base)).body, /Deleted in the last 30 days/);
});

test('a volunteer records questionnaires but cannot delete one, by page or by form', async () => {
  const { base, assessmentId } = await recordOns4('BIN-4');
  const page = await volunteer.get(base);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /assessments\/[^"]+\/delete/, 'no delete link for a volunteer');
  assert.equal(
    (await volunteer.get(`${base}/assessments/${assessmentId}/delete`)).statusCode,
    404,
    'refused as the house refuses: 404',
  );
  assert.equal(
    (await volunteer.post(`${base}/assessments/${assessmentId}/delete`)).statusCode,
    404,
    'refused as the house refuses: 404',
  );
  assert.equal(
    (await db().selectFrom('evidence_assessments').select('id').where('id', '=', assessmentId).execute()).length,
    1,
    'still there',
  );
});

test('a volunteer does not see substances, age, gender, ethnicity or area on a participant page; a worker does', async () => {
  const { base, participantId } = await recordOns4('BIN-5');
  await db()
    .updateTable('evidence_participants')
    .set({
      age_band: '25-34',
      gender: 'Woman',
      ethnicity: 'Any other White background',
      main_substances: ['Alcohol'],
      local_authority: 'Leeds',
    })
    .where('id', '=', participantId)
    .execute();
  const seen = (await worker.get(base)).body;
  for (const text of ['Alcohol', 'Woman', 'Main substances', 'Gender', 'Age'])
    assert.match(seen, new RegExp(text), `a worker sees ${text}`);
  const page = (await volunteer.get(base)).body;
  for (const text of [
    'Alcohol',
    'Woman',
    'Main substances',
    'Gender',
    'Ethnic group',
    'Any other White',
    'Local authority',
    '25-34',
    'Leeds',
  ])
    assert.doesNotMatch(page, new RegExp(`>[^<]*${text}`), `a volunteer does not see ${text}`);
  assert.match(page, /BIN-5/);
});
