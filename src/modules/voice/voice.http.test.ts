// The voice through HTTP: opening a consultation, voting once per statement under races and
// replays, CSRF, one organisation's consultation kept from another, moderation, thresholds,
// results only as the policy says, words with consent and withdrawal, collections, papers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { readPdf } from '../../../test/support/pdf.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';
import type { Deps } from '../../platform/deps.ts';
import { buildOutsideView } from '../insight/index.ts';
import { analyseConsultation, castVote, closeDueConsultations } from './consultations/consultations.service.ts';
import { plantedConsultation } from './domain/synthetic.ts';

let t: TestApp;
let deps: Deps;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let coordinator: Client;
let leadA: Client;
let volunteerA: Client;
let leadB: Client;
let anonymous: Client;
const sent: { name: string; payload: unknown }[] = [];

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  orgA = await buildOrg(db, { name: 'Alpha Recovery' });
  const orgB = await buildOrg(db, { name: 'Beta Recovery' });
  const people = {
    c: await buildPerson(db, { networkRole: 'coordinator' }),
    la: await buildPerson(db, { memberships: [{ orgId: orgA.id, role: 'lead' }] }),
    va: await buildPerson(db, { memberships: [{ orgId: orgA.id, role: 'volunteer' }] }),
    lb: await buildPerson(db, { memberships: [{ orgId: orgB.id, role: 'lead' }] }),
  };
  coordinator = new Client(t.app);
  await coordinator.signIn(people.c.email, TEST_PASSWORD);
  leadA = new Client(t.app);
  await leadA.signIn(people.la.email, TEST_PASSWORD);
  volunteerA = new Client(t.app);
  await volunteerA.signIn(people.va.email, TEST_PASSWORD);
  leadB = new Client(t.app);
  await leadB.signIn(people.lb.email, TEST_PASSWORD);
  anonymous = new Client(t.app);
  deps = {
    db,
    mailer: t.mailer,
    config: t.config,
    jobs: { send: async (name, payload) => void sent.push({ name, payload }) },
    links: { workspace: [], network: [] },
  };
});
after(() => t.close());

const ukNow = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
};

async function open(client: Client, action: string, fields: Record<string, string> = {}) {
  await client.get(action);
  const res = await client.post(action, {
    title: 'Where do we stand?',
    background: 'Some **background** <script>alert(1)</script>',
    audience: 'link',
    opensAt: ukNow(-1),
    closesAt: ukNow(7),
    resultsVisibility: 'after_close',
    statementsPerPerson: '1',
    statements:
      'We need long term funding\nPeer support works\nAbstinence first\nHousing first\nNaloxone for all\nMore online meetings\nPay peer workers\nCouncils listen',
    ...fields,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 800));
  return String(res.headers.location).split('/').pop()!;
}

async function statementIds(client: Client, id: string): Promise<string[]> {
  const page = await client.get(`/voice/consultations/${id}`);
  return [...new Set([...page.body.matchAll(/\?statement=([0-9a-f-]{36})/g)].map((m) => m[1]!))];
}

const voteCount = async (id: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('voice_votes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('consultation_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a coordinator opens a consultation; the background is sanitised; anyone with the link votes without an account', async () => {
  const id = await open(coordinator, '/network/voice/consultations/new');
  const page = await anonymous.get(`/voice/consultations/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<strong>background<\/strong>/);
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, /Statement 1 of 8/);
  const first = /name="statement" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
  const vote = await anonymous.post(`/voice/consultations/${id}/votes`, { statement: first, choice: 'agree' });
  assert.equal(vote.statusCode, 303);
  assert.ok(
    [...anonymous.cookies.keys()].some((k) => k.startsWith('rc_voice_')),
    'a participant token cookie',
  );
  const next = await anonymous.get(`/voice/consultations/${id}`);
  assert.match(next.body, /Statement 2 of 8/);
  // A changed vote replaces the earlier one.
  await anonymous.post(`/voice/consultations/${id}/votes`, { statement: first, choice: 'disagree' });
  assert.equal(await voteCount(id), 1);
  const v = await t.database.db
    .selectFrom('voice_votes')
    .select('value')
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(v.value, -1);
  // Hostile input never gives a 500.
  for (const body of [
    { statement: first, choice: 'maybe' },
    { statement: 'x', choice: 'agree' },
    { statement: '00000000-0000-4000-8000-000000000000', choice: 'agree' },
    {},
  ]) {
    const r = await anonymous.post(`/voice/consultations/${id}/votes`, body as Record<string, string>);
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${JSON.stringify(body)} → ${r.statusCode}`);
  }
  assert.equal((await anonymous.get('/voice/consultations/not-a-uuid')).statusCode, 404);
});

test('one vote per statement per participant under concurrent posts and replays, signed in or anonymous', async () => {
  const id = await open(coordinator, '/network/voice/consultations/new');
  const [s] = await statementIds(coordinator, id).then(async (ids) =>
    ids.length
      ? ids
      : [
          /name="statement" value="([0-9a-f-]{36})"/.exec(
            (await coordinator.get(`/voice/consultations/${id}`)).body,
          )![1]!,
        ],
  );
  // Anonymous: establish the cookie once, then race twenty posts with it.
  const anon = new Client(t.app);
  await anon.get(`/voice/consultations/${id}`);
  await anon.post(`/voice/consultations/${id}/votes`, { statement: s!, choice: 'pass' });
  const races = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      anon.post(`/voice/consultations/${id}/votes`, { statement: s!, choice: i % 2 ? 'agree' : 'disagree' }),
    ),
  );
  assert.ok(races.every((r) => r.statusCode === 303));
  // Signed in: twenty at once with no earlier vote (the participant row is created in the race).
  await volunteerA.get(`/voice/consultations/${id}`);
  const signed = await Promise.all(
    Array.from({ length: 20 }, () =>
      volunteerA.post(`/voice/consultations/${id}/votes`, { statement: s!, choice: 'agree' }),
    ),
  );
  assert.ok(
    signed.every((r) => r.statusCode === 303),
    signed.map((r) => r.statusCode).join(),
  );
  assert.equal(await voteCount(id), 2, 'one vote each');
  const participants = await t.database.db
    .selectFrom('voice_participants')
    .select('id')
    .where('consultation_id', '=', id)
    .execute();
  assert.equal(participants.length, 2);
  // A replayed request without the CSRF token is refused.
  const replay = await new Client(t.app).post(
    `/voice/consultations/${id}/votes`,
    { statement: s!, choice: 'agree' },
    { csrf: false },
  );
  assert.equal(replay.statusCode, 403);
  assert.equal(await voteCount(id), 2);
});

test('votes per address per minute are limited', async () => {
  const id = await open(coordinator, '/network/voice/consultations/new');
  const ids = (
    await t.database.db.selectFrom('voice_statements').select('id').where('consultation_id', '=', id).execute()
  ).map((r) => r.id);
  for (let i = 0; i < 3; i++)
    await castVote(
      deps,
      { kind: 'anonymous' },
      id,
      { token: `tok-limit-${i}-xxxxxxxxxxxxxxxx` },
      { statementId: ids[0]!, choice: 'agree', address: '203.0.113.9' },
      { perMinute: 3 },
    );
  await assert.rejects(
    castVote(
      deps,
      { kind: 'anonymous' },
      id,
      { token: 'tok-limit-9-xxxxxxxxxxxxxxxx' },
      { statementId: ids[0]!, choice: 'agree', address: '203.0.113.9' },
      { perMinute: 3 },
    ),
    /too_many|minute/i,
  );
  await castVote(
    deps,
    { kind: 'anonymous' },
    id,
    { token: 'tok-limit-8-xxxxxxxxxxxxxxxx' },
    { statementId: ids[0]!, choice: 'agree', address: '203.0.113.10' },
    { perMinute: 3 },
  );
});

test("organisation A's consultation: its people take part; B's lead, the public and coordinators cannot see or vote", async () => {
  const id = await open(leadA, `/orgs/${orgA.slug}/voice/new`, { audience: 'org' });
  const page = await volunteerA.get(`/voice/consultations/${id}`);
  assert.equal(page.statusCode, 200);
  const s = /name="statement" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
  assert.equal(
    (await volunteerA.post(`/voice/consultations/${id}/votes`, { statement: s, choice: 'agree' })).statusCode,
    303,
  );
  for (const [who, c] of [
    ['lead of B', leadB],
    ['anonymous', anonymous],
    ['coordinator', coordinator],
  ] as const) {
    await c.get('/voice');
    assert.equal((await c.get(`/voice/consultations/${id}`)).statusCode, 404, who);
    assert.equal((await c.get(`/voice/consultations/${id}/results`)).statusCode, 404, who);
    assert.equal(
      (await c.post(`/voice/consultations/${id}/votes`, { statement: s, choice: 'agree' })).statusCode,
      404,
      who,
    );
    assert.equal((await c.post(`/voice/consultations/${id}/statements`, { text: 'sneaky' })).statusCode, 404, who);
    assert.doesNotMatch((await c.get('/voice')).body, new RegExp(id), `${who}: not listed`);
  }
  assert.equal((await leadB.get(`/orgs/${orgA.slug}/voice/new`)).statusCode, 404);
  assert.equal(
    (await volunteerA.get(`/voice/consultations/${id}/manage`)).statusCode,
    404,
    'a volunteer does not run it',
  );
  assert.equal(await voteCount(id), 1);
});

test('a statement added goes to moderation; a rejection reason is shown to its author; one per person here', async () => {
  const id = await open(coordinator, '/network/voice/consultations/new');
  const author = new Client(t.app);
  await author.get(`/voice/consultations/${id}`);
  assert.equal(
    (await author.post(`/voice/consultations/${id}/statements`, { text: 'Buses should run after six' })).statusCode,
    303,
  );
  assert.equal(
    (await author.post(`/voice/consultations/${id}/statements`, { text: 'A second one' })).statusCode,
    409,
    'the limit is one per person',
  );
  assert.match((await author.get(`/voice/consultations/${id}`)).body, /waiting to be checked/);
  const manage = await coordinator.get(`/voice/consultations/${id}/manage`);
  const sid = /statements\/([0-9a-f-]{36})\/moderate/.exec(manage.body)![1]!;
  assert.equal(
    (
      await coordinator.post(`/voice/consultations/${id}/statements/${sid}/moderate`, {
        decision: 'reject',
        reason: '',
      })
    ).statusCode,
    400,
    'a rejection needs a reason',
  );
  assert.equal(
    (
      await coordinator.post(`/voice/consultations/${id}/statements/${sid}/moderate`, {
        decision: 'reject',
        reason: 'Already covered by statement 6',
      })
    ).statusCode,
    303,
  );
  assert.match((await author.get(`/voice/consultations/${id}`)).body, /not used: Already covered by statement 6/);
  assert.equal(
    (await leadB.post(`/voice/consultations/${id}/statements/${sid}/moderate`, { decision: 'accept' })).statusCode,
    404,
    'only the people running it moderate',
  );
});

test('results: hidden while open (after close), counts only below the thresholds, groups after closing; closing is automatic', async () => {
  const id = await open(coordinator, '/network/voice/consultations/new', { statementsPerPerson: '0' });
  const ids = (
    await t.database.db
      .selectFrom('voice_statements')
      .select('id')
      .where('consultation_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const planted = plantedConsultation({ groups: 2, size: 3, statementCount: ids.length, missing: 0, seed: 3 });
  const vote = async (p: typeof planted) => {
    for (const v of p.votes)
      await castVote(
        deps,
        { kind: 'anonymous' },
        id,
        { token: `${v.participant}-token-xxxxxxxxxxxx` },
        {
          statementId: ids[Number(v.statement.slice(1))]!,
          choice: v.value === 1 ? 'agree' : v.value === -1 ? 'disagree' : 'pass',
          address: v.participant,
        },
      );
  };
  await vote(planted);
  assert.ok(
    sent.some((j) => j.name === 'voice.analyse-consultation'),
    'a vote queues the analysis',
  );
  assert.equal((await anonymous.get(`/voice/consultations/${id}/results`)).statusCode, 404, 'not while open');
  await analyseConsultation(deps, id);
  const six = await coordinator.get(`/voice/consultations/${id}/results`);
  assert.equal(six.statusCode, 200);
  assert.match(six.body, /6 people cast 48 votes/);
  assert.doesNotMatch(six.body, /Where we agree/, 'only counts below 7 people');
  // 24 more people in two camps: 30 in all.
  await vote(plantedConsultation({ groups: 2, size: 12, statementCount: ids.length, missing: 0.1, seed: 8 }));
  await t.database.db
    .updateTable('voice_consultations')
    .set({ closes_at: new Date(Date.now() - 1000), opens_at: new Date(Date.now() - 86400000) })
    .where('id', '=', id)
    .execute();
  assert.ok((await closeDueConsultations(deps)).includes(id), 'closed by the job');
  await analyseConsultation(deps, id);
  const res = await anonymous.get(`/voice/consultations/${id}/results`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Where we agree/);
  assert.match(res.body, /Group A/);
  assert.match(res.body, /who (agree|disagree) most strongly that/);
  assert.match(res.body, /<svg[^>]*role="img"/);
  assert.doesNotMatch(res.body, /About [1-4] people/);
  const closed = await anonymous.post(`/voice/consultations/${id}/votes`, { statement: ids[0]!, choice: 'agree' });
  assert.equal(closed.statusCode, 409);
});

test('words: shared with a choice, checked before use, key phrases verbatim, a collection credits and never names the anonymous; withdrawal takes words out', async () => {
  await anonymous.get('/voice/words/share');
  const shared = await anonymous.post('/voice/words/share', {
    text: 'Peer support saved my life, honestly',
    quoteAs: 'anonymous',
    firstName: 'Zebedee',
  });
  assert.equal(shared.statusCode, 200);
  const withdraw = /\/voice\/words\/withdraw\/([A-Za-z0-9_-]+)/.exec(shared.body)![0];
  await anonymous.post('/voice/words/share', {
    text: 'peer support is what works for me',
    quoteAs: 'first_name',
    firstName: 'Kez',
  });
  assert.equal(
    (await anonymous.post('/voice/words/share', { text: 'x', quoteAs: 'first_name', firstName: '' })).statusCode,
    400,
  );
  await anonymous.post('/voice/words/share', { text: 'never quote this peer support line', quoteAs: 'none' });
  let desk = await coordinator.get('/network/voice/words');
  assert.doesNotMatch(desk.body.split('Key phrases')[1]!, /peer support/i, 'nothing before approval');
  for (const m of desk.body.matchAll(/\/network\/voice\/words\/([0-9a-f-]{36})\/moderate/g))
    await coordinator.post(`/network/voice/words/${m[1]}/moderate`, { decision: 'approve' });
  desk = await coordinator.get('/network/voice/words');
  assert.match(desk.body, /“(P|p)eer support”/);
  const started = await coordinator.post('/network/voice/collections', { title: 'What works' });
  const cid = String(started.headers.location).split('/').pop()!;
  const bad = await coordinator.post(`/network/voice/collections/${cid}`, {
    title: 'What works',
    lines: 'Peer support saved my life\nnever quote this',
  });
  assert.equal(bad.statusCode, 400, 'a line nobody agreed to be quoted with is refused');
  assert.equal(
    (
      await coordinator.post(`/network/voice/collections/${cid}`, {
        title: 'What works',
        lines: 'Peer support saved my life\n\nwhat works for me',
      })
    ).statusCode,
    303,
  );
  assert.equal((await anonymous.get(`/voice/collections/${cid}`)).statusCode, 404, 'a draft is not public');
  assert.equal((await anonymous.get(`/voice/collections/${cid}/words.pdf`)).statusCode, 404, 'nor its PDF');
  await coordinator.post(`/network/voice/collections/${cid}/publish`);
  let pub = await anonymous.get(`/voice/collections/${cid}`);
  assert.match(pub.body, /Phrases spoken by participants and presenters/);
  assert.match(pub.body, /Peer support saved my life/);
  assert.match(pub.body, /voice-stanza/);
  assert.doesNotMatch(pub.body, /Zebedee/);
  assert.match(pub.body, new RegExp(`href="/voice/collections/${cid}/words.pdf"`));
  const pdf = await anonymous.get(`/voice/collections/${cid}/words.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="what-works\.pdf"/);
  const read = await readPdf(pdf.rawPayload, { layout: true });
  if (read) {
    assert.match(read.info, /Tagged:\s+yes/);
    assert.match(read.info, /Title:\s+What works/);
    // the facilitator's spacing kept: the two stanzas apart, each line as written
    assert.match(read.text, /Peer support saved my life\s*\n\s*\n\s*what works for me/);
    assert.match(read.text, /Phrases spoken by participants and presenters/);
    assert.doesNotMatch(read.text, /Zebedee|Kez|In this pack/);
  }
  await anonymous.get(withdraw);
  assert.equal((await anonymous.post(withdraw)).statusCode, 200);
  pub = await anonymous.get(`/voice/collections/${cid}`);
  assert.doesNotMatch(pub.body, /Peer support saved my life/, 'withdrawn words leave the collection');
  const after = await readPdf((await anonymous.get(`/voice/collections/${cid}/words.pdf`)).rawPayload);
  if (after) assert.doesNotMatch(after.text, /Peer support saved my life/, 'and its PDF');
  assert.equal((await anonymous.get(withdraw)).statusCode, 404);
});

test('a paper: drafted with live figures equal to insight’s, versions kept, commented on and endorsed by member leads, DOCX parses back', async () => {
  await coordinator.get('/network/voice/submissions/new');
  const made = await coordinator.post('/network/voice/submissions/new', {
    title: 'Evidence to the drugs review',
    addressee: 'the national drugs review',
    whoWeAre: 'We are peer-led.',
    recommendations: 'Fund peer support\nPay peer workers',
  });
  assert.equal(made.statusCode, 303, made.body.slice(0, 500));
  const id = String(made.headers.location).split('/').pop()!;
  assert.equal((await anonymous.get(`/voice/submissions/${id}`)).statusCode, 404, 'a draft is not public');
  assert.equal(
    (await volunteerA.get(`/voice/submissions/${id}`)).statusCode,
    404,
    'drafts are for leads and coordinators',
  );
  const draft = await leadA.get(`/voice/submissions/${id}`);
  assert.equal(draft.statusCode, 200);
  const outside = await buildOutsideView(t.database.db);
  assert.match(
    draft.body,
    new RegExp(`People supported \\(with consent to network use\\): ${outside.totals.participants.display}`),
  );
  await leadA.post(`/voice/submissions/${id}/comments`, { body: 'Add housing, please' });
  await leadA.post(`/voice/submissions/${id}/endorse`);
  await leadA.post(`/voice/submissions/${id}/endorse`);
  await coordinator.get(`/network/voice/submissions/${id}/edit`);
  await coordinator.post(`/network/voice/submissions/${id}/edit`, {
    title: 'Evidence to the drugs review',
    addressee: 'the national drugs review',
    recommendations: 'Fund peer support\nPay peer workers\nHousing first',
  });
  const v2 = await coordinator.get(`/voice/submissions/${id}`);
  assert.match(v2.body, /version 2 of 2/);
  assert.match(v2.body, /Add housing, please/);
  assert.match(v2.body, /Endorsed by 1 member organisation: Alpha Recovery/);
  assert.doesNotMatch(
    (await coordinator.get(`/voice/submissions/${id}?version=1`)).body,
    /Housing first/,
    'version 1 kept as it was',
  );
  await coordinator.post(`/network/voice/submissions/${id}/publish`);
  assert.equal((await anonymous.get(`/voice/submissions/${id}`)).statusCode, 200);
  assert.match((await anonymous.get('/voice')).body, /Evidence to the drugs review/);
  const docx = await anonymous.get(`/voice/submissions/${id}/paper.docx`);
  assert.equal(docx.statusCode, 200);
  const zip = await JSZip.loadAsync(docx.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  assert.match(xml, /Evidence to the drugs review/);
  assert.match(xml, /w:pStyle w:val="Heading1"/);
  assert.match(xml, /How the figures were worked out/);
  assert.match(xml, /Polis: Scaling deliberation/);
  assert.match(xml, /Housing first/);
  // the same paper as a tagged PDF, read back as a screen reader's text would be
  const pdf = await anonymous.get(`/voice/submissions/${id}/paper.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const text = await readPdf(pdf.rawPayload);
  if (text !== undefined) {
    assert.match(text.info, /Tagged:\s+yes/);
    for (const words of [
      'Evidence to the drugs review',
      'In this paper',
      'How the figures were worked out',
      'Housing first',
    ])
      assert.ok(text.text.replace(/\s+/g, ' ').includes(words), `the PDF says "${words}"`);
  }
  const page = await anonymous.get(`/voice/submissions/${id}`);
  assert.match(page.body, /href="\/voice\/submissions\/[^"]+\/paper\.pdf">Download as a PDF/);
});
