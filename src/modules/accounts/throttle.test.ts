// The sign-in throttle: counted before the password is checked, in one statement, so a burst of
// concurrent guesses can't get past it; keyed by email and address (real addresses behind a
// trusted proxy), with a slower limit per email; and the owner can always get in by an emailed link.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson, lastMailTo, linkIn, TEST_PASSWORD } from '../../../test/support/factories.ts';

describe('behind a trusted proxy', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
  });
  after(() => t.close());
  const from = (address: string) => new Client(t.app, { 'x-forwarded-for': address });

  test('200 concurrent wrong passwords for one email: no more than the limit are checked', async () => {
    const p = await buildPerson(t.database.db);
    const c = from('198.51.100.7');
    await c.get('/sign-in');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => c.post('/sign-in', { email: p.email, password: `wrong guess ${i}` })),
    );
    const checked = answers.filter((r) => r.statusCode === 401).length;
    const refused = answers.filter((r) => r.statusCode === 429).length;
    assert.equal(
      checked + refused,
      200,
      `every answer is a 401 or a 429 (${answers.map((r) => r.statusCode).join(' ')})`,
    );
    assert.ok(checked <= 5, `${checked} wrong passwords were checked; the limit is 5`);
    assert.ok(checked >= 1);
    const right = await c.post('/sign-in', { email: p.email, password: TEST_PASSWORD });
    assert.equal(right.statusCode, 429, 'the address stays throttled for this email');
  });

  test('failures from one address do not lock the owner out at another', async () => {
    const p = await buildPerson(t.database.db);
    const attacker = from('203.0.113.9');
    for (let i = 0; i < 6; i++) await attacker.post('/sign-in', { email: p.email, password: `wrong-${i}-password` });
    assert.equal((await attacker.post('/sign-in', { email: p.email, password: TEST_PASSWORD })).statusCode, 429);
    const owner = from('192.0.2.44');
    assert.equal((await owner.post('/sign-in', { email: p.email, password: TEST_PASSWORD })).statusCode, 303);
  });

  test('a slower limit per email holds across many addresses; the page offers an emailed link, which works', async () => {
    const p = await buildPerson(t.database.db);
    for (let i = 0; i < 20; i++) {
      const res = await from(`10.9.${i}.1`).post('/sign-in', { email: p.email, password: `wrong-${i}-password` });
      assert.equal(res.statusCode, 401, `attempt ${i + 1} from its own address is checked`);
    }
    const owner = from('192.0.2.80');
    const refused = await owner.post('/sign-in', { email: p.email, password: TEST_PASSWORD });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /href="\/sign-in\/email"/);
    assert.match(
      refused.body,
      /you can still get in straight away: <a href="\/sign-in\/email">sign in with an emailed link<\/a>/,
    );
    assert.equal(owner.cookies.has('rc_session'), false);

    assert.equal((await owner.post('/sign-in/email', { email: p.email })).statusCode, 200);
    await t.app.jobs.runWaiting('accounts.send-link');
    const path = linkIn((await lastMailTo(() => t.mailer.outbox(50), p.email)).text);
    assert.equal((await owner.get(path)).statusCode, 200);
    assert.equal((await owner.post(path)).statusCode, 303);
    assert.equal(
      (await owner.get('/account')).statusCode,
      200,
      'signed in by the link while the password is throttled',
    );
  });
});

describe('without TRUST_PROXY', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('X-Forwarded-For is not believed: the connection address is the key', async () => {
    const p = await buildPerson(t.database.db);
    for (let i = 0; i < 5; i++) {
      await new Client(t.app, { 'x-forwarded-for': `10.1.${i}.1` }).post('/sign-in', {
        email: p.email,
        password: `wrong-${i}-password`,
      });
    }
    const res = await new Client(t.app, { 'x-forwarded-for': '192.0.2.1' }).post('/sign-in', {
      email: p.email,
      password: TEST_PASSWORD,
    });
    assert.equal(res.statusCode, 429, 'a forged header does not buy a fresh address');
  });

  test('200 concurrent wrong passwords: no more than the limit are checked', async () => {
    const p = await buildPerson(t.database.db);
    const c = new Client(t.app);
    await c.get('/sign-in');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => c.post('/sign-in', { email: p.email, password: `guess ${i} xx` })),
    );
    const checked = answers.filter((r) => r.statusCode === 401).length;
    assert.ok(checked <= 5 && checked >= 1, `${checked} were checked`);
    assert.equal(answers.filter((r) => r.statusCode === 429).length, 200 - checked);
  });
});
