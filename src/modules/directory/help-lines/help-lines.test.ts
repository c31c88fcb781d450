// Coordinators keep the help-now numbers right; the public sees only numbers someone checked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildPerson, TEST_PASSWORD } from '../../../../test/support/factories.ts';
import { publicLines } from './help-lines.service.ts';

let t: TestApp;
let coordinator: Client;
before(async () => {
  t = await startTestApp();
  const c = await buildPerson(t.database.db, { networkRole: 'coordinator', name: 'Cora Coordinator' });
  coordinator = new Client(t.app);
  await coordinator.signIn(c.email, TEST_PASSWORD);
});
after(() => t.close());

const row = (over: Partial<Parameters<typeof publicLines>[0][number]>) => ({
  id: 'x',
  position: 1,
  name: 'A line',
  number: '0800 000 000',
  purpose: 'For help.',
  nations: 'uk' as const,
  last_checked_on: '2026-12-01' as string | null,
  updated_at: new Date(),
  checked_by_name: null,
  ...over,
});

test('a number never checked, or with no number, is not public', () => {
  const shown = publicLines([
    row({}),
    row({ name: 'Unchecked', last_checked_on: null }),
    row({ name: 'Empty', number: '' }),
  ]);
  assert.deepEqual(
    shown.map((l) => l.name),
    ['A line'],
  );
});

async function knowTheScoreHref(): Promise<string> {
  const list = await coordinator.get('/network/help-lines');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Never checked/);
  return /href="(\/network\/help-lines\/[0-9a-f-]{36})">Know the Score/.exec(list.body)![1]!;
}

test('a coordinator enters and checks Scotland’s number; then it is shown with its date', async () => {
  const href = await knowTheScoreHref();
  const before = await t.app.inject({ url: '/' });
  assert.doesNotMatch(before.body, /Know the Score/);

  const bad = await coordinator.post(href, { number: '0800<script>', purpose: '', checked: 'yes' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /There is a problem/);
  assert.match(bad.body, /Use only digits and spaces/);
  assert.match(bad.body, /Say in a sentence what this number is for/);

  const noNumber = await coordinator.post(href, { number: '', purpose: 'Drugs helpline.', checked: 'yes' });
  assert.equal(noNumber.statusCode, 400);
  assert.match(noNumber.body, /Enter the number you checked/);

  const saved = await coordinator.post(href, {
    number: '0800 587 5879',
    purpose: 'Scotland’s drugs helpline.',
    checked: 'yes',
  });
  assert.equal(saved.statusCode, 303);
  const list = await coordinator.get('/network/help-lines');
  assert.match(list.body, /0800 587 5879/);
  assert.match(list.body, /by Cora Coordinator/);
  const { rows } = await t.database.pool.query(
    "select detail from audit_log where action = 'directory.help_line_saved'",
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0].detail.before.number, '');
  assert.equal(rows[0].detail.after.number, '0800 587 5879');
});

test('changing a number without checking it hides it from the public', async () => {
  const list = await coordinator.get('/network/help-lines');
  const href = /href="(\/network\/help-lines\/[0-9a-f-]{36})">Samaritans/.exec(list.body)![1]!;
  const res = await coordinator.post(href, { number: '116 124', purpose: 'Someone to talk to.', checked: 'no' });
  assert.equal(res.statusCode, 303);
  const after = await coordinator.get('/network/help-lines');
  assert.match(
    after.body.replace(/\s+/g, ' '),
    /Samaritans<\/a><\/td><td>116 124<\/td><td>Anywhere in the UK<\/td><td>Never checked/,
  );
});

test('people without a network role cannot reach the numbers’ pages', async () => {
  const anon = await t.app.inject({ url: '/network/help-lines' });
  assert.notEqual(anon.statusCode, 200);
  const lead = await buildPerson(t.database.db, { name: 'Lee Lead' });
  const c = new Client(t.app);
  await c.signIn(lead.email, TEST_PASSWORD);
  assert.equal((await c.get('/network/help-lines')).statusCode, 403);
});
