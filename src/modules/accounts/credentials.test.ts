// Changing or resetting a password ends every other session and every outstanding reset and
// sign-in link, so whoever had the old password or an old link is out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson, linkIn, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** Asks for a link and returns its path, as the job mails it. */
async function linkFor(path: '/sign-in/email' | '/password/forgot', email: string): Promise<string> {
  await new Client(t.app).post(path, { email });
  await t.app.jobs.runWaiting('accounts.send-link');
  const subject = path === '/sign-in/email' ? /sign-in link/ : /Reset your/;
  const mail = (await t.mailer.outbox(200)).find((m) => m.to === email && subject.test(m.subject));
  assert.ok(mail, `a mail for ${path}`);
  return linkIn(mail.text);
}

test('changing a password signs out every other session and voids outstanding links', async () => {
  const p = await buildPerson(t.database.db);
  const here = new Client(t.app);
  const elsewhere = new Client(t.app);
  await here.signIn(p.email, TEST_PASSWORD);
  await elsewhere.signIn(p.email, TEST_PASSWORD);
  const reset = await linkFor('/password/forgot', p.email);
  const signIn = await linkFor('/sign-in/email', p.email);

  const res = await here.post('/account/password', {
    current: TEST_PASSWORD,
    password: 'a brand new pass',
    confirm: 'a brand new pass',
  });
  assert.equal(res.statusCode, 303);
  assert.equal((await here.get('/account')).statusCode, 200, 'this session goes on');
  assert.equal((await elsewhere.get('/account')).statusCode, 303, 'the other session was ended');
  assert.equal(
    (await new Client(t.app).post(reset, { password: 'somebody elses', confirm: 'somebody elses' })).statusCode,
    410,
    'the old reset link is void',
  );
  assert.equal((await new Client(t.app).post(signIn)).statusCode, 410, 'the old sign-in link is void');
});

test('a reset voids every other outstanding reset and sign-in link', async () => {
  const p = await buildPerson(t.database.db);
  const first = await linkFor('/password/forgot', p.email);
  const signIn = await linkFor('/sign-in/email', p.email);
  const second = await linkFor('/password/forgot', p.email);
  assert.notEqual(first, second);
  const c = new Client(t.app);
  assert.equal(
    (await c.post(second, { password: 'three random words', confirm: 'three random words' })).statusCode,
    303,
  );
  assert.equal(
    (await new Client(t.app).post(first, { password: 'four random words', confirm: 'four random words' })).statusCode,
    410,
  );
  assert.equal((await new Client(t.app).post(signIn)).statusCode, 410);
  assert.equal((await c.get('/account')).statusCode, 200);
});
