// Handing over a self-completion link: by email from the once-only page (the address not kept,
// only this participant's open link, a limit per organisation), and a participant's page that
// speaks to them and counts the questions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson, lastMailTo, linkIn } from '../../../../test/support/factories.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';
import { LINK_EMAILS_PER_HOUR, maskEmail } from './email-link.service.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
const db = () => t.database.db;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(db(), { name: 'Handover Recovery' });
  const w = await buildPerson(db(), { memberships: [{ orgId: org.id, role: 'worker' }] });
  worker = new Client(t.app);
  await worker.signInAs(db(), w.id);
});
after(() => t.close());

async function makeLink(code: string, instrument = 'ons4') {
  const id = await buildParticipant(db(), org.id, code);
  const base = `/orgs/${org.slug}/participants/${id}`;
  await worker.get(base);
  const made = await worker.post(`${base}/links`, { instrument });
  assert.equal(made.statusCode, 200, made.body);
  const token = /name="token" value="([A-Za-z0-9_-]+)"/.exec(made.body)![1]!;
  return { id, base, token, page: made.body };
}

test('a worker emails the link; the participant opens it from the message; the address is not kept', async () => {
  const { base, token, page } = await makeLink('HO-1');
  assert.match(page, /Send it by email/);
  assert.match(page, /data-copy-target="completion-link" hidden/, 'the copy button waits for the script');
  assert.match(page, /<script src="\/evidence\/assets\/self-completion.js" defer/);

  const bad = await worker.post(`${base}/links/email`, { token, email: 'not an address' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter an email address in the right format/);
  assert.match(bad.body, new RegExp(`/complete/${token}`), 'the link is shown again, with its code');
  assert.match(bad.body, /<img class="qr"/);

  const sent = await worker.post(`${base}/links/email`, { token, email: 'Sam.Jones@Example.com' });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.match(sent.body, /We have emailed it to s•••@example\.com/);
  assert.doesNotMatch(sent.body, new RegExp(token), 'the link is not shown again');
  const mail = await lastMailTo(t.mailer.outbox, 'sam.jones@example.com');
  assert.match(mail.subject, /A short questionnaire from Handover Recovery/);
  assert.doesNotMatch(mail.text, /HO-1/, 'nothing about the person in the message');
  const participant = new Client(t.app);
  const opened = await participant.get(linkIn(mail.text));
  assert.equal(opened.statusCode, 200);

  const audit = await db()
    .selectFrom('audit_log')
    .select(['detail'])
    .where('org_id', '=', org.id)
    .where('action', '=', 'self_completion.link_emailed')
    .execute();
  assert.equal(audit.length, 1);
  assert.doesNotMatch(JSON.stringify(audit), /example\.com/i);
});

test("only this participant's open link can be sent: another's, a made-up one or a used one is refused", async () => {
  const mine = await makeLink('HO-2');
  const theirs = await makeLink('HO-3');
  const count = async () => (await t.mailer.outbox()).length;
  const before = await count();
  const wrongPerson = await worker.post(`${mine.base}/links/email`, { token: theirs.token, email: 'a@example.com' });
  assert.equal(wrongPerson.statusCode, 410);
  const madeUp = await worker.post(`${mine.base}/links/email`, { token: 'x'.repeat(43), email: 'a@example.com' });
  assert.equal(madeUp.statusCode, 410);
  const empty = await worker.post(`${mine.base}/links/email`, { email: 'a@example.com' });
  assert.equal(empty.statusCode, 410);
  // used: the participant answers, then the worker tries to send it
  const participant = new Client(t.app);
  const path = `/complete/${mine.token}`;
  await participant.get(path);
  const answered = await participant.post(path, {
    ons4_satis: '6',
    ons4_worth: '6',
    ons4_happy: '6',
    ons4_anxious: '3',
  });
  assert.equal(answered.statusCode, 200);
  assert.match(answered.body, /data-clear-answers="[0-9a-f]{16}"/, 'the answers kept on their phone are cleared');
  const used = await worker.post(`${mine.base}/links/email`, { token: mine.token, email: 'a@example.com' });
  assert.equal(used.statusCode, 410);
  assert.match(used.body, /used or has run out/);
  // another organisation's lead cannot send this organisation's link
  const other = await buildOrg(db(), { name: 'Other Handover' });
  const outsiderPerson = await buildPerson(db(), { memberships: [{ orgId: other.id, role: 'lead' }] });
  const outsider = new Client(t.app);
  await outsider.signInAs(db(), outsiderPerson.id);
  await outsider.get(`/orgs/${other.slug}`);
  const across = await outsider.post(`/orgs/${other.slug}/participants/${theirs.id}/links/email`, {
    token: theirs.token,
    email: 'a@example.com',
  });
  assert.equal(across.statusCode, 404);
  assert.equal(await count(), before, 'no message went out');
});

test('an organisation cannot use the form to mail without limit', async () => {
  const { base, token } = await makeLink('HO-4');
  const sends = await Promise.all(
    Array.from({ length: LINK_EMAILS_PER_HOUR + 5 }, (_, i) =>
      worker.post(`${base}/links/email`, { token, email: `p${i}@example.com` }),
    ),
  );
  const ok = sends.filter((r) => r.statusCode === 200).length;
  // the first test sent one already this hour
  assert.equal(ok, LINK_EMAILS_PER_HOUR - 1);
  assert.ok(sends.filter((r) => r.statusCode === 429).every((r) => /sent a lot of links/.test(r.body)));
});

test("the participant's page speaks to them, counts the questions, and can keep their answers", async () => {
  const ons4 = await makeLink('HO-5');
  const page = (await new Client(t.app).get(`/complete/${ons4.token}`)).body;
  assert.match(page, /There are four questions here about how you feel about your life/);
  assert.doesNotMatch(page, /I would like to ask you/);
  assert.match(page, /Question 1 of 4/);
  assert.match(page, /Question 4 of 4/);
  assert.match(page, /data-keep-answers="[0-9a-f]{16}"/);
  assert.doesNotMatch(page, new RegExp(`data-keep-answers="${ons4.token}`), 'the secret is not the storage key');
  const barc = await makeLink('HO-6', 'barc10');
  const barcPage = (await new Client(t.app).get(`/complete/${barc.token}`)).body;
  assert.match(barcPage, /Question 4 of 10/);
  const script = await new Client(t.app).get('/evidence/assets/self-completion.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
  assert.equal(maskEmail('jo@example.org'), 'j•••@example.org');
});
