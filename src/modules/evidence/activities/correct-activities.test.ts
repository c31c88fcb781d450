// Correcting sessions and volunteer hours through the pages: change (audited before and after),
// delete after asking, put back; volunteers and other organisations cannot; bad input and
// replays write nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
let volunteer: Client;
let outsider: Client;
const db = () => t.database.db;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(db(), { name: 'Put Right' });
  const other = await buildOrg(db(), { name: 'Elsewhere' });
  const people = {
    worker: await buildPerson(db(), { memberships: [{ orgId: org.id, role: 'worker' }] }),
    volunteer: await buildPerson(db(), { memberships: [{ orgId: org.id, role: 'volunteer' }] }),
    outsider: await buildPerson(db(), { memberships: [{ orgId: other.id, role: 'lead' }] }),
  };
  worker = new Client(t.app);
  await worker.signInAs(db(), people.worker.id);
  volunteer = new Client(t.app);
  await volunteer.signInAs(db(), people.volunteer.id);
  outsider = new Client(t.app);
  await outsider.signInAs(db(), people.outsider.id);
});
after(() => t.close());

const sessions = () =>
  db()
    .selectFrom('evidence_activities as a')
    .innerJoin('evidence_activity_types as t', 't.id', 'a.activity_type_id')
    .select(['a.id', 'a.held_on', 't.name', 'a.attendance', 'a.volunteer_hours'])
    .where('a.org_id', '=', org.id)
    .orderBy('a.held_on')
    .execute();
const audit = (action: string) =>
  db()
    .selectFrom('audit_log')
    .select(['detail', 'subject_id'])
    .where('org_id', '=', org.id)
    .where('action', '=', action)
    .execute();
const session = (held_on: string, attendance: string, activity_type = 'Peer support') => ({
  held_on,
  activity_type,
  attendance,
  first_time_attendees: '',
  volunteers: '2',
  volunteer_hours: '4',
});

test('a worker corrects a session; the log keeps before and after; a clash or bad input changes nothing', async () => {
  await volunteer.get(`/orgs/${org.slug}/activities`);
  assert.equal((await volunteer.post(`/orgs/${org.slug}/activities`, session('2026-03-03', '12'))).statusCode, 303);
  assert.equal((await volunteer.post(`/orgs/${org.slug}/activities`, session('2026-03-10', '9'))).statusCode, 303);
  const [first, second] = await sessions();

  // volunteers record but do not correct: no links, and the pages are not there for them
  assert.doesNotMatch((await volunteer.get(`/orgs/${org.slug}/activities`)).body, /\/edit"/);
  assert.equal((await volunteer.get(`/orgs/${org.slug}/activities/${first!.id}/edit`)).statusCode, 404);
  assert.equal((await volunteer.post(`/orgs/${org.slug}/activities/${first!.id}/delete`, {})).statusCode, 404);
  // another organisation's lead, with this organisation's slug or their own
  assert.equal((await outsider.get(`/orgs/${org.slug}/activities/${first!.id}/edit`)).statusCode, 404);

  const list = (await worker.get(`/orgs/${org.slug}/activities`)).body;
  assert.match(list, new RegExp(`/orgs/${org.slug}/activities/${first!.id}/edit`));
  const edit = await worker.get(`/orgs/${org.slug}/activities/${first!.id}/edit`);
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /Change the Peer support session of 3 March 2026/);
  assert.match(edit.body, /name="attendance"[^>]*value="12"/);
  assert.equal((await worker.get(`/orgs/${org.slug}/activities/not-a-uuid/edit`)).statusCode, 404);

  const changed = await worker.post(`/orgs/${org.slug}/activities/${first!.id}`, session('2026-03-04', '14'));
  assert.equal(changed.statusCode, 303, changed.body);
  let now = await sessions();
  assert.deepEqual(
    now.map((s) => [s.held_on, s.attendance]),
    [
      ['2026-03-04', 14],
      ['2026-03-10', 9],
    ],
  );
  const [log] = await audit('activity.changed');
  const detail = typeof log!.detail === 'string' ? JSON.parse(log!.detail) : log!.detail;
  assert.equal(log!.subject_id, first!.id);
  assert.deepEqual([detail.before.attendance, detail.before.date], [12, '2026-03-03']);
  assert.deepEqual([detail.after.attendance, detail.after.date], [14, '2026-03-04']);

  // onto the other session's date and activity: refused with the reason, nothing changed
  const clash = await worker.post(`/orgs/${org.slug}/activities/${first!.id}`, session('2026-03-10', '14'));
  assert.equal(clash.statusCode, 400);
  assert.match(clash.body, /already recorded on that date/);
  const bad = await worker.post(`/orgs/${org.slug}/activities/${first!.id}`, session('2026-03-04', 'lots'));
  assert.equal(bad.statusCode, 400);
  now = await sessions();
  assert.deepEqual(
    now.map((s) => [s.held_on, s.attendance]),
    [
      ['2026-03-04', 14],
      ['2026-03-10', 9],
    ],
  );
  assert.equal((await audit('activity.changed')).length, 1);
  assert.ok(second);
});

test('deleting a session asks first, can be put back, and a replayed delete does nothing', async () => {
  const [target] = (await sessions()).filter((s) => s.held_on === '2026-03-10');
  const ask = await worker.get(`/orgs/${org.slug}/activities/${target!.id}/delete`);
  assert.equal(ask.statusCode, 200);
  assert.match(ask.body, /Delete the Peer support session of 10 March 2026\?/);
  assert.equal((await sessions()).length, 2, 'asking deletes nothing');

  const deleted = await worker.post(`/orgs/${org.slug}/activities/${target!.id}/delete`, {});
  assert.equal(deleted.statusCode, 200);
  assert.match(deleted.body, /Put it back/);
  assert.equal((await sessions()).length, 1);
  const [log] = await audit('activity.deleted');
  const detail = typeof log!.detail === 'string' ? JSON.parse(log!.detail) : log!.detail;
  assert.deepEqual([detail.before.attendance, detail.before.activity], [9, 'Peer support']);

  const replay = await worker.post(`/orgs/${org.slug}/activities/${target!.id}/delete`, {});
  assert.equal(replay.statusCode, 404);
  assert.equal((await audit('activity.deleted')).length, 1);

  // "put it back" posts the recorded values to the recording form
  const fields = Object.fromEntries(
    [...deleted.body.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"/g)]
      .filter((m) => m[1] !== '_csrf')
      .map((m) => [m[1]!, m[2]!]),
  );
  assert.equal((await worker.post(`/orgs/${org.slug}/activities`, fields)).statusCode, 303);
  assert.deepEqual(
    (await sessions()).map((s) => [s.held_on, s.name, s.attendance, s.volunteer_hours]),
    [
      ['2026-03-04', 'Peer support', 14, 4],
      ['2026-03-10', 'Peer support', 9, 4],
    ],
  );
});

test('volunteer hours are corrected and deleted the same way', async () => {
  await worker.get(`/orgs/${org.slug}/activities`);
  const logged = await worker.post(`/orgs/${org.slug}/volunteer-hours`, {
    vh_worked_on: '2026-03-05',
    vh_volunteer_label: 'JB',
    vh_volunteers: '1',
    vh_hours: '3',
    vh_note: 'Café shift',
  });
  assert.equal(logged.statusCode, 303);
  const hours = () =>
    db().selectFrom('evidence_volunteer_hours').select(['id', 'hours', 'note']).where('org_id', '=', org.id).execute();
  const [row] = await hours();
  const edit = await worker.get(`/orgs/${org.slug}/volunteer-hours/${row!.id}/edit`);
  assert.match(edit.body, /name="vh_hours"[^>]*value="3"/);
  const tooMany = await worker.post(`/orgs/${org.slug}/volunteer-hours/${row!.id}`, {
    vh_worked_on: '2026-03-05',
    vh_volunteers: '1',
    vh_hours: '30',
  });
  assert.equal(tooMany.statusCode, 400);
  assert.match(tooMany.body, /more hours than the volunteers could give in a day/);
  const ok = await worker.post(`/orgs/${org.slug}/volunteer-hours/${row!.id}`, {
    vh_worked_on: '2026-03-05',
    vh_volunteer_label: 'JB',
    vh_volunteers: '1',
    vh_hours: '3.5',
    vh_note: 'Café shift and washing up',
  });
  assert.equal(ok.statusCode, 303);
  assert.deepEqual(
    (await hours()).map((h) => [h.hours, h.note]),
    [[3.5, 'Café shift and washing up']],
  );
  assert.equal((await audit('volunteer_hours.changed')).length, 1);
  assert.equal((await outsider.post(`/orgs/${org.slug}/volunteer-hours/${row!.id}/delete`, {})).statusCode, 404);
  const gone = await worker.post(`/orgs/${org.slug}/volunteer-hours/${row!.id}/delete`, {});
  assert.equal(gone.statusCode, 200);
  assert.deepEqual(await hours(), []);
  assert.equal((await audit('volunteer_hours.deleted')).length, 1);
});
