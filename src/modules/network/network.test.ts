// Organisation teams and network coordination, through HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function signedIn(email: string) {
  const c = new Client(t.app);
  await c.signIn(email, TEST_PASSWORD);
  return c;
}

test('a lead sees the team, invites, changes a role, and the audit log records it', async () => {
  const org = await buildOrg(t.database.db, { name: 'Riverside Recovery' });
  const lead = await buildPerson(t.database.db, { name: 'Lena Lead', memberships: [{ orgId: org.id, role: 'lead' }] });
  const vol = await buildPerson(t.database.db, {
    name: 'Vic Volunteer',
    memberships: [{ orgId: org.id, role: 'volunteer' }],
  });
  const c = await signedIn(lead.email);
  const page = await c.get(`/orgs/${org.slug}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Vic Volunteer/);
  assert.match(page.body, /Invite someone/);

  const bad = await c.post(`/orgs/${org.slug}/team/invite`, { email: 'nope', role: 'boss' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter an email address in the right format/);
  assert.match(bad.body, /Choose a role/);

  const dup = await c.post(`/orgs/${org.slug}/team/invite`, { email: vol.email, role: 'worker' });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /already part of Riverside Recovery/);

  assert.equal((await c.post(`/orgs/${org.slug}/team/${vol.id}/role`, { role: 'worker' })).statusCode, 303);
  const m = await t.database.db
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', vol.id)
    .executeTakeFirstOrThrow();
  assert.equal(m.role, 'worker');

  const audit = await c.get(`/orgs/${org.slug}/audit`);
  assert.equal(audit.statusCode, 200);
  assert.match(audit.body, /team.role_changed/);
});

test('an organisation always keeps a lead', async () => {
  const org = await buildOrg(t.database.db);
  const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const c = await signedIn(lead.email);
  const demote = await c.post(`/orgs/${org.slug}/team/${lead.id}/role`, { role: 'volunteer' });
  assert.equal(demote.statusCode, 409);
  const remove = await c.post(`/orgs/${org.slug}/team/${lead.id}/remove`);
  assert.equal(remove.statusCode, 409);
  const m = await t.database.db
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', lead.id)
    .executeTakeFirstOrThrow();
  assert.equal(m.role, 'lead');
});

test('a volunteer sees the workspace but cannot manage the team', async () => {
  const org = await buildOrg(t.database.db);
  const vol = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'volunteer' }] });
  const c = await signedIn(vol.email);
  const page = await c.get(`/orgs/${org.slug}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Invite someone/);
  assert.equal(
    (await c.post(`/orgs/${org.slug}/team/invite`, { email: 'x@test.example', role: 'lead' })).statusCode,
    404,
  );
  assert.equal((await c.get(`/orgs/${org.slug}/audit`)).statusCode, 404);
});

test('an unknown organisation is a 404 with a friendly page', async () => {
  const p = await buildPerson(t.database.db);
  const c = await signedIn(p.email);
  const res = await c.get('/orgs/no-such-organisation');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /We couldn.t find that organisation/);
  assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
});

test('a coordinator lists organisations, changes a status and invites a lead', async () => {
  const org = await buildOrg(t.database.db, { name: 'Applicant Group', status: 'applicant' });
  const coord = await buildPerson(t.database.db, { networkRole: 'coordinator' });
  const c = await signedIn(coord.email);
  const list = await c.get('/network?status=applicant');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Applicant Group/);
  assert.equal((await c.get(`/network/orgs/${org.slug}`)).statusCode, 200);
  const bad = await c.post(`/network/orgs/${org.slug}/status`, { status: 'emperor' });
  assert.equal(bad.statusCode, 400);
  assert.equal((await c.post(`/network/orgs/${org.slug}/status`, { status: 'member' })).statusCode, 303);
  const row = await t.database.db
    .selectFrom('organisations')
    .select('status')
    .where('id', '=', org.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'member');
  assert.equal(
    (await c.post(`/network/orgs/${org.slug}/invite`, { email: 'first.lead@test.example', role: 'lead' })).statusCode,
    303,
  );
  const mail = (await t.mailer.outbox()).find((m) => m.to === 'first.lead@test.example');
  assert.match(mail!.text, /as lead/);
});

test('someone without a network role is refused the network pages', async () => {
  const org = await buildOrg(t.database.db);
  const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const c = await signedIn(lead.email);
  assert.equal((await c.get('/network')).statusCode, 403);
  assert.equal((await c.get(`/network/orgs/${org.slug}`)).statusCode, 404);
  assert.equal((await c.post(`/network/orgs/${org.slug}/status`, { status: 'lapsed' })).statusCode, 404);
});

test('removing someone asks first, then removes them and records it', async () => {
  const org = await buildOrg(t.database.db, { name: 'Harbour Lights' });
  const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const vol = await buildPerson(t.database.db, {
    name: 'Robin Volunteer',
    memberships: [{ orgId: org.id, role: 'volunteer' }],
  });
  const c = await signedIn(lead.email);
  const ask = await c.get(`/orgs/${org.slug}/team/${vol.id}/remove`);
  assert.equal(ask.statusCode, 200);
  assert.match(ask.body, /Remove Robin Volunteer from Harbour Lights\?/);
  assert.ok(
    await t.database.db.selectFrom('memberships').select('role').where('person_id', '=', vol.id).executeTakeFirst(),
    'asking changes nothing',
  );
  assert.equal((await c.post(`/orgs/${org.slug}/team/${vol.id}/remove`)).statusCode, 303);
  assert.equal(
    await t.database.db.selectFrom('memberships').select('role').where('person_id', '=', vol.id).executeTakeFirst(),
    undefined,
  );
  assert.match((await c.get(`/orgs/${org.slug}/audit`)).body, /team.removed/);
  assert.equal((await c.get(`/orgs/${org.slug}/team/${vol.id}/remove`)).statusCode, 404, 'no longer a member');
});
