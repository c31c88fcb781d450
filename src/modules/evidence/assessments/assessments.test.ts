// Staff entry of ONS4 and BARC-10 over HTTP, self-completion links (once only), consent
// withdrawal and erasure, each checked in the database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
let lead: Client;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Hope Street Recovery' });
  const w = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  const l = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  worker = new Client(t.app);
  await worker.signInAs(t.database.db, w.id);
  lead = new Client(t.app);
  await lead.signInAs(t.database.db, l.id);
});
after(() => t.close());

const db = () => t.database.db;

test('a worker adds a participant with consent, and the page view is audited', async () => {
  await worker.get(`/orgs/${org.slug}/participants/new`);
  const res = await worker.post(`/orgs/${org.slug}/participants`, {
    first_name: 'Sam',
    consent_record: 'yes',
    consent_network: 'yes',
    consent_contact: 'no',
    consent_date: '2026-01-05',
    gender: 'Woman',
    age_band: '',
    ethnicity: '',
  });
  assert.equal(res.statusCode, 303, res.body);
  const p = await db()
    .selectFrom('evidence_participants')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('first_name', '=', 'Sam')
    .executeTakeFirstOrThrow();
  assert.equal(p.code, 'HSR-0001');
  assert.deepEqual([p.consent_record, p.consent_network, p.consent_contact], [true, true, false]);
  const consents = await db()
    .selectFrom('evidence_consents')
    .select(['kind', 'given'])
    .where('participant_id', '=', p.id)
    .orderBy('id')
    .execute();
  assert.deepEqual(consents, [
    { kind: 'record', given: true },
    { kind: 'network', given: true },
    { kind: 'contact', given: false },
  ]);
  const page = await worker.get(String(res.headers.location));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /HSR-0001/);
  const audit = await db()
    .selectFrom('audit_log')
    .select(['action', 'subject_id'])
    .where('org_id', '=', org.id)
    .where('action', '=', 'participant.viewed')
    .execute();
  assert.deepEqual(audit, [{ action: 'participant.viewed', subject_id: p.id }]);
});

test('a form without record consent is refused with a clear message', async () => {
  await worker.get(`/orgs/${org.slug}/participants/new`);
  const res = await worker.post(`/orgs/${org.slug}/participants`, {
    consent_record: 'no',
    consent_network: 'no',
    consent_contact: 'no',
    consent_date: '2026-01-05',
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /only keep a record if the person agrees/);
});

test('a worker records ONS4 and BARC-10; scores equal hand-computed values', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-100');
  const base = `/orgs/${org.slug}/participants/${id}`;
  const form = await worker.get(`${base}/assessments/new?instrument=ons4`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /how satisfied are you with your life nowadays/);
  const ons = await worker.post(`${base}/assessments?instrument=ons4`, {
    assessed_on: '2026-01-10',
    time_point: 'start',
    ons4_satis: '6',
    ons4_worth: '7',
    ons4_happy: '5',
    ons4_anxious: '8',
  });
  assert.equal(ons.statusCode, 303, ons.body);
  // BARC-10: answers 6,5,4,3,2,1,6,5,4,3 sum to 39, below the 47 "sustained remission" band.
  const answers = [6, 5, 4, 3, 2, 1, 6, 5, 4, 3];
  const barc = await worker.post(`${base}/assessments?instrument=barc10`, {
    assessed_on: '10/01/2026',
    time_point: 'other',
    time_point_other: '3  Months',
    ...Object.fromEntries(answers.map((v, i) => [`barc10_${i + 1}`, String(v)])),
  });
  assert.equal(barc.statusCode, 303, barc.body);
  const rows = await db()
    .selectFrom('evidence_assessments')
    .select(['instrument_key', 'assessed_on', 'time_point', 'scores', 'source'])
    .where('participant_id', '=', id)
    .orderBy('instrument_key')
    .execute();
  assert.deepEqual(rows, [
    {
      instrument_key: 'barc10',
      assessed_on: '2026-01-10',
      time_point: '3 months',
      scores: { recovery_capital: 39 },
      source: 'staff',
    },
    {
      instrument_key: 'ons4',
      assessed_on: '2026-01-10',
      time_point: 'start',
      scores: { life_satisfaction: 6, worthwhile: 7, happiness: 5, anxiety: 8 },
      source: 'staff',
    },
  ]);
  const page = await worker.get(base);
  assert.match(page.body, /Recovery capital \(BARC-10 total\): <strong>39<\/strong>/);
});

test('an unanswered question and a typed-in score are refused', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-101');
  const base = `/orgs/${org.slug}/participants/${id}`;
  await worker.get(`${base}/assessments/new?instrument=ons4`);
  const res = await worker.post(`${base}/assessments?instrument=ons4`, {
    assessed_on: '2026-01-10',
    ons4_satis: '11',
    ons4_worth: '7',
    ons4_happy: '5',
    life_satisfaction: '10',
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Choose an answer to question 1/);
  assert.match(res.body, /Choose an answer to question 4/);
  const n = await db()
    .selectFrom('evidence_assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participant_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 0);
});

test('a self-completion link works once; a second use is refused', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-102', { firstName: 'Secretname' });
  const base = `/orgs/${org.slug}/participants/${id}`;
  await worker.get(base);
  const made = await worker.post(`${base}/links`, { instrument: 'ons4', time_point: 'review' });
  assert.equal(made.statusCode, 200, made.body);
  assert.match(made.body, /<img class="qr" src="data:image\/svg\+xml;base64,/);
  const path = /http:\/\/localhost:3000(\/complete\/[A-Za-z0-9_-]+)/.exec(made.body)![1]!;
  const participant = new Client(t.app);
  const page = await participant.get(path);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Secretname|HS-102/);
  assert.match(page.body, /Hope Street Recovery/);
  const done = await participant.post(path, { ons4_satis: '9', ons4_worth: '8', ons4_happy: '7', ons4_anxious: '1' });
  assert.equal(done.statusCode, 200, done.body);
  assert.match(done.body, /Thank you/);
  const again = await participant.post(path, { ons4_satis: '0', ons4_worth: '0', ons4_happy: '0', ons4_anxious: '10' });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /already been used/);
  assert.equal((await participant.get(path)).statusCode, 410);
  const rows = await db()
    .selectFrom('evidence_assessments')
    .select(['scores', 'source', 'time_point'])
    .where('participant_id', '=', id)
    .execute();
  assert.deepEqual(rows, [
    { scores: { life_satisfaction: 9, worthwhile: 8, happiness: 7, anxiety: 1 }, source: 'self', time_point: 'review' },
  ]);
  assert.equal((await participant.get('/complete/' + 'x'.repeat(43))).statusCode, 404);
});

test('two submissions racing for one link store exactly one assessment', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-103');
  const base = `/orgs/${org.slug}/participants/${id}`;
  await worker.get(base);
  const made = await worker.post(`${base}/links`, { instrument: 'ons4' });
  const path = /http:\/\/localhost:3000(\/complete\/[A-Za-z0-9_-]+)/.exec(made.body)![1]!;
  const a = new Client(t.app);
  const b = new Client(t.app);
  await a.get(path);
  await b.get(path);
  const answers = { ons4_satis: '5', ons4_worth: '5', ons4_happy: '5', ons4_anxious: '5' };
  const results = await Promise.all([a.post(path, answers), b.post(path, answers)]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 410]);
  const n = await db()
    .selectFrom('evidence_assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participant_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 1);
});

test('withdrawing network consent takes the person out of network figures; record consent withdrawal stops recording', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-104');
  const base = `/orgs/${org.slug}/participants/${id}`;
  await worker.get(base);
  assert.equal(
    (await worker.post(`${base}/consents`, { kind: 'network', decision: 'withdrawn', decided_on: '2026-02-01' }))
      .statusCode,
    303,
  );
  let p = await db()
    .selectFrom('evidence_participants')
    .select(['consent_record', 'consent_network'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(p, { consent_record: true, consent_network: false });
  const inNetwork = await db()
    .selectFrom('evidence_participants')
    .select('id')
    .where('org_id', '=', org.id)
    .where('consent_network', '=', true)
    .execute();
  assert.ok(!inNetwork.some((r) => r.id === id));
  // withdrawing record consent withdraws network consent too, and blocks new questionnaires
  await worker.post(`${base}/consents`, { kind: 'network', decision: 'given', decided_on: '2026-02-02' });
  await worker.post(`${base}/consents`, { kind: 'record', decision: 'withdrawn', decided_on: '2026-02-03' });
  p = await db()
    .selectFrom('evidence_participants')
    .select(['consent_record', 'consent_network'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(p, { consent_record: false, consent_network: false });
  const history = await db()
    .selectFrom('evidence_consents')
    .select(['kind', 'given', 'decided_on'])
    .where('participant_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(history.slice(2), [
    { kind: 'network', given: false, decided_on: '2026-02-01' },
    { kind: 'network', given: true, decided_on: '2026-02-02' },
    { kind: 'record', given: false, decided_on: '2026-02-03' },
    { kind: 'network', given: false, decided_on: '2026-02-03' },
  ]);
  const refused = await worker.post(`${base}/assessments?instrument=ons4`, {
    assessed_on: '2026-02-04',
    ons4_satis: '5',
    ons4_worth: '5',
    ons4_happy: '5',
    ons4_anxious: '5',
  });
  assert.equal(refused.statusCode, 409);
});

test('erasure deletes the person and everything about them, audited without personal data; only a lead may erase', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-105');
  const base = `/orgs/${org.slug}/participants/${id}`;
  await worker.get(base);
  await worker.post(`${base}/assessments?instrument=ons4`, {
    assessed_on: '2026-01-10',
    ons4_satis: '5',
    ons4_worth: '5',
    ons4_happy: '5',
    ons4_anxious: '5',
  });
  await worker.post(`${base}/links`, { instrument: 'barc10' });
  assert.equal((await worker.post(`${base}/erase`, { confirm_code: 'HS-105' })).statusCode, 404);
  await lead.get(`${base}/erase`);
  assert.equal((await lead.post(`${base}/erase`, { confirm_code: 'HS-999' })).statusCode, 400);
  assert.equal((await lead.post(`${base}/erase`, { confirm_code: 'hs-105' })).statusCode, 303);
  for (const table of [
    'evidence_participants',
    'evidence_assessments',
    'evidence_consents',
    'evidence_completion_links',
  ] as const) {
    const col = table === 'evidence_participants' ? 'id' : 'participant_id';
    const rows = await db().selectFrom(table).select(col).where(col, '=', id).execute();
    assert.equal(rows.length, 0, `${table} still holds rows`);
  }
  const audit = await db()
    .selectFrom('audit_log')
    .select(['action', 'subject_id', 'detail'])
    .where('action', '=', 'participant.erased')
    .executeTakeFirstOrThrow();
  assert.equal(audit.subject_id, id);
  assert.doesNotMatch(JSON.stringify(audit), /HS-105/);
  assert.equal((await lead.get(base)).statusCode, 404);
});

test('a lead downloads a subject access export; a worker may not', async () => {
  const id = await buildParticipant(db(), org.id, 'HS-106');
  assert.equal((await worker.get(`/orgs/${org.slug}/participants/${id}/export`)).statusCode, 404);
  const res = await lead.get(`/orgs/${org.slug}/participants/${id}/export`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const data = JSON.parse(res.body);
  assert.equal(data.participant.code, 'HS-106');
  assert.equal(data.consent_decisions.length, 2);
  const audit = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'participant.exported')
    .where('subject_id', '=', id)
    .execute();
  assert.equal(audit.length, 1);
});

test("another organisation's people cannot reach these participants", async () => {
  const other = await buildOrg(db(), { name: 'Elsewhere' });
  const outsider = await buildPerson(db(), { memberships: [{ orgId: other.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signInAs(db(), outsider.id);
  const id = await buildParticipant(db(), org.id, 'HS-107');
  assert.equal((await c.get(`/orgs/${org.slug}/participants/${id}`)).statusCode, 404);
  // their own organisation's address with our participant's id: still not found
  assert.equal((await c.get(`/orgs/${other.slug}/participants/${id}`)).statusCode, 404);
  assert.equal((await c.get(`/orgs/${other.slug}/participants/${id}/export`)).statusCode, 404);
  await c.get(`/orgs/${other.slug}/participants`);
  assert.equal(
    (await c.post(`/orgs/${other.slug}/participants/${id}/erase`, { confirm_code: 'HS-107' })).statusCode,
    404,
  );
  assert.ok(await db().selectFrom('evidence_participants').select('id').where('id', '=', id).executeTakeFirst());
});
