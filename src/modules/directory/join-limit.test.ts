// The public form to join is rate limited in the database (per address, and overall), atomically,
// so a burst of applications can't flood the coordinators' queue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
});
after(() => t.close());

const form = (n: number) => ({
  kind: 'organisation',
  org_name: `Flood Kitchen ${n}`,
  contact_name: 'Ash Green',
  email: `ash${n}@kitchen.example`,
  postcode: 'WF1 2AB',
  what_you_do: 'A community kitchen and a Thursday peer group.',
  lived_experience: 'Started and run by people in recovery.',
  consent: 'yes',
});
const count = async () => (await t.database.db.selectFrom('applications').select('id').execute()).length;

test('30 applications at once from one address: a handful are taken, the rest get a clear 429', async () => {
  const c = new Client(t.app, { 'x-forwarded-for': '198.51.100.20' });
  await c.get('/join');
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => c.post('/join', form(i))));
  const taken = answers.filter((r) => r.statusCode === 303).length;
  const refused = answers.filter((r) => r.statusCode === 429);
  assert.equal(taken + refused.length, 30, answers.map((r) => r.statusCode).join(' '));
  assert.ok(taken >= 1 && taken <= 5, `${taken} were taken`);
  assert.equal(await count(), taken);
  assert.match(refused[0]!.body, /We've had several applications from this connection/);
  assert.match(refused[0]!.body, /value="Flood Kitchen/, 'what was typed is kept');
  const elsewhere = new Client(t.app, { 'x-forwarded-for': '192.0.2.99' });
  await elsewhere.get('/join');
  assert.equal((await elsewhere.post('/join', form(99))).statusCode, 303, 'someone else can still apply');
});
