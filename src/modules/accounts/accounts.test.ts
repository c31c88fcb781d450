// Signing in and out, emailed links, password resets and invitations, through HTTP.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { hashToken } from '../../platform/auth/tokens.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson, lastMailTo, linkIn, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());
beforeEach(() => t.database.db.deleteFrom('rate_limit_counters').execute());

const outbox = () => t.mailer.outbox(200);

describe('signing in with a password', () => {
  test('the right password signs in, sets a safe cookie, and the account page shows the person', async () => {
    const org = await buildOrg(t.database.db, { name: 'Harbour Recovery' });
    const p = await buildPerson(t.database.db, {
      name: 'Kit Marlowe',
      memberships: [{ orgId: org.id, role: 'worker' }],
    });
    const c = new Client(t.app);
    const res = await c.post('/sign-in', { email: p.email.toUpperCase(), password: TEST_PASSWORD, next: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = String(res.headers['set-cookie'])
      .split(/,(?=\s*rc_)/)
      .find((h) => h.includes('rc_session='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i, 'http PUBLIC_URL: no Secure flag, or the browser drops the cookie');
    const page = await c.get('/account');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Hello, Kit Marlowe/);
    assert.match(page.body, /Harbour Recovery/);
  });

  test('a wrong password gets a clear message and a 401, and no session', async () => {
    const p = await buildPerson(t.database.db);
    const c = new Client(t.app);
    const res = await c.post('/sign-in', { email: p.email, password: 'not the password' });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /The email address or password is not right/);
    assert.match(res.body, /There is a problem/);
    assert.equal(c.cookies.has('rc_session'), false);
  });

  test('an unknown email gets the same answer as a wrong password', async () => {
    const res = await new Client(t.app).post('/sign-in', { email: 'nobody@test.example', password: 'whatever12345' });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /The email address or password is not right/);
  });

  test('missing fields are named at the top of the form', async () => {
    const res = await new Client(t.app).post('/sign-in', { email: 'not-an-email', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Enter an email address in the right format/);
    assert.match(res.body, /Enter your password/);
    assert.match(res.body, /href="#f-email"/);
  });

  test('after five wrong passwords, even the right one is refused for a while (429)', async () => {
    const p = await buildPerson(t.database.db);
    const c = new Client(t.app);
    for (let i = 0; i < 5; i++)
      assert.equal((await c.post('/sign-in', { email: p.email, password: `wrong-${i}-password` })).statusCode, 401);
    const res = await c.post('/sign-in', { email: p.email, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /Too many tries/);
    assert.equal(c.cookies.has('rc_session'), false);
  });

  test('a form without its CSRF token is refused and nothing happens', async () => {
    const p = await buildPerson(t.database.db);
    const res = await new Client(t.app).post('/sign-in', { email: p.email, password: TEST_PASSWORD }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /This form has expired or did not come from this site/);
    const attempts = await t.database.db.selectFrom('rate_limit_counters').selectAll().execute();
    assert.equal(attempts.length, 0, 'the attempt was not even counted');
  });

  test('next= never sends anyone to another site', async () => {
    const p = await buildPerson(t.database.db);
    const res = await new Client(t.app).post('/sign-in', {
      email: p.email,
      password: TEST_PASSWORD,
      next: '//evil.example/x',
    });
    assert.equal(res.headers.location, '/account');
  });
});

describe('signing out', () => {
  test('sign out ends this session only; sign out everywhere ends them all', async () => {
    const p = await buildPerson(t.database.db);
    const a = new Client(t.app);
    const b = new Client(t.app);
    const c = new Client(t.app);
    await a.signIn(p.email, TEST_PASSWORD);
    await b.signIn(p.email, TEST_PASSWORD);
    await c.signIn(p.email, TEST_PASSWORD);
    assert.equal((await a.post('/sign-out')).statusCode, 303);
    assert.equal((await a.get('/account')).statusCode, 303, 'a is signed out');
    assert.equal((await b.get('/account')).statusCode, 200, 'b is still signed in');
    const res = await b.post('/sign-out/everywhere');
    assert.equal(res.statusCode, 303);
    assert.equal((await c.get('/account')).statusCode, 303, 'c was signed out by b');
    const left = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('person_id', '=', p.id)
      .execute();
    assert.equal(left.length, 0);
  });

  test('a signed-in page sends an anonymous visitor to sign in, and comes back after', async () => {
    const res = await new Client(t.app).get('/account');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sign-in?next=%2Faccount');
  });
});

describe('emailed sign-in links', () => {
  test('a link signs in once; a second use is refused with 410', async () => {
    const p = await buildPerson(t.database.db);
    const c = new Client(t.app);
    const asked = await c.post('/sign-in/email', { email: p.email });
    await t.app.jobs.runWaiting('accounts.send-link');
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /Check your email/);
    await t.app.jobs.runWaiting('accounts.send-link');
    const path = linkIn((await lastMailTo(outbox, p.email)).text);
    assert.match(path, /^\/sign-in\/email\//);
    const confirm = await c.get(path);
    assert.equal(confirm.statusCode, 200, 'opening the link does not use it up');
    assert.equal((await c.post(path)).statusCode, 303);
    assert.equal((await c.get('/account')).statusCode, 200);
    const again = await new Client(t.app).post(path);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /already been used/);
  });

  test('an expired link is refused with 410 and says so', async () => {
    const p = await buildPerson(t.database.db);
    const c = new Client(t.app);
    await c.post('/sign-in/email', { email: p.email });
    await t.app.jobs.runWaiting('accounts.send-link');
    const path = linkIn((await lastMailTo(outbox, p.email)).text);
    const token = path.split('/').pop()!;
    await t.database.db
      .updateTable('email_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(token))
      .execute();
    const res = await c.post(path);
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /expired/);
    assert.equal(c.cookies.has('rc_session'), false);
  });

  test('an unknown address gets the same page and no email', async () => {
    const before = (await outbox()).length;
    const res = await new Client(t.app).post('/sign-in/email', { email: 'stranger@test.example' });
    await t.app.jobs.runWaiting('accounts.send-link');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Check your email/);
    assert.equal((await outbox()).length, before);
  });

  test('a made-up link is refused', async () => {
    const res = await new Client(t.app).get('/sign-in/email/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    assert.equal(res.statusCode, 410);
  });
});

describe('password reset', () => {
  test('a reset sets the new password and signs the person out everywhere else', async () => {
    const p = await buildPerson(t.database.db);
    const elsewhere = new Client(t.app);
    await elsewhere.signIn(p.email, TEST_PASSWORD);
    const c = new Client(t.app);
    await c.post('/password/forgot', { email: p.email });
    await t.app.jobs.runWaiting('accounts.send-link');
    const path = linkIn((await lastMailTo(outbox, p.email)).text);
    const weak = await c.post(path, { password: 'short', confirm: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /at least 10 characters/);
    const res = await c.post(path, { password: 'three random words', confirm: 'three random words' });
    assert.equal(res.statusCode, 303);
    assert.equal((await c.get('/account')).statusCode, 200);
    assert.equal((await elsewhere.get('/account')).statusCode, 303, 'the other session was ended');
    assert.equal(
      (await new Client(t.app).post('/sign-in', { email: p.email, password: TEST_PASSWORD })).statusCode,
      401,
    );
    assert.equal(
      (await new Client(t.app).post('/sign-in', { email: p.email, password: 'three random words' })).statusCode,
      303,
    );
    assert.equal(
      (await new Client(t.app).post(path, { password: 'another good one', confirm: 'another good one' })).statusCode,
      410,
    );
  });

  test('changing a password needs the current one', async () => {
    const p = await buildPerson(t.database.db);
    const c = new Client(t.app);
    await c.signIn(p.email, TEST_PASSWORD);
    const wrong = await c.post('/account/password', {
      current: 'nope',
      password: 'a brand new pass',
      confirm: 'a brand new pass',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Your current password is not right/);
    const ok = await c.post('/account/password', {
      current: TEST_PASSWORD,
      password: 'a brand new pass',
      confirm: 'a brand new pass',
    });
    assert.equal(ok.statusCode, 303);
  });
});

describe('invitations', () => {
  test('a new person accepts an invitation, joins with the invited role, and is signed in', async () => {
    const org = await buildOrg(t.database.db, { name: 'Canal Side Recovery' });
    const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
    const c = new Client(t.app);
    await c.signIn(lead.email, TEST_PASSWORD);
    await c.get(`/orgs/${org.slug}`);
    const sent = await c.post(`/orgs/${org.slug}/team/invite`, { email: 'New.Person@Test.Example', role: 'worker' });
    assert.equal(sent.statusCode, 303);
    const path = linkIn((await lastMailTo(outbox, 'new.person@test.example')).text);

    const invitee = new Client(t.app);
    const page = await invitee.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Join Canal Side Recovery/);
    const bad = await invitee.post(path, { name: '', password: 'short', confirm: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter your name/);
    assert.equal(
      await t.database.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'new.person@test.example')
        .executeTakeFirst(),
      undefined,
      'nothing stored',
    );
    const ok = await invitee.post(path, {
      name: 'Nel Person',
      password: 'canal side walks',
      confirm: 'canal side walks',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/orgs/${org.slug}`);
    const workspace = await invitee.get(`/orgs/${org.slug}`);
    assert.equal(workspace.statusCode, 200);
    assert.match(workspace.body, /You are worker here/);
    assert.equal(
      (await new Client(t.app).post(path, { name: 'Again', password: 'canal side walks', confirm: 'canal side walks' }))
        .statusCode,
      410,
    );
  });

  test('someone who already has an account joins once signed in as themselves', async () => {
    const org = await buildOrg(t.database.db);
    const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
    const existing = await buildPerson(t.database.db);
    const c = new Client(t.app);
    await c.signIn(lead.email, TEST_PASSWORD);
    await c.get(`/orgs/${org.slug}`);
    await c.post(`/orgs/${org.slug}/team/invite`, { email: existing.email, role: 'volunteer' });
    const path = linkIn((await lastMailTo(outbox, existing.email)).text);
    const invitee = new Client(t.app);
    await invitee.signIn(existing.email, TEST_PASSWORD);
    const res = await invitee.post(path);
    assert.equal(res.statusCode, 303);
    const m = await t.database.db
      .selectFrom('memberships')
      .select('role')
      .where('org_id', '=', org.id)
      .where('person_id', '=', existing.id)
      .executeTakeFirst();
    assert.equal(m?.role, 'volunteer');
  });
});
