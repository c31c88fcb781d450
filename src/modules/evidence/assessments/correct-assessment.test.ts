// Correcting a questionnaire through HTTP: the form starts from what is recorded; saving re-scores
// it in place (same id, same source, a self-completion link's key kept); a clash with another
// questionnaire or a bad answer changes nothing; volunteers and other organisations cannot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { BARC10 } from '../domain/shipped-instruments.ts';
import { insertAssessments } from '../evidence.write-path.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
let participant: string;

const all = (n: number) => Object.fromEntries(BARC10.items.map((i) => [i.key, n]));

async function store(date: string, answers: Record<string, number>, keySuffix?: string) {
  await insertAssessments(t.database.db, org.id, [
    {
      participantId: participant,
      participantCode: 'CA-001',
      definition: BARC10,
      assessedOn: date,
      timePoint: '',
      responses: answers,
      source: keySuffix ? 'self' : 'staff',
      recordedBy: null,
      ...(keySuffix ? { keySuffix } : {}),
    },
  ]);
  return t.database.db
    .selectFrom('evidence_assessments')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('assessed_on', '=', date)
    .executeTakeFirstOrThrow();
}
const row = (id: string) =>
  t.database.db.selectFrom('evidence_assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const formOf = (date: string, answers: Record<string, number>) => ({
  assessed_on: date,
  time_point: 'none',
  ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, String(v)])),
});

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Correcting Recovery' });
  const person = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  worker = new Client(t.app);
  await worker.signInAs(t.database.db, person.id);
  participant = await buildParticipant(t.database.db, org.id, 'CA-001');
});
after(() => t.close());

const url = (id: string) => `/orgs/${org.slug}/participants/${participant}/assessments/${id}/correct`;

test('the form starts from what is recorded; saving re-scores it in place and the audit says what changed', async () => {
  const first = await store('2026-03-02', all(3));
  const page = await worker.get(`/orgs/${org.slug}/participants/${participant}`);
  assert.match(page.body, new RegExp(`href="${url(first.id)}"`), 'a Correct link on their page');
  const form = await worker.get(url(first.id));
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<h1>Correct BARC-10<\/h1>/);
  assert.match(form.body, /name="assessed_on"[^>]*value="2026-03-02"/);
  assert.match(form.body, /name="barc10_1" value="3" checked/);
  const corrected = { ...all(3), barc10_1: 6 };
  const saved = await worker.post(url(first.id), formOf('2026-03-03', corrected));
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500));
  const after = await row(first.id);
  assert.equal(String(after.assessed_on).slice(0, 10), '2026-03-03');
  assert.deepEqual(after.responses, corrected);
  assert.deepEqual(after.scores, { recovery_capital: 33 });
  assert.equal(after.source, 'staff');
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'assessment.corrected')
    .where('subject_id', '=', participant)
    .executeTakeFirstOrThrow();
  const detail = (typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail) as Record<
    string,
    unknown
  >;
  assert.deepEqual(detail.answers_changed, ['barc10_1']);
  assert.deepEqual(detail.before, { date: '2026-03-02', time_point: '' });
  assert.doesNotMatch(JSON.stringify(detail), /"barc10_1":/, 'which answers changed, never the answers');
});

test('a clash with another questionnaire, or an impossible answer, changes nothing', async () => {
  const a = await store('2026-04-01', all(4));
  await store('2026-04-08', all(5));
  const clash = await worker.post(url(a.id), formOf('2026-04-08', all(4)));
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /already recorded for CA-001 on that date/);
  const bad = await worker.post(url(a.id), formOf('2026-04-01', { ...all(4), barc10_2: 9 }));
  assert.equal(bad.statusCode, 400);
  const unchanged = await row(a.id);
  assert.equal(String(unchanged.assessed_on).slice(0, 10), '2026-04-01');
  assert.deepEqual(unchanged.responses, all(4));
});

test("a questionnaire filled in by link keeps its link's part of the key when corrected", async () => {
  const self = await store('2026-05-01', all(2), 'link:abcdef0123456789');
  const saved = await worker.post(url(self.id), formOf('2026-05-02', all(2)));
  assert.equal(saved.statusCode, 303);
  const after = await row(self.id);
  assert.match(after.natural_key, /\|2026-05-02\|\|link:abcdef0123456789$/);
  assert.equal(after.source, 'self');
});

test("volunteers and other organisations' staff cannot correct; a made-up id is not found", async () => {
  const a = await store('2026-06-01', all(3));
  const volunteer = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'volunteer' }] });
  const v = new Client(t.app);
  await v.signInAs(t.database.db, volunteer.id);
  assert.notEqual((await v.get(url(a.id))).statusCode, 200);
  await v.get(`/orgs/${org.slug}/participants/${participant}`);
  assert.notEqual((await v.post(url(a.id), formOf('2026-06-02', all(6)))).statusCode, 303);
  const other = await buildOrg(t.database.db, { name: 'Not Yours Recovery' });
  const outsider = await buildPerson(t.database.db, { memberships: [{ orgId: other.id, role: 'lead' }] });
  const o = new Client(t.app);
  await o.signInAs(t.database.db, outsider.id);
  assert.equal(
    (await o.get(`/orgs/${other.slug}/participants/${participant}/assessments/${a.id}/correct`)).statusCode,
    404,
  );
  assert.equal((await worker.get(url('00000000-0000-4000-8000-000000000000'))).statusCode, 404);
  assert.equal((await worker.get(url('nope'))).statusCode, 404);
  assert.deepEqual((await row(a.id)).responses, all(3));
});
