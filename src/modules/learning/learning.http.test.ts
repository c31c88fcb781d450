// Shared learning through HTTP: publish, search with typos, read; members-only kept from the
// public; hostile Markdown; uploads that lie; questions and answers; mentors; the digest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { sendWeeklyDigest } from './digest/digest.service.ts';
import { remindReviews } from './library/library.service.ts';

let t: TestApp;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let orgB: Awaited<ReturnType<typeof buildOrg>>;
let newGroup: Awaited<ReturnType<typeof buildOrg>>;
let leadA: Client;
let leadB: Client;
let newLead: Client;
let coordinator: Client;
let anonymous: Client;
let leadAEmail: string;

function multipart(file: { name: string; type: string; content: Buffer }) {
  const boundary = `----rc${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  orgA = await buildOrg(db, { name: 'Alpha Recovery' });
  orgB = await buildOrg(db, { name: 'Beta Recovery' });
  newGroup = await buildOrg(db, { name: 'Gamma New Group', status: 'applicant' });
  const a = await buildPerson(db, { memberships: [{ orgId: orgA.id, role: 'lead' }] });
  leadAEmail = a.email;
  const b = await buildPerson(db, { memberships: [{ orgId: orgB.id, role: 'lead' }] });
  const g = await buildPerson(db, { memberships: [{ orgId: newGroup.id, role: 'lead' }] });
  const c = await buildPerson(db, { networkRole: 'coordinator' });
  leadA = new Client(t.app);
  await leadA.signIn(a.email, TEST_PASSWORD);
  leadB = new Client(t.app);
  await leadB.signIn(b.email, TEST_PASSWORD);
  newLead = new Client(t.app);
  await newLead.signIn(g.email, TEST_PASSWORD);
  coordinator = new Client(t.app);
  await coordinator.signIn(c.email, TEST_PASSWORD);
  anonymous = new Client(t.app);
});
after(() => t.close());

async function publish(client: Client, slug: string, fields: Record<string, string>) {
  await client.get(`/orgs/${slug}/learning/new`);
  const res = await client.post(`/orgs/${slug}/learning/new`, {
    kind: 'guide',
    visibility: 'public',
    language: 'en',
    ...fields,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return String(res.headers.location).split('/').pop()!;
}

let naloxoneId: string;
let secretId: string;

test('a lead publishes a resource; anyone finds it by a misspelt search and reads it', async () => {
  naloxoneId = await publish(leadA, orgA.slug, {
    title: 'Naloxone training guide',
    summary: 'Carry a kit.',
    body: '## Why\n\nNaloxone reverses an **overdose**.',
    topics: 'harm-reduction',
  });
  const search = await anonymous.get('/learning/library?q=nalaxone+trainng');
  assert.equal(search.statusCode, 200);
  assert.match(search.body, /Naloxone training guide/);
  const exact = await anonymous.get('/learning/library?q=overdoses');
  assert.match(exact.body, /<mark>overdose<\/mark>/, 'the matched word is highlighted, plural found by stemming');
  const page = await anonymous.get(`/learning/library/${naloxoneId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h3>Why<\/h3>/, 'a Markdown heading is shifted below the page heading');
  assert.match(page.body, /<strong>overdose<\/strong>/);
  const excluded = await anonymous.get('/learning/library?q=training+-naloxone');
  assert.doesNotMatch(excluded.body, /Naloxone training guide/);
});

test('members-only resources are never shown to the public, nor found, nor suggested', async () => {
  secretId = await publish(leadA, orgA.slug, {
    title: 'Zebrafinch pay survey',
    body: 'Members only figures.',
    visibility: 'members',
  });
  for (const url of [
    '/learning/library?q=zebrafinch',
    '/learning/library',
    '/learning/library/suggest?q=zebraf',
    '/learning',
  ]) {
    const res = await anonymous.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.doesNotMatch(res.body, /Zebrafinch/, url);
  }
  assert.equal((await anonymous.get(`/learning/library/${secretId}`)).statusCode, 404);
  const member = await leadB.get('/learning/library?q=zebrafinch');
  assert.match(member.body, /Zebrafinch pay survey/);
  assert.equal((await leadB.get(`/learning/library/${secretId}`)).statusCode, 200);
  // someone in an applicant group is not yet a member
  assert.equal((await newLead.get(`/learning/library/${secretId}`)).statusCode, 404);
});

test('hostile Markdown and titles are shown as text, never run', async () => {
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const id = await publish(leadA, orgA.slug, {
    title: `Evil ${payload}`,
    summary: payload,
    body: `${payload}\n\n[click](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>) <a href="javascript:alert(5)">x</a>\n\n<iframe src="https://evil.example"></iframe>`,
    topics: 'governance',
  });
  const page = await anonymous.get(`/learning/library/${id}`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.doesNotMatch(page.body, /<img[^>]+onerror/i);
  assert.doesNotMatch(page.body, /<a[^>]+href="javascript:/i);
  assert.doesNotMatch(page.body, /<a[^>]+href="data:/i);
  assert.doesNotMatch(page.body, /<iframe/i);
  assert.match(page.body, /&lt;script&gt;/);
  const search = await anonymous.get('/learning/library?q=alert');
  assert.doesNotMatch(search.body, /<script>alert/);
  assert.doesNotMatch(search.body, /<img[^>]+onerror/i);
});

test('a huge document is refused with a clear message, and nothing is written', async () => {
  await leadA.get(`/orgs/${orgA.slug}/learning/new`);
  const res = await leadA.post(`/orgs/${orgA.slug}/learning/new`, {
    kind: 'guide',
    visibility: 'public',
    title: 'Huge',
    body: '# x\n'.repeat(30000),
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /100,000 characters or fewer/);
  const n = await t.database.db
    .selectFrom('learning_resources')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('title', '=', 'Huge')
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 0);
  const missing = await leadA.post(`/orgs/${orgA.slug}/learning/new`, {
    kind: 'nonsense',
    visibility: 'public',
    title: '',
    body: '',
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter a title/);
});

test('uploads: a real PDF is accepted and downloads as an attachment; lying files are refused', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
  await leadA.get(`/orgs/${orgA.slug}/learning`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await leadA.get(`/orgs/${orgA.slug}/learning`)).body)![1]!;
  const send = (file: { name: string; type: string; content: Buffer }) => {
    const body = multipart(file);
    return leadA.request({
      method: 'POST',
      url: `/orgs/${orgA.slug}/learning/${naloxoneId}/files?_csrf=${encodeURIComponent(csrf)}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
  };
  const ok = await send({ name: 'guide.pdf', type: 'application/pdf', content: pdf });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const html = Buffer.from('<html><script>alert(1)</script></html>');
  const lying = await send({ name: 'guide.pdf', type: 'application/pdf', content: html });
  assert.equal(lying.statusCode, 415);
  assert.match(lying.body, /must be a PDF/);
  const renamed = await send({ name: 'photo.png', type: 'image/png', content: pdf });
  assert.equal(renamed.statusCode, 415);
  assert.match(renamed.body, /really a PDF/);
  const big = await send({
    name: 'big.pdf',
    type: 'application/pdf',
    content: Buffer.concat([pdf, Buffer.alloc(6 * 1024 * 1024)]),
  });
  assert.equal(big.statusCode, 413);
  const page = await anonymous.get(`/learning/library/${naloxoneId}`);
  const href = /href="(\/learning\/library\/[^"]+\/files\/[^"]+)"/.exec(page.body)![1]!;
  const file = await anonymous.get(href);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(String(file.headers['content-disposition']), /^attachment;/);
  const rows = await t.database.db
    .selectFrom('learning_attachments')
    .select('id')
    .where('resource_id', '=', naloxoneId)
    .execute();
  assert.equal(rows.length, 1, 'only the real PDF was stored');
});

test('another organisation cannot reach A’s library pages or mark its resources', async () => {
  assert.equal((await leadB.get(`/orgs/${orgA.slug}/learning`)).statusCode, 404);
  await leadB.get(`/orgs/${orgB.slug}/learning`);
  const res = await leadB.post(`/orgs/${orgB.slug}/learning/${naloxoneId}/reviewed`);
  assert.equal(res.statusCode, 404, 'a resource of A is missing when addressed through B');
});

test('a story waits for review, then a coordinator publishes it', async () => {
  await leadB.get(`/orgs/${orgB.slug}/learning/stories/new`);
  const res = await leadB.post(`/orgs/${orgB.slug}/learning/stories/new`, {
    title: 'Quokka breakfast club',
    summary: 's',
    what: 'w',
    why: 'y',
    happened: 'h',
    cost: '£60',
    copy: 'c',
    contact: 'Jo',
    visibility: 'public',
  });
  assert.equal(res.statusCode, 303);
  assert.doesNotMatch((await anonymous.get('/learning/library?q=quokka')).body, /Quokka breakfast club/);
  const queue = await coordinator.get('/network/learning/stories');
  assert.match(queue.body, /Quokka breakfast club/);
  const id = /action="\/network\/learning\/stories\/([^"]+)"/.exec(queue.body)![1]!;
  const back = await coordinator.post(`/network/learning/stories/${id}`, { decision: 'return', note: '' });
  assert.equal(back.statusCode, 400, 'sending back needs a note');
  assert.equal((await coordinator.post(`/network/learning/stories/${id}`, { decision: 'publish' })).statusCode, 303);
  assert.equal(
    (await coordinator.post(`/network/learning/stories/${id}`, { decision: 'publish' })).statusCode,
    409,
    'a replay is refused',
  );
  const found = await anonymous.get('/learning/library?q=quokka');
  assert.match(found.body, /Quokka breakfast club/);
  const page = await anonymous.get(`/learning/library/${id}`);
  assert.match(page.body, /What it cost/);
});

test('questions: ask, answer as another member, this helped once, accept; the public sees none of it', async () => {
  await leadB.post('/learning/follows', { tags: 'dbs' });
  await leadA.get('/learning/questions/new');
  const ask = await leadA.post('/learning/questions/new', {
    title: 'How do you do DBS checks?',
    body: 'Help <script>x</script>',
    tags: 'dbs, volunteers',
  });
  assert.equal(ask.statusCode, 303);
  const qUrl = String(ask.headers.location);
  const mail = (await t.mailer.outbox()).find((m) => m.subject.includes('How do you do DBS checks?'));
  assert.ok(mail, 'a follower of the tag hears about it');
  assert.equal((await anonymous.get(qUrl)).statusCode, 303, 'signed out: sent to sign in');
  assert.equal((await newLead.get(qUrl)).statusCode, 404, 'not yet a member: missing');
  await leadB.get(qUrl);
  assert.equal((await leadB.post(`${qUrl}/answers`, { body: '' })).statusCode, 400);
  assert.equal((await leadB.post(`${qUrl}/answers`, { body: 'We use a risk assessment.' })).statusCode, 303);
  const page = await leadA.get(qUrl);
  const answerId = /answers\/([0-9a-f-]{36})\/accept/.exec(page.body)![1]!;
  await leadA.post(`${qUrl}/answers/${answerId}/helped`);
  await leadA.post(`${qUrl}/answers/${answerId}/helped`);
  const helped = await t.database.db
    .selectFrom('learning_answer_helped')
    .selectAll()
    .where('answer_id', '=', answerId)
    .execute();
  assert.equal(helped.length, 1, 'twice pressed counts once');
  assert.equal((await leadB.post(`${qUrl}/answers/${answerId}/accept`)).statusCode, 403, 'only the asker accepts');
  assert.equal((await leadA.post(`${qUrl}/answers/${answerId}/accept`)).statusCode, 303);
  assert.match((await leadA.get(qUrl)).body, /Solved it/);
  const unanswered = await coordinator.get('/network/learning/questions');
  assert.doesNotMatch(unanswered.body, /How do you do DBS checks/);
  // report and hide
  assert.equal((await leadB.post(`${qUrl}/report`, { reason: 'Rude' })).statusCode, 303);
  const qid = qUrl.split('/').pop()!;
  assert.equal((await coordinator.post(`/learning/moderation/question/${qid}/hide`)).statusCode, 303);
  assert.equal((await leadB.get(qUrl)).statusCode, 404, 'hidden from members');
});

test('mentoring: no-capacity organisations are never suggested; the mentor accepts; the mentor sees the pathway', async () => {
  await leadA.get(`/orgs/${orgA.slug}/mentoring`);
  assert.equal((await leadA.post(`/orgs/${orgA.slug}/mentoring`, { capacity: '2', note: '' })).statusCode, 303);
  await leadB.get(`/orgs/${orgB.slug}/mentoring`);
  assert.equal((await leadB.post(`/orgs/${orgB.slug}/mentoring`, { capacity: '0', note: '' })).statusCode, 303);
  await newLead.get(`/orgs/${newGroup.slug}/pathway`);
  await newLead.post(`/orgs/${newGroup.slug}/pathway/safeguarding`, { done: 'yes' });
  const page = await newLead.get(`/orgs/${newGroup.slug}/pathway/mentor`);
  assert.match(page.body, /Alpha Recovery/);
  assert.doesNotMatch(page.body, /Beta Recovery/);
  const refused = await newLead.post(`/orgs/${newGroup.slug}/pathway/mentor`, { mentor: orgB.id });
  assert.equal(refused.statusCode, 400, 'an organisation with no room cannot be asked by typing its id');
  assert.equal(
    (await newLead.post(`/orgs/${newGroup.slug}/pathway/mentor`, { mentor: orgA.id, message: 'Please help' }))
      .statusCode,
    303,
  );
  assert.equal(
    (await newLead.post(`/orgs/${newGroup.slug}/pathway/mentor`, { mentor: orgA.id })).statusCode,
    409,
    'one open request at a time',
  );
  const requests = await leadA.get(`/orgs/${orgA.slug}/mentoring`);
  const reqId = /mentoring\/([0-9a-f-]{36})"/.exec(requests.body)![1]!;
  // B cannot see the new group's pathway, nor answer for A
  assert.equal((await leadB.get(`/orgs/${newGroup.slug}/pathway`)).statusCode, 404);
  assert.equal((await leadB.post(`/orgs/${orgB.slug}/mentoring/${reqId}`, { answer: 'accept' })).statusCode, 404);
  assert.equal((await leadA.post(`/orgs/${orgA.slug}/mentoring/${reqId}`, { answer: 'accept' })).statusCode, 303);
  assert.equal(
    (await leadA.post(`/orgs/${orgA.slug}/mentoring/${reqId}`, { answer: 'decline' })).statusCode,
    409,
    'a replay is refused',
  );
  const mentee = await leadA.get(`/orgs/${orgA.slug}/mentoring/${reqId}`);
  assert.equal(mentee.statusCode, 200);
  assert.match(mentee.body, /Gamma New Group/);
  assert.match(mentee.body, /Done/);
});

test('the digest goes once per person per week, even with two runs at once; unsubscribe works signed out', async () => {
  const [n1, n2] = await Promise.all([sendWeeklyDigest({ ...depsOf() }), sendWeeklyDigest({ ...depsOf() })]);
  const people = await t.database.db.selectFrom('learning_digest_sends').select('person_id').execute();
  assert.equal(n1 + n2, people.length, 'each person claimed once');
  assert.equal(new Set(people.map((p) => p.person_id)).size, people.length);
  assert.equal(await sendWeeklyDigest(depsOf()), 0, 'a third run in the same week sends nothing');
  const mail = (await t.mailer.outbox()).find((m) => m.to === leadAEmail && m.subject.startsWith('This week'))!;
  const link = /\/learning\/unsubscribe\/\S+/.exec(mail.text)![0];
  const stranger = new Client(t.app);
  assert.equal((await stranger.get(link)).statusCode, 200);
  assert.equal((await stranger.post(link)).statusCode, 200);
  const next = new Date(Date.now() + 8 * 86400000);
  await sendWeeklyDigest(depsOf(), next);
  const after = (await t.mailer.outbox()).filter((m) => m.to === leadAEmail && m.subject.startsWith('This week'));
  assert.equal(after.length, 1, 'no digest after unsubscribing');
  assert.equal((await stranger.get('/learning/unsubscribe/not-a-real-token-at-all-xx')).statusCode, 404);
});

test('the review reminder tells the owner once, a month before the year is up', async () => {
  await t.database.db
    .updateTable('learning_resources')
    .set({ reviewed_on: '2020-01-01' })
    .where('id', '=', naloxoneId)
    .execute();
  assert.ok((await remindReviews(depsOf())) >= 1);
  assert.equal(await remindReviews(depsOf()), 0, 'not again within 30 days');
  const mail = (await t.mailer.outbox()).find((m) => m.to === leadAEmail && m.subject.includes('still right'));
  assert.ok(mail);
  assert.match((await anonymous.get(`/learning/library/${naloxoneId}`)).body, /Needs review/);
});

function depsOf() {
  return {
    db: t.database.db,
    mailer: t.mailer,
    config: t.config,
    jobs: { send: async () => {} },
    links: { workspace: [], network: [] },
  };
}
