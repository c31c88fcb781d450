// Sessions and volunteer hours, summaries (validated), an organisation's own measure, a
// coordinator installing a licensed instrument from a file, and the organisation's export.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../test/support/factories.ts';
import { licensedWellbeingFixture } from './domain/fixtures/load-fixture.ts';
import { buildParticipant, multipart } from './test/evidence-helpers.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let lead: Client;
let worker: Client;
const db = () => t.database.db;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Pages Recovery' });
  const l = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const w = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  lead = new Client(t.app);
  await lead.signInAs(t.database.db, l.id);
  worker = new Client(t.app);
  await worker.signInAs(t.database.db, w.id);
});
after(() => t.close());

test('a worker records a session and volunteer hours; the same session twice is refused', async () => {
  await worker.get(`/orgs/${org.slug}/activities`);
  const ok = await worker.post(`/orgs/${org.slug}/activities`, {
    held_on: '2026-01-06',
    activity_type: 'Peer support group',
    attendance: '12',
    first_time_attendees: '2',
    volunteers: '3',
    volunteer_hours: '7.5',
  });
  assert.equal(ok.statusCode, 303, ok.body);
  const twice = await worker.post(`/orgs/${org.slug}/activities`, {
    held_on: '2026-01-06',
    activity_type: 'peer support group',
    attendance: '10',
  });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /already recorded on that date/);
  const bad = await worker.post(`/orgs/${org.slug}/activities`, {
    held_on: '2026-01-07',
    activity_type: 'Walk',
    attendance: '3',
    first_time_attendees: '5',
  });
  assert.equal(bad.statusCode, 400);
  const hours = await worker.post(`/orgs/${org.slug}/volunteer-hours`, {
    vh_worked_on: '2026-01-06',
    vh_volunteer_label: 'JB',
    vh_volunteers: '1',
    vh_hours: '3.5',
    vh_note: 'Kitchen',
  });
  assert.equal(hours.statusCode, 303, hours.body);
  const tooMany = await worker.post(`/orgs/${org.slug}/volunteer-hours`, {
    vh_worked_on: '2026-01-06',
    vh_volunteers: '1',
    vh_hours: '30',
  });
  assert.equal(tooMany.statusCode, 400);
  assert.match(tooMany.body, /href="#f-vh_hours"/);
  const a = await db()
    .selectFrom('evidence_activities')
    .select(['held_on', 'attendance', 'first_time_attendees', 'volunteers', 'volunteer_hours'])
    .where('org_id', '=', org.id)
    .execute();
  assert.deepEqual(a, [
    { held_on: '2026-01-06', attendance: 12, first_time_attendees: 2, volunteers: 3, volunteer_hours: 7.5 },
  ]);
  const h = await db()
    .selectFrom('evidence_volunteer_hours')
    .select(['volunteer_label', 'hours'])
    .where('org_id', '=', org.id)
    .execute();
  assert.deepEqual(h, [{ volunteer_label: 'JB', hours: 3.5 }]);
  // optional fields left blank, as a browser sends them
  const blanks = await worker.post(`/orgs/${org.slug}/activities`, {
    held_on: '2026-01-08',
    activity_type: 'Walk',
    attendance: '4',
    first_time_attendees: '',
    volunteers: '',
    volunteer_hours: '',
  });
  assert.equal(blanks.statusCode, 303, blanks.body);
});

test('summaries: n of 2 or more, SD above 0, change within the range', async () => {
  await worker.get(`/orgs/${org.slug}/summaries`);
  const base = {
    measure: 'barc10:recovery_capital',
    period_start: '2025-01-01',
    period_end: '2025-12-31',
    collection_method: 'Paper forms, typed into our spreadsheet',
  };
  const cases: [Record<string, string>, RegExp][] = [
    [{ n_paired: '1', mean_change: '3', sd_change: '4' }, /At least 2 people/],
    [{ n_paired: '20', mean_change: '3', sd_change: '0' }, /must be more than 0/],
    [{ n_paired: '20', mean_change: '55', sd_change: '4' }, /mean change must be between -50 and 50/],
    [
      { n_paired: '20', mean_change: '3', sd_change: '4', baseline_mean: '70' },
      /mean at the start must be between 10 and 60/,
    ],
  ];
  for (const [fields, message] of cases) {
    const res = await worker.post(`/orgs/${org.slug}/summaries`, { ...base, ...fields });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, message);
  }
  const ok = await worker.post(`/orgs/${org.slug}/summaries`, {
    ...base,
    n_paired: '20',
    mean_change: '4.2',
    sd_change: '6.1',
    baseline_mean: '31.5',
    baseline_sd: '8',
  });
  assert.equal(ok.statusCode, 303, ok.body);
  const rows = await db()
    .selectFrom('evidence_summaries')
    .select(['instrument_key', 'measure_key', 'n_paired', 'mean_change', 'sd_change', 'baseline_mean'])
    .where('org_id', '=', org.id)
    .execute();
  assert.deepEqual(rows, [
    {
      instrument_key: 'barc10',
      measure_key: 'recovery_capital',
      n_paired: 20,
      mean_change: 4.2,
      sd_change: 6.1,
      baseline_mean: 31.5,
    },
  ]);
});

test("a lead builds the organisation's own measure; it is recorded like any questionnaire, only in that organisation", async () => {
  await lead.get(`/orgs/${org.slug}/measures`);
  const res = await lead.post(`/orgs/${org.slug}/measures`, {
    name: 'Feeling connected',
    items: 'I have people to talk to\nI feel part of the group',
    min: '1',
    max: '5',
    scoring: 'mean',
    direction: 'higher_is_better',
  });
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(
    (
      await lead.post(`/orgs/${org.slug}/measures`, {
        name: 'Feeling connected',
        items: 'Again',
        min: '1',
        max: '5',
        scoring: 'sum',
        direction: 'higher_is_better',
      })
    ).statusCode,
    400,
  );
  const id = await buildParticipant(db(), org.id, 'PR-1');
  const form = await worker.get(
    `/orgs/${org.slug}/participants/${id}/assessments/new?instrument=custom_feeling_connected`,
  );
  assert.equal(form.statusCode, 200);
  const saved = await worker.post(
    `/orgs/${org.slug}/participants/${id}/assessments?instrument=custom_feeling_connected`,
    { assessed_on: '2026-01-10', custom_feeling_connected_1: '4', custom_feeling_connected_2: '5' },
  );
  assert.equal(saved.statusCode, 303, saved.body);
  const a = await db()
    .selectFrom('evidence_assessments')
    .select('scores')
    .where('participant_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(a.scores, { custom_feeling_connected: 4.5 });
  // not offered to another organisation
  const other = await buildOrg(db());
  const otherWorker = await buildPerson(db(), { memberships: [{ orgId: other.id, role: 'worker' }] });
  const c = new Client(t.app);
  await c.signInAs(db(), otherWorker.id);
  const otherId = await buildParticipant(db(), other.id, 'X-1');
  assert.equal(
    (await c.get(`/orgs/${other.slug}/participants/${otherId}/assessments/new?instrument=custom_feeling_connected`))
      .statusCode,
    404,
  );
  // a worker may not build measures
  assert.equal((await worker.get(`/orgs/${org.slug}/measures`)).statusCode, 404);
});

test('a coordinator installs a licensed instrument from its definition file, with its licence reference; lookup scoring works', async () => {
  const coordinator = await buildPerson(db(), { networkRole: 'coordinator' });
  const c = new Client(t.app);
  await c.signInAs(db(), coordinator.id);
  const page = await c.get('/network/instruments');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /BARC-10/);
  const csrf = /_csrf=([^"&]+)/.exec(page.body)![1]!;
  const upload = async (definition: unknown, reference: string) => {
    const body = multipart(
      { licence_reference: reference },
      { field: 'definition', name: 'def.json', type: 'application/json', content: JSON.stringify(definition) },
    );
    return c.request({
      method: 'POST',
      url: `/network/instruments?_csrf=${csrf}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
  };
  const withoutReference = licensedWellbeingFixture();
  delete withoutReference.licence.reference;
  const refused = await upload(withoutReference, '');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /licence\.reference/);
  const ok = await upload(withoutReference, 'REG-2026-42');
  assert.equal(ok.statusCode, 303, ok.body);
  const row = await db()
    .selectFrom('evidence_instruments')
    .select(['licence_reference', 'origin', 'org_id'])
    .where('key', '=', 'test_licensed_wellbeing')
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { licence_reference: 'REG-2026-42', origin: 'licensed', org_id: null });
  assert.equal((await upload(withoutReference, 'REG-2026-42')).statusCode, 409);
  // every organisation can now record it, scored with the lookup table
  const id = await buildParticipant(db(), org.id, 'PR-2');
  const fixture = licensedWellbeingFixture();
  const answers = Object.fromEntries((fixture.items as { key: string }[]).map((i) => [i.key, '3']));
  const saved = await worker.post(
    `/orgs/${org.slug}/participants/${id}/assessments?instrument=test_licensed_wellbeing`,
    { assessed_on: '2026-01-10', ...answers },
  );
  assert.equal(saved.statusCode, 303, saved.body);
  const expected = (fixture.scoring.table as { raw: number; score: number }[]).find((r) => r.raw === 21)!.score;
  const a = await db()
    .selectFrom('evidence_assessments')
    .select('scores')
    .where('participant_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(Object.values(a.scores as object), [expected]);
  // turned off: no longer offered
  const inst = await db()
    .selectFrom('evidence_instruments')
    .select('id')
    .where('key', '=', 'test_licensed_wellbeing')
    .executeTakeFirstOrThrow();
  await c.post(`/network/instruments/${inst.id}/enabled`, { enabled: 'no' });
  assert.equal(
    (await worker.get(`/orgs/${org.slug}/participants/${id}/assessments/new?instrument=test_licensed_wellbeing`))
      .statusCode,
    404,
  );
  // a lead is not a coordinator
  assert.equal((await lead.get('/network/instruments')).statusCode, 403);
});

test("a lead downloads the organisation's data as CSV with a codebook; each download is audited; formulas are defused", async () => {
  const id = await buildParticipant(db(), org.id, 'PR-3', { firstName: '=HYPERLINK("x")' });
  await worker.post(`/orgs/${org.slug}/participants/${id}/assessments?instrument=ons4`, {
    assessed_on: '2026-01-10',
    ons4_satis: '6',
    ons4_worth: '7',
    ons4_happy: '5',
    ons4_anxious: '8',
  });
  assert.equal((await lead.get(`/orgs/${org.slug}/export`)).statusCode, 200);
  const participants = await lead.get(`/orgs/${org.slug}/export/participants`);
  assert.equal(participants.statusCode, 200);
  assert.match(String(participants.headers['content-type']), /text\/csv/);
  assert.ok(participants.body.startsWith('\uFEFFparticipant_code,first_name'));
  assert.match(participants.body, /PR-3,"'=HYPERLINK\(""x""\)"/);
  const scores = await lead.get(`/orgs/${org.slug}/export/assessment_scores`);
  assert.match(scores.body, /,anxiety,8\r\n/);
  const codebook = await lead.get(`/orgs/${org.slug}/export/codebook`);
  assert.match(codebook.body, /participants\.csv,consent_network,/);
  assert.equal((await lead.get(`/orgs/${org.slug}/export/people`)).statusCode, 404);
  assert.equal((await worker.get(`/orgs/${org.slug}/export/participants`)).statusCode, 404);
  const audit = await db()
    .selectFrom('audit_log')
    .select('subject_id')
    .where('org_id', '=', org.id)
    .where('action', '=', 'organisation.exported')
    .execute();
  assert.deepEqual(audit.map((a) => a.subject_id).sort(), ['assessment_scores', 'codebook', 'participants']);
});
