// Nothing destroyed by one click (issue 9 item 5): approving or declining an application to
// join asks first, on its own page that names what will happen, with a POST form (no JavaScript).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
let coordinator: Client;
before(async () => {
  t = await startTestApp();
  const c = await buildPerson(t.database.db, { networkRole: 'coordinator', name: 'Cora Coordinator' });
  coordinator = new Client(t.app);
  await coordinator.signIn(c.email, TEST_PASSWORD);
});
after(() => t.close());

async function apply(orgName: string, email: string): Promise<string> {
  const visitor = new Client(t.app);
  await visitor.get('/join');
  const res = await visitor.post('/join', {
    kind: 'organisation',
    org_name: orgName,
    contact_name: 'Ash Green',
    email,
    postcode: 'WF1 2AB',
    town: 'Wakefield',
    what_you_do: 'A community kitchen and a Thursday peer group.',
    lived_experience: 'Started and run by people in recovery.',
    website: '',
    consent: 'yes',
  });
  assert.equal(res.statusCode, 303, res.body);
  return (await t.database.pool.query<{ id: string }>('select id from applications where org_name = $1', [orgName]))
    .rows[0]!.id;
}

test('the application page links to approve and decline pages instead of acting in one click', async () => {
  const id = await apply('Confirm Kitchen', 'confirm@kitchen.example');
  const page = await coordinator.get(`/network/applications/${id}`);
  assert.doesNotMatch(page.body, new RegExp(`<form[^>]+action="/network/applications/${id}/(approve|decline)"`));
  assert.match(page.body, new RegExp(`href="/network/applications/${id}/approve"`));
  assert.match(page.body, new RegExp(`href="/network/applications/${id}/decline"`));

  const approve = await coordinator.get(`/network/applications/${id}/approve`);
  assert.equal(approve.statusCode, 200);
  assert.match(approve.body, /Approve Confirm Kitchen\?/);
  assert.match(
    approve.body,
    /adds Confirm Kitchen to the network as a member, and emails confirm@kitchen.example an invitation to be its lead/,
  );
  assert.match(approve.body, new RegExp(`<form method="post" action="/network/applications/${id}/approve"`));
  assert.match(approve.body, /name="_csrf"/);

  const decline = await coordinator.get(`/network/applications/${id}/decline`);
  assert.equal(decline.statusCode, 200);
  assert.match(decline.body, /Decline Confirm Kitchen\?/);
  assert.match(decline.body, /We email your reason to confirm@kitchen.example/);
  assert.match(decline.body, new RegExp(`<form method="post" action="/network/applications/${id}/decline"`));
  assert.equal(
    (await t.database.pool.query('select status from applications where id = $1', [id])).rows[0].status,
    'waiting',
    'looking at a confirmation changes nothing',
  );

  const declined = await coordinator.post(`/network/applications/${id}/decline`, {
    reason: 'We are only for groups in England and Wales this year.',
  });
  assert.equal(declined.statusCode, 303);
  assert.equal(
    (await coordinator.get(`/network/applications/${id}/approve`)).statusCode,
    409,
    'a decided application has nothing left to confirm',
  );
});

test('a missing reason shows on the decline page, and a visitor cannot open the confirmations', async () => {
  const id = await apply('Reason Kitchen', 'reason@kitchen.example');
  await coordinator.get(`/network/applications/${id}/decline`);
  const res = await coordinator.post(`/network/applications/${id}/decline`, { reason: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Decline Reason Kitchen\?/);
  const visitor = new Client(t.app);
  for (const step of ['approve', 'decline'])
    assert.notEqual((await visitor.get(`/network/applications/${id}/${step}`)).statusCode, 200);
});
