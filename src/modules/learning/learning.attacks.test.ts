// Shared learning under attack, through HTTP: people who can help (members only, hostile text,
// someone else's organisation typed in), a person's own pathway before there is a group,
// members-only files and words reached by id or through search, mentor requests raced and
// replayed, one-click unsubscribe without cookies, and the digest from two app instances at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let orgB: Awaited<ReturnType<typeof buildOrg>>;
let leadA: Client;
let leadB: Client;
let applicantLead: Client;
let anonymous: Client;
let leadAId: string;

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  orgA = await buildOrg(db, { name: 'Alder Recovery' });
  orgB = await buildOrg(db, { name: 'Birch Recovery' });
  const applicant = await buildOrg(db, { name: 'Cedar Starting Out', status: 'applicant' });
  const a = await buildPerson(db, { name: 'Ana Alder', memberships: [{ orgId: orgA.id, role: 'lead' }] });
  leadAId = a.id;
  const b = await buildPerson(db, { name: 'Ben Birch', memberships: [{ orgId: orgB.id, role: 'lead' }] });
  const c = await buildPerson(db, { memberships: [{ orgId: applicant.id, role: 'lead' }] });
  leadA = new Client(t.app);
  await leadA.signIn(a.email, TEST_PASSWORD);
  leadB = new Client(t.app);
  await leadB.signIn(b.email, TEST_PASSWORD);
  applicantLead = new Client(t.app);
  await applicantLead.signIn(c.email, TEST_PASSWORD);
  anonymous = new Client(t.app);
});
after(() => t.close());

const count = async (
  table: 'learning_helpers' | 'learning_person_steps' | 'learning_pathway_steps' | 'audit_log',
  where: (q: any) => any = (q) => q,
) =>
  Number(
    (await where(t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'))).executeTakeFirstOrThrow()).n,
  );

test('the home page’s “Learn from each other” card leads to shared learning', async () => {
  const home = await anonymous.get('/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /<a href="\/learning">Learn from each other<\/a>/);
  assert.equal((await anonymous.get('/learning')).statusCode, 200);
});

test('people who can help: members list themselves and find each other; nobody else sees the list', async () => {
  await leadA.get('/learning/people/me');
  const empty = await leadA.post('/learning/people/me', { org: orgA.id, can_offer: '', looking_for: '' });
  assert.equal(empty.statusCode, 400, 'saying nothing is refused');
  assert.match(empty.body, /Say what you can offer/);
  const other = await leadA.post('/learning/people/me', { org: orgB.id, can_offer: 'Bid writing' });
  assert.equal(other.statusCode, 400, 'another organisation typed in is refused');
  assert.equal(await count('learning_helpers'), 0);
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const saved = await leadA.post('/learning/people/me', {
    org: orgA.id,
    can_offer: `Bid writing for the lottery, setting up a committee ${payload}`,
    looking_for: 'Someone who has run a recovery café',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(
    await count('audit_log', (q) => q.where('action', '=', 'learning.helper.listed').where('subject_id', '=', leadAId)),
    1,
    'listing is in the audit log',
  );

  const found = await leadB.get('/learning/people?q=bid+writng');
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /Ana Alder/, 'a typo still finds her');
  assert.match(found.body, /Bid writing for the lottery/);
  assert.doesNotMatch(found.body, /<script>alert\(1\)/);
  assert.doesNotMatch(found.body, /<img src=x onerror/);
  assert.match(found.body, /&lt;script>alert\(1\)/, 'shown as text');
  assert.doesNotMatch(
    (await leadB.get('/learning/people?q=plumbing')).body,
    /Ana Alder/,
    'unrelated words find nobody',
  );
  const stems = await leadB.get('/learning/people?q=committees');
  assert.match(stems.body, /Ana Alder/, 'a plural finds the singular');

  const anon = await anonymous.get('/learning/people?q=bid');
  assert.equal(anon.statusCode, 303, 'signed out: sent to sign in');
  const notYet = await applicantLead.get('/learning/people');
  assert.equal(notYet.statusCode, 404, 'a group that has not joined yet: missing');
  assert.doesNotMatch(notYet.body, /Ana Alder/);
  assert.equal((await applicantLead.post('/learning/people/me', { org: orgA.id, can_offer: 'x' })).statusCode, 404);

  await leadA.get('/learning/people');
  assert.equal((await leadA.post('/learning/people/me/remove')).statusCode, 303);
  assert.doesNotMatch((await leadB.get('/learning/people?q=bid')).body, /Ana Alder/, 'taken off the list at once');
  assert.equal(await count('audit_log', (q) => q.where('action', '=', 'learning.helper.removed')), 1);
});

test('a person with no group keeps their own ticks, sees nobody else’s, and brings them to the group later', async () => {
  const db = t.database.db;
  const alone = await buildPerson(db, { name: 'Dee Alone' });
  const someone = await buildPerson(db, { name: 'Eli Else' });
  const dee = new Client(t.app);
  await dee.signIn(alone.email, TEST_PASSWORD);
  const eli = new Client(t.app);
  await eli.signIn(someone.email, TEST_PASSWORD);
  await dee.get('/learning/start');
  assert.equal((await dee.post('/learning/start/people-and-purpose', { done: 'yes' })).statusCode, 303);
  assert.equal(
    (await dee.post('/learning/start/people-and-purpose', { done: 'yes' })).statusCode,
    303,
    'a replay changes nothing',
  );
  assert.equal((await dee.post('/learning/start/safeguarding', { done: 'yes' })).statusCode, 303);
  assert.equal((await dee.post('/learning/start/not-a-step', { done: 'yes' })).statusCode, 404);
  assert.equal(await count('learning_person_steps', (q) => q.where('person_id', '=', alone.id)), 2);
  assert.match((await dee.get('/learning/start')).body, /2 of \d+ so far/);
  await eli.get('/learning/start');
  assert.match((await eli.get('/learning/start')).body, /0 of \d+ so far/, 'someone else sees only their own');
  assert.equal((await anonymous.post('/learning/start/safeguarding', { done: 'yes' })).statusCode, 401);

  // Later the group exists (an applicant), and Dee leads it.
  const group = await buildOrg(db, { name: 'Dee’s New Group', status: 'applicant' });
  await db.insertInto('memberships').values({ person_id: alone.id, org_id: group.id, role: 'lead' }).execute();
  const deeAgain = new Client(t.app);
  await deeAgain.signIn(alone.email, TEST_PASSWORD);
  const page = await deeAgain.get(`/orgs/${group.slug}/pathway`);
  assert.match(page.body, /You ticked 2 steps on your own/);
  assert.equal((await deeAgain.post(`/orgs/${group.slug}/pathway/bring-steps`)).statusCode, 303);
  assert.equal(await count('learning_pathway_steps', (q) => q.where('org_id', '=', group.id)), 2);
  assert.equal(await count('learning_person_steps', (q) => q.where('person_id', '=', alone.id)), 0);
  assert.equal(
    (await deeAgain.post(`/orgs/${group.slug}/pathway/bring-steps`)).statusCode,
    303,
    'a replay brings nothing twice',
  );
  assert.equal(await count('learning_pathway_steps', (q) => q.where('org_id', '=', group.id)), 2);
  // B's lead can't bring anything into Dee's group, nor see it.
  assert.equal((await leadB.post(`/orgs/${group.slug}/pathway/bring-steps`)).statusCode, 404);
});

test('members-only words, titles and files stay hidden from the public by id, search, snippet and type-ahead', async () => {
  await leadA.get(`/orgs/${orgA.slug}/learning/new`);
  const res = await leadA.post(`/orgs/${orgA.slug}/learning/new`, {
    kind: 'guide',
    visibility: 'members',
    language: 'en',
    title: 'Wombat salary bands',
    summary: 'Pay for peer workers.',
    body: 'Our peer workers earn a quixotically specific amount.',
  });
  assert.equal(res.statusCode, 303);
  const id = String(res.headers.location).split('/').pop()!;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await leadA.get(`/orgs/${orgA.slug}/learning`)).body)![1]!;
  const boundary = '----rcattack';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="<script>alert(1)</script>.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await leadA.request({
    method: 'POST',
    url: `/orgs/${orgA.slug}/learning/${id}/files?_csrf=${encodeURIComponent(csrf)}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.equal(up.statusCode, 303, up.body.slice(0, 300));
  const file = await t.database.db
    .selectFrom('learning_attachments')
    .select(['id', 'file_name'])
    .where('resource_id', '=', id)
    .executeTakeFirstOrThrow();

  const member = await leadB.get(`/learning/library/${id}`);
  assert.equal(member.statusCode, 200);
  assert.doesNotMatch(member.body, /<script>alert\(1\)<\/script>\.pdf/, 'a hostile file name is shown as text');
  assert.equal((await leadB.get(`/learning/library/${id}/files/${file.id}`)).statusCode, 200, 'a member downloads it');

  for (const c of [anonymous, applicantLead]) {
    assert.equal((await c.get(`/learning/library/${id}`)).statusCode, 404);
    assert.equal((await c.get(`/learning/library/${id}/files/${file.id}`)).statusCode, 404, 'the file by its id');
    for (const url of [
      '/learning/library?q=quixotically',
      '/learning/library?q=quixoticaly',
      '/learning/library?q=wombat',
      '/learning/library?q=wombat+salary&page=1',
      '/learning/library/suggest?q=womb',
      '/learning/library/suggest?q=wombta',
    ]) {
      const r = await c.get(url);
      assert.equal(r.statusCode, 200, url);
      // (the search box shows what was typed, in lower case; the resource's own words never)
      assert.doesNotMatch(
        r.body,
        /Wombat salary bands|Pay for peer workers|specific amount/,
        `${url} leaked members-only words`,
      );
    }
  }
  assert.match(
    (await leadB.get('/learning/library?q=quixotically')).body,
    /Wombat salary bands/,
    'members find it by its words (the check is not vacuous)',
  );
  assert.match(
    (await leadB.get('/learning/library?q=wombat+salry')).body,
    /Wombat salary bands/,
    'and by a misspelt title',
  );
  assert.match((await leadB.get('/learning/library/suggest?q=womb')).body, /Wombat salary bands/, 'and as they type');
  // Facet counts don't give the members-only resource away either.
  const facetsAnon = await anonymous.get(`/learning/library?org=${orgA.slug}`);
  assert.doesNotMatch(facetsAnon.body, /Wombat/);
  // And someone else's organisation cannot attach to or mark it.
  assert.equal((await leadB.post(`/orgs/${orgB.slug}/learning/${id}/reviewed`)).statusCode, 404);
});

test('mentor requests raced and replayed: one open request, one answer', async () => {
  const db = t.database.db;
  await leadA.get(`/orgs/${orgA.slug}/mentoring`);
  assert.equal((await leadA.post(`/orgs/${orgA.slug}/mentoring`, { capacity: '1' })).statusCode, 303);
  await leadB.get(`/orgs/${orgB.slug}/mentoring`);
  assert.equal((await leadB.post(`/orgs/${orgB.slug}/mentoring`, { capacity: '1' })).statusCode, 303);
  const group = await buildOrg(db, { name: 'Fir Fledgling', status: 'applicant' });
  const g = await buildPerson(db, { memberships: [{ orgId: group.id, role: 'lead' }] });
  const lead = new Client(t.app);
  await lead.signIn(g.email, TEST_PASSWORD);
  await lead.get(`/orgs/${group.slug}/pathway/mentor`);
  // Two asks at once, to two different mentors: only one can be open.
  const asks = await Promise.all([
    lead.post(`/orgs/${group.slug}/pathway/mentor`, { mentor: orgA.id, message: 'first' }),
    lead.post(`/orgs/${group.slug}/pathway/mentor`, { mentor: orgB.id, message: 'second' }),
  ]);
  assert.deepEqual(asks.map((r) => r.statusCode).sort(), [303, 409]);
  const open = await db
    .selectFrom('learning_mentor_requests')
    .select(['id', 'mentor_org_id'])
    .where('org_id', '=', group.id)
    .execute();
  assert.equal(open.length, 1);
  const [mentorClient, mentorOrg] = open[0]!.mentor_org_id === orgA.id ? [leadA, orgA] : [leadB, orgB];
  await mentorClient.get(`/orgs/${mentorOrg.slug}/mentoring`);
  // Yes and no pressed at once (two tabs): one answer wins, the other is told it was answered.
  const answers = await Promise.all([
    mentorClient.post(`/orgs/${mentorOrg.slug}/mentoring/${open[0]!.id}`, { answer: 'accept' }),
    mentorClient.post(`/orgs/${mentorOrg.slug}/mentoring/${open[0]!.id}`, { answer: 'decline' }),
  ]);
  assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 409]);
  const after = await db
    .selectFrom('learning_mentor_requests')
    .select('status')
    .where('id', '=', open[0]!.id)
    .executeTakeFirstOrThrow();
  assert.ok(['accepted', 'declined'].includes(after.status));
  const audits = await count('audit_log', (q) => q.where('subject_id', '=', open[0]!.id));
  assert.equal(audits, 1, 'one decision, one audit entry');
  // The other mentor can't answer a request that isn't theirs, by id.
  const [otherClient, otherOrg] = mentorOrg.id === orgA.id ? [leadB, orgB] : [leadA, orgA];
  await otherClient.get(`/orgs/${otherOrg.slug}/mentoring`);
  assert.equal(
    (await otherClient.post(`/orgs/${otherOrg.slug}/mentoring/${open[0]!.id}`, { answer: 'accept' })).statusCode,
    404,
  );
  assert.equal((await otherClient.get(`/orgs/${otherOrg.slug}/mentoring/${open[0]!.id}`)).statusCode, 404);
});

test('the digest from two app instances at once goes once per person; one-click unsubscribe needs no cookies', async () => {
  // Something new this week, so there is a digest to send.
  await leadB.get(`/orgs/${orgB.slug}/learning/new`);
  await leadB.post(`/orgs/${orgB.slug}/learning/new`, {
    kind: 'guide',
    visibility: 'public',
    language: 'en',
    title: 'Kettle rota guide',
    body: 'Who makes the tea.',
  });
  // A second app over the same database, both running jobs; each is sent the job at once.
  const second = await buildApp({
    config: t.config,
    database: t.database,
    mailer: t.mailer,
    logger: false,
    jobPollingSeconds: 0.5,
  });
  await second.ready();
  try {
    await Promise.all([t.app.jobs.start(), second.jobs.start()]);
    await Promise.all([
      t.app.jobs.send('learning.send-digest', {}),
      second.jobs.send('learning.send-digest', {}),
      t.app.jobs.send('learning.send-digest', {}),
    ]);
    const digests = async () => (await t.mailer.outbox(500)).filter((m) => m.subject.startsWith('This week'));
    for (let i = 0; i < 120; i++) {
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from pgboss.job where name = 'learning.send-digest' and state in ('created', 'retry', 'active')`.execute(
        t.database.db,
      );
      if (Number(rows[0]?.n ?? 0) === 0 && (await digests()).length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const mails = await digests();
    const recipients = await t.database.db.selectFrom('learning_digest_sends').select('person_id').execute();
    assert.ok(mails.length >= 2, `digests went out (${mails.length})`);
    assert.equal(mails.length, recipients.length, 'one email per person claimed');
    assert.equal(new Set(mails.map((m) => m.to)).size, mails.length, 'nobody got two');

    const mine = mails.find((m) => m.to.includes('@') && m.headers?.['List-Unsubscribe'])!;
    assert.equal(mine.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    const url = new URL(/<([^>]+)>/.exec(mine.headers!['List-Unsubscribe']!)![1]!);
    // The mail app's one-click POST: no cookies, no CSRF token, the RFC 8058 body.
    const res = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 200));
    const token = url.pathname.split('/').pop()!;
    const sub = await t.database.db
      .selectFrom('learning_digest_subscriptions')
      .select('subscribed')
      .where('unsubscribe_token', '=', token)
      .executeTakeFirstOrThrow();
    assert.equal(sub.subscribed, false);
    // A forged POST to a made-up token changes nothing and says the link is not known.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/learning/unsubscribe/' + 'Z'.repeat(32),
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(forged.statusCode, 404);
  } finally {
    await second.close();
    await t.app.jobs.stop();
  }
});

test('every learning page, enumerated from the app, keeps B’s progress from A and members-only things from the signed-out', async () => {
  const db = t.database.db;
  // B: a new group with progress, a mentor request, and a members-only resource with a file.
  const groupB = await buildOrg(db, { name: 'Hemlock Hopefuls', status: 'applicant' });
  const gLead = await buildPerson(db, { memberships: [{ orgId: groupB.id, role: 'lead' }] });
  await db
    .insertInto('learning_pathway_steps')
    .values([{ org_id: groupB.id, step: 'bank-account', done_by: gLead.id, note: 'Hemlock progress note' }])
    .execute();
  const request = await db
    .insertInto('learning_mentor_requests')
    .values({
      org_id: groupB.id,
      mentor_org_id: orgB.id,
      status: 'accepted',
      message: 'Hemlock asks',
      asked_by: gLead.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const secret = await db
    .insertInto('learning_resources')
    .values({
      org_id: orgB.id,
      kind: 'policy',
      title: 'Hemlock members secret',
      body: 'Hemlock members body',
      body_text: 'Hemlock members body',
      visibility: 'members',
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const file = await db
    .insertInto('learning_attachments')
    .values({
      org_id: orgB.id,
      resource_id: secret.id,
      file_name: 'hemlock.pdf',
      media_type: 'application/pdf',
      size_bytes: 8,
      data: Buffer.from('%PDF-1.4'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const question = await db.selectFrom('learning_questions').select('id').executeTakeFirst();
  const fill = (url: string) =>
    url
      .replace(':org', groupB.slug)
      .replace(':resource', secret.id)
      .replace(':file', file.id)
      .replace(':request', request.id)
      .replace(':question', question?.id ?? '00000000-0000-4000-8000-000000000000')
      .replace(':token', 'A'.repeat(32))
      .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
  const routes = t.app.routeTable.filter((r) => r.method === 'GET' && /learning|pathway|mentoring/.test(r.url));
  assert.ok(routes.length >= 15, `learning routes found (${routes.length})`);
  // A's lead is in a member organisation, so A sees members-only things, but never B's group.
  for (const r of routes) {
    const url = fill(r.url);
    for (const [who, c] of [
      ['signed out', anonymous],
      ['A', leadA],
    ] as const) {
      const res = await c.get(url);
      assert.ok(res.statusCode < 500, `${url} gave ${res.statusCode} to ${who}`);
      assert.doesNotMatch(
        res.body,
        /Hemlock progress note|Hemlock Hopefuls|Hemlock asks/,
        `${url} showed B’s group to ${who}`,
      );
      if (who === 'signed out')
        assert.doesNotMatch(
          res.body + String(res.headers['content-disposition'] ?? ''),
          /Hemlock members|hemlock\.pdf|%PDF/,
          `${url} showed members-only things to ${who}`,
        );
      if (r.access.kind === 'org')
        assert.ok([303, 404].includes(res.statusCode), `${url} answered ${who} with ${res.statusCode}`);
    }
  }
  // The same addresses do open for the right people (so the checks are not vacuous).
  const g = new Client(t.app);
  await g.signIn(gLead.email, TEST_PASSWORD);
  assert.match((await g.get(`/orgs/${groupB.slug}/pathway`)).body, /Hemlock Hopefuls/);
  assert.match(
    (await leadB.get(`/orgs/${orgB.slug}/mentoring/${request.id}`)).body,
    /Hemlock Hopefuls/,
    'its mentor sees its progress',
  );
  assert.equal(
    (await leadA.get(`/learning/library/${secret.id}/files/${file.id}`)).statusCode,
    200,
    'a member downloads the file',
  );
});
