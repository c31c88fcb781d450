// Joining the network through HTTP: the public form (errors named at the top, nothing stored
// when invalid), the coordinators' queue, a question, a decline, and an approval that creates
// the organisation and lets its new lead sign in from the emailed invitation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson, lastMailTo, linkIn, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
let coordinator: Client;
before(async () => {
  t = await startTestApp();
  const c = await buildPerson(t.database.db, { networkRole: 'coordinator', name: 'Cora Coordinator' });
  coordinator = new Client(t.app);
  await coordinator.signIn(c.email, TEST_PASSWORD);
});
after(() => t.close());

const countApplications = async () =>
  Number((await t.database.pool.query('select count(*) as n from applications')).rows[0].n);

const good = {
  kind: 'organisation',
  org_name: 'Wakefield Recovery Kitchen',
  contact_name: 'Ash Green',
  email: 'Ash.Green@kitchen.example',
  postcode: 'WF1 2AB',
  town: 'Wakefield',
  what_you_do: 'A community kitchen and a Thursday peer group.',
  lived_experience: 'Started and run by people in recovery.',
  website: 'kitchen.example',
  consent: 'yes',
};

test('bad or missing fields are named at the top, and nothing is stored', async () => {
  const visitor = new Client(t.app);
  await visitor.get('/join');
  const res = await visitor.post('/join', {
    kind: 'organisation',
    email: 'not-an-email',
    postcode: 'BT1 1AA',
    website: 'javascript:alert(1)',
  });
  assert.equal(res.statusCode, 400);
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.body)?.[0] ?? '';
  for (const [field, message] of [
    ['org_name', 'Enter the name of your organisation'],
    ['contact_name', 'Enter your name'],
    ['email', 'Enter an email address in the right format'],
    ['what_you_do', 'Tell us what you do'],
    ['lived_experience', 'Say how lived experience leads your organisation'],
    ['website', 'Enter the website address in the right format'],
    ['consent', 'Confirm that we may keep these details'],
  ]) {
    assert.match(summary, new RegExp(`href="#f-${field}">${message}`), field);
  }
  assert.match(res.body, /value="not-an-email"/, 'what was typed is kept');
  // a postcode outside Great Britain is named once the rest is right
  const gb = await visitor.post('/join', { ...good, postcode: 'BT1 1AA' });
  assert.equal(gb.statusCode, 400);
  assert.match(gb.body, /href="#f-postcode">BT1 is in Northern Ireland/);
  assert.equal(await countApplications(), 0);
});

test('form → queue → question → approve → the new lead follows the invitation and signs in', async () => {
  const visitor = new Client(t.app);
  await visitor.get('/join');
  const sent = await visitor.post('/join', good);
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, '/join/thank-you');
  assert.equal(await countApplications(), 1);
  const { rows } = await t.database.pool.query<{ outcode: string; email: string; website: string }>(
    'select outcode, email, website from applications',
  );
  assert.deepEqual(
    rows[0],
    { outcode: 'WF1', email: 'ash.green@kitchen.example', website: 'https://kitchen.example' },
    'only the postcode district is kept',
  );
  const outbox = () => t.mailer.outbox();
  assert.match((await lastMailTo(outbox, 'ash.green@kitchen.example')).subject, /We have your expression of interest/);
  const told = (await outbox()).find((m) =>
    /New request to join the network: Wakefield Recovery Kitchen \(Ash Green\)/.test(m.subject),
  );
  assert.ok(told, 'coordinators are emailed when someone asks to join');
  assert.match(told.text, /\/network\/applications\/[0-9a-f-]{36}/);

  const queue = await coordinator.get('/network/applications');
  assert.equal(queue.statusCode, 200);
  const href = /href="(\/network\/applications\/[0-9a-f-]{36})">Wakefield Recovery Kitchen/.exec(queue.body)?.[1];
  assert.ok(href, 'the application is in the queue');
  await coordinator.get(href);
  const empty = await coordinator.post(`${href}/question`, { message: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Write your question/);
  const asked = await coordinator.post(`${href}/question`, { message: 'Where do you meet?' });
  assert.equal(asked.statusCode, 303);
  const question = await lastMailTo(outbox, 'ash.green@kitchen.example');
  assert.match(question.text, /Where do you meet\?/);

  const approved = await coordinator.post(`${href}/approve`);
  assert.equal(approved.statusCode, 303);
  const org = (
    await t.database.pool.query<{ slug: string; status: string }>(
      `select slug, status from organisations where name = 'Wakefield Recovery Kitchen'`,
    )
  ).rows[0]!;
  assert.equal(org.status, 'member');
  assert.equal(approved.headers.location, `/network/orgs/${org.slug}`);
  // the public profile exists at once, with the areas served from the postcode
  const profile = await t.app.inject({ url: `/organisations/${org.slug}` });
  assert.equal(profile.statusCode, 200);
  assert.match(profile.body, /Wakefield/);
  // two emails: the decision, and the invitation to be lead
  const mails = (await t.mailer.outbox()).filter((m) => m.to === 'ash.green@kitchen.example');
  assert.ok(mails.some((m) => /is now a member/.test(m.subject)));
  const invitation = mails.find((m) => /invited/.test(m.subject))!;
  const link = linkIn(invitation.text);
  const lead = new Client(t.app);
  assert.equal((await lead.get(link)).statusCode, 200);
  const accepted = await lead.post(link, {
    name: 'Ash Green',
    password: 'a long new password 2026',
    confirm: 'a long new password 2026',
  });
  assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 500));
  assert.equal(accepted.headers.location, `/orgs/${org.slug}`);
  // and signs in again later with the new password, then edits the profile
  const later = new Client(t.app);
  await later.signIn('ash.green@kitchen.example', 'a long new password 2026');
  const workspace = await later.get(`/orgs/${org.slug}`);
  assert.match(workspace.body, /Public profile/);
  assert.equal((await later.get(`/orgs/${org.slug}/services/new`)).statusCode, 200);
  // the application can't be decided twice
  assert.equal((await coordinator.post(`${href}/decline`, { reason: 'Too late' })).statusCode, 409);
});

test('a coordinator declines with a reason, which is emailed; a member of the public cannot see the queue', async () => {
  const visitor = new Client(t.app);
  await visitor.get('/join');
  await visitor.post('/join', { ...good, org_name: 'Not Really A LERO', email: 'no@example.org' });
  const id = (
    await t.database.pool.query<{ id: string }>(`select id from applications where org_name = 'Not Really A LERO'`)
  ).rows[0]!.id;
  await coordinator.get(`/network/applications/${id}`);
  const noReason = await coordinator.post(`/network/applications/${id}/decline`, { reason: '' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Give a reason/);
  const declined = await coordinator.post(`/network/applications/${id}/decline`, {
    reason: 'The network is for organisations led by lived experience.',
  });
  assert.equal(declined.statusCode, 303);
  assert.match((await lastMailTo(() => t.mailer.outbox(), 'no@example.org')).text, /led by lived experience/);
  assert.equal(
    (await t.database.pool.query(`select count(*) as n from organisations where name = 'Not Really A LERO'`)).rows[0].n,
    0,
  );
  assert.equal((await visitor.get(`/network/applications/${id}`)).statusCode, 303);
});
