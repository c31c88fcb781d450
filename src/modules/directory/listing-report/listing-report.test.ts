// "Report a problem with this listing" reaches the organisation's lead, and only them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appModules } from '../../../app.ts';
import { seedDemo } from '../../demo/index.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
});
after(() => t.close());

test('a profile links phone numbers, maps and the report form, and says when it was updated', async () => {
  const res = await t.app.inject({ url: '/organisations/leeds-recovery-cafe' });
  assert.match(res.body, /href="tel:01134960000"/);
  assert.match(res.body, /href="https:\/\/www\.openstreetmap\.org\/\?mlat=53\.82010/);
  assert.match(res.body, /Next session/);
  assert.match(res.body, /This listing was last updated on \d{1,2} [A-Z][a-z]+ 20\d\d/);
  assert.match(res.body, /href="\/organisations\/leeds-recovery-cafe\/report"/);
  assert.match(res.body, /If you need help now/);
});

test('a report goes by email to the lead; bad input is named and nothing is sent', async () => {
  const visitor = new Client(t.app);
  await visitor.get('/organisations/leeds-recovery-cafe/report');
  const before = (await t.mailer.outbox()).length;
  const bad = await visitor.post('/organisations/leeds-recovery-cafe/report', {
    problem: 'lies',
    details: '',
    reply_to: 'nope',
  });
  assert.equal(bad.statusCode, 400);
  for (const m of [/Choose what is wrong/, /Tell us what is wrong/, /Enter an email address like/])
    assert.match(bad.body, m);
  assert.equal((await t.mailer.outbox()).length, before);

  const sent = await visitor.post('/organisations/leeds-recovery-cafe/report', {
    problem: 'times',
    details: 'The café is closed on Mondays now.',
    reply_to: 'sam@example.org',
  });
  assert.equal(sent.statusCode, 303);
  const mails = (await t.mailer.outbox()).slice(0, (await t.mailer.outbox()).length - before);
  assert.deepEqual(
    mails.map((m) => m.to),
    ['lead@demo.example'],
  );
  assert.match(mails[0]!.text, /The day or time is wrong/);
  assert.match(mails[0]!.text, /closed on Mondays now/);
  assert.match(mails[0]!.text, /sam@example\.org/);
  const profile = await visitor.get('/organisations/leeds-recovery-cafe');
  assert.match(profile.body, /Thank you\. We have sent your message to Leeds Recovery Café/);
  assert.doesNotMatch(profile.body, /lead@demo\.example/, "the lead's address is never shown");
});

test('without the form token, or for an organisation that is not a member, nothing is sent', async () => {
  const before = (await t.mailer.outbox()).length;
  const visitor = new Client(t.app);
  const forged = await visitor.post(
    '/organisations/leeds-recovery-cafe/report',
    { problem: 'other', details: 'x' },
    { csrf: false },
  );
  assert.equal(forged.statusCode, 403);
  await visitor.get('/organisations/leeds-recovery-cafe/report');
  const missing = await visitor.post('/organisations/no-such-org/report', {
    problem: 'other',
    details: 'x',
    reply_to: '',
  });
  assert.equal(missing.statusCode, 404);
  assert.equal((await t.mailer.outbox()).length, before);
});
