// Coordinators find their work: signing in lands each person where their work is, and /network
// links to everything coordinators own in other modules.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appModules } from '../../app.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/index.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
});
after(() => t.close());

for (const [email, where] of [
  ['coordinator@demo.example', '/network'],
  ['lead@demo.example', '/orgs/leeds-recovery-cafe'],
  ['volunteer@demo.example', '/orgs/leeds-recovery-cafe'],
] as const) {
  test(`${email} lands on ${where} after signing in`, async () => {
    const c = new Client(t.app);
    const res = await c.signIn(email, DEMO_PASSWORD);
    assert.equal(res.headers.location, where);
  });
}

test('a sign-in that asked for a page still goes there', async () => {
  const c = new Client(t.app);
  await c.get('/sign-in');
  const res = await c.post('/sign-in', { email: 'lead@demo.example', password: DEMO_PASSWORD, next: '/account' });
  assert.equal(res.headers.location, '/account');
});

test('/network links to applications, insight, questionnaires and the help-now numbers', async () => {
  const c = new Client(t.app);
  await c.signIn('coordinator@demo.example', DEMO_PASSWORD);
  const page = await c.get('/network');
  for (const href of ['/network/applications', '/network/insight', '/network/instruments', '/network/help-lines']) {
    assert.match(page.body, new RegExp(`href="${href}"`), href);
    assert.equal((await c.get(href)).statusCode, 200, href);
  }
});
