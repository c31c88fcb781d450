// The whole standards cycle over HTTP on the demo network, with the attacks that matter:
// other organisations, reviewers not assigned, conflicts, overrides, bad input, replays.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appModules } from '../../app.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import type { Deps } from '../../platform/deps.ts';
import { seedDemo } from '../demo/index.ts';
import { assertValidOruk } from '../directory/index.ts';
import { discloseCount } from '../insight/index.ts';
import { RECOGNISED_TERM, remindRenewals } from './index.ts';

let t: TestApp;
const ids = new Map<string, string>();
const orgIds = new Map<string, string>();

before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
  for (const p of await t.database.db.selectFrom('people').select(['id', 'email']).execute()) ids.set(p.email, p.id);
  for (const o of await t.database.db.selectFrom('organisations').select(['id', 'slug']).execute())
    orgIds.set(o.slug, o.id);
});
after(() => t.close());

const LEEDS = 'leeds-recovery-cafe';
const KEYS = ['C1', 'C2', 'H1', 'H2', 'I1', 'I2', 'M1', 'M2', 'E1', 'E2'];

async function as(email: string): Promise<Client> {
  const c = new Client(t.app);
  await c.signInAs(t.database.db, ids.get(email)!);
  return c;
}

const db = () => t.database.db;
const leedsAssessment = async () =>
  await db()
    .selectFrom('standards_assessments')
    .select(['id', 'status', 'live_figures'])
    .where('org_id', '=', orgIds.get(LEEDS)!)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----rcTestBoundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(parts.join('') + head), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

test('the public page shows the draft framework, marked as a draft, and the recognised organisation', async () => {
  const res = await new Client(t.app).get('/standards');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /A draft the network is shaping/);
  assert.match(res.body, /People find belonging and peer support here/);
  assert.match(res.body, /Sheffield/); // recognised in the demo
});

test('a lead saves a draft, cannot send it without every level, then sends it with live figures frozen', async () => {
  const lead = await as('lead@demo.example');
  const list = await lead.get(`/orgs/${LEEDS}/standards`);
  assert.equal(list.statusCode, 200);
  const { id } = await leedsAssessment();
  const page = await lead.get(`/orgs/${LEEDS}/standards/assessments/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Which level fits you best today/);

  const some = { level_C1: 'developing', narrative_C1: 'Weekly café and a welcome pack.' };
  const incomplete = await lead.post(`/orgs/${LEEDS}/standards/assessments/${id}`, { ...some, action: 'submit' });
  assert.equal(incomplete.statusCode, 400);
  assert.match(incomplete.body, /Choose a level for standard C2/);
  assert.match(incomplete.body, /Weekly café and a welcome pack/, 'what was typed is kept');
  assert.equal((await leedsAssessment()).status, 'draft', 'nothing sent');

  const bad = await lead.post(`/orgs/${LEEDS}/standards/assessments/${id}`, { level_C1: 'superb', action: 'save' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choose one of the four levels for C1/);

  // Events Leeds hosted: one held last week (two of three places marked present), one called off.
  const leedsId = orgIds.get(LEEDS)!;
  const day = 86_400_000;
  const before = (
    await db()
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', leedsId)
      .where('status', '=', 'published')
      .where('ends_at', '<=', new Date())
      .where('ends_at', '>=', new Date(Date.now() - 360 * day))
      .executeTakeFirstOrThrow()
  ).n;
  const [held, off] = await db()
    .insertInto('events')
    .values([
      {
        org_id: leedsId,
        title: 'Recovery walk',
        kind: 'in_person',
        starts_at: new Date(Date.now() - 7 * day),
        ends_at: new Date(Date.now() - 7 * day + 7_200_000),
        capacity_in_person: 10,
      },
      {
        org_id: leedsId,
        title: 'Called off',
        kind: 'in_person',
        starts_at: new Date(Date.now() - 6 * day),
        ends_at: new Date(Date.now() - 6 * day + 7_200_000),
        capacity_in_person: 10,
        status: 'cancelled',
      },
    ])
    .returning('id')
    .execute();
  const attendedBefore = (
    await db()
      .selectFrom('event_registrations as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('r.places'), eb.lit(0)).as('n'))
      .where('e.org_id', '=', leedsId)
      .where('e.status', '=', 'published')
      .where('r.attended_at', 'is not', null)
      .where('e.ends_at', '<=', new Date())
      .where('e.ends_at', '>=', new Date(Date.now() - 360 * day))
      .executeTakeFirstOrThrow()
  ).n;
  await db()
    .insertInto('event_registrations')
    .values([
      {
        event_id: held!.id,
        org_id: leedsId,
        name: 'A',
        places: 2,
        mode: 'in_person',
        status: 'confirmed',
        token_hash: 'standards-test-a',
        attended_at: new Date(Date.now() - 7 * day),
      },
      {
        event_id: held!.id,
        org_id: leedsId,
        name: 'B',
        places: 1,
        mode: 'in_person',
        status: 'confirmed',
        token_hash: 'standards-test-b',
      },
      {
        event_id: off!.id,
        org_id: leedsId,
        name: 'C',
        places: 1,
        mode: 'in_person',
        status: 'confirmed',
        token_hash: 'standards-test-c',
        attended_at: new Date(Date.now() - 6 * day),
      },
    ])
    .execute();

  const all = Object.fromEntries(KEYS.map((k) => [`level_${k}`, 'established']));
  const sent = await lead.post(`/orgs/${LEEDS}/standards/assessments/${id}`, { ...all, action: 'submit' });
  assert.equal(sent.statusCode, 303);
  const after = await leedsAssessment();
  assert.equal(after.status, 'submitted');
  const figures = after.live_figures as { questionnaires: number; eventsHeld: number; eventAttendances: number };
  assert.ok(figures.questionnaires > 0, 'the demo questionnaires are counted and frozen');
  assert.equal(figures.eventsHeld, Number(before) + 1, 'the walk counts; the called-off event does not');
  assert.equal(
    figures.eventAttendances,
    Number(attendedBefore) + 2,
    'people marked present count, only at events held',
  );
  // Its own lead sees the counts exactly; the coordinators (outside it) see counts about people as every outside view does.
  const own = await lead.get(`/orgs/${LEEDS}/standards/assessments/${id}`);
  assert.match(
    own.body,
    new RegExp(`Questionnaires collected</dt>\\s*<dd[^>]*>${figures.questionnaires.toLocaleString('en-GB')}<`),
  );
  const panel = await (await as('coordinator@demo.example')).get(`/network/standards/assessments/${id}`);
  assert.match(
    panel.body,
    new RegExp(`Questionnaires collected</dt>\\s*<dd[^>]*>${discloseCount(figures.questionnaires).display}<`),
  );
  assert.match(
    panel.body,
    new RegExp(`People at their events</dt>\\s*<dd[^>]*>${discloseCount(figures.eventAttendances).display}<`),
  );
  assert.match(panel.body, /Counts about people are rounded to the nearest 5/);

  const again = await lead.post(`/orgs/${LEEDS}/standards/assessments/${id}`, { ...all, action: 'submit' });
  assert.equal(again.statusCode, 409, 'a replayed submit changes nothing');
});

test('another organisation cannot see the self-assessment; a volunteer cannot either', async () => {
  const { id } = await leedsAssessment();
  const other = await as('lead.manchester@demo.example');
  assert.equal((await other.get(`/orgs/${LEEDS}/standards/assessments/${id}`)).statusCode, 404);
  const mine = await other.get(`/orgs/manchester-peer-network/standards/assessments/${id}`);
  assert.equal(mine.statusCode, 404, 'an id from another organisation is not found under your own');
  const volunteer = await as('volunteer@demo.example');
  assert.equal((await volunteer.get(`/orgs/${LEEDS}/standards`)).statusCode, 404);
});

test('evidence files: wrong type and too large are refused; nothing is written', async () => {
  // A draft is needed: start Manchester's.
  const lead = await as('lead.manchester@demo.example');
  const start = await lead.post('/orgs/manchester-peer-network/standards/assessments');
  assert.equal(start.statusCode, 303);
  const base = start.headers.location as string;
  await lead.get(base);
  const csrf = (lead as unknown as { csrf: string }).csrf;
  const upload = (name: string, bytes: Buffer) =>
    lead.request({
      method: 'POST',
      url: `${base}/files?_csrf=${encodeURIComponent(csrf)}`,
      ...multipart({ standard: 'C1' }, { name, bytes }),
    });
  const fake = await upload('plan.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
  assert.equal(fake.statusCode, 400);
  assert.match(fake.body, /must be a PDF, a Word document/);
  const huge = await upload('big.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024)]));
  assert.equal(huge.statusCode, 413);
  assert.match(huge.body, /5 MB or smaller/);
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('standards_evidence_files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.equal(await count(), 0);
  const ok = await upload('plan.pdf', Buffer.from('%PDF-1.7\nA real enough PDF'));
  assert.equal(ok.statusCode, 303);
  assert.equal(await count(), 1);
  const file = await db().selectFrom('standards_evidence_files').select('id').executeTakeFirstOrThrow();
  const download = await lead.get(`${base}/files/${file.id}`);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /^attachment;/);
  const stranger = await as('lead@demo.example');
  assert.equal(
    (await stranger.get(`${base.replace('manchester-peer-network', LEEDS)}/files/${file.id}`)).statusCode,
    404,
  );
});

test('assigning reviewers enforces every conflict; a shared-area override needs a reason the audit log keeps', async () => {
  const { id } = await leedsAssessment();
  const coordinator = await as('coordinator@demo.example');
  const assign = (reviewer: string, override_reason = '') =>
    coordinator.post(`/network/standards/assessments/${id}/reviewers`, {
      reviewer: ids.get(reviewer)!,
      override_reason,
    });

  // Pat is a volunteer at Leeds as well as a peer researcher at Bristol.
  const own = await assign('researcher@demo.example', 'A long reason that should not matter');
  assert.equal(own.statusCode, 400);
  assert.match(own.body, /belong to the organisation being reviewed/);

  // Kim declares a relationship with Leeds, then can't be assigned.
  const kim = await as('researcher.two@demo.example');
  assert.equal(
    (await kim.post('/reviews/interests', { org: orgIds.get(LEEDS)!, reason: 'My sister runs it' })).statusCode,
    303,
  );
  const declared = await assign('researcher.two@demo.example');
  assert.equal(declared.statusCode, 400);
  assert.match(declared.body, /declared a relationship/);
  await db().deleteFrom('standards_declared_interests').execute();

  // Kim's organisation mentored Leeds two years ago (the learning module's record); four years ago would not count.
  const kimOrg = (
    await db()
      .selectFrom('memberships')
      .select('org_id')
      .where('person_id', '=', ids.get('researcher.two@demo.example')!)
      .executeTakeFirstOrThrow()
  ).org_id;
  await db().deleteFrom('learning_mentor_requests').where('org_id', '=', orgIds.get(LEEDS)!).execute();
  const match = await db()
    .insertInto('learning_mentor_requests')
    .values({
      org_id: orgIds.get(LEEDS)!,
      mentor_org_id: kimOrg,
      status: 'ended',
      created_at: new Date(Date.now() - 2 * 365 * 86_400_000),
      decided_at: new Date(Date.now() - 2 * 365 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mentored = await assign('researcher.two@demo.example');
  assert.equal(mentored.statusCode, 400);
  assert.match(mentored.body, /was a mentor of this organisation in the last three years/);
  const longAgo = new Date(Date.now() - 4 * 365 * 86_400_000);
  await db()
    .updateTable('learning_mentor_requests')
    .set({ created_at: longAgo, decided_at: longAgo })
    .where('id', '=', match.id)
    .execute();
  assert.doesNotMatch(
    (await coordinator.get(`/network/standards/assessments/${id}`)).body,
    /was a mentor of this organisation/,
  );
  await db().deleteFrom('learning_mentor_requests').where('id', '=', match.id).execute();

  // Kim's organisation was in a consortium bid led by Leeds last year (the funding module's record);
  // only invited, it would not count; four years ago would not count.
  const bid = await db()
    .insertInto('funding_bids')
    .values({
      org_id: orgIds.get(LEEDS)!,
      title: 'Peer mentors across the county',
      total_pence: 5_000_000,
      created_at: new Date(Date.now() - 365 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('funding_bid_partners')
    .values([
      { bid_id: bid.id, org_id: orgIds.get(LEEDS)!, status: 'lead' },
      { bid_id: bid.id, org_id: kimOrg, status: 'invited' },
    ])
    .execute();
  assert.doesNotMatch(
    (await coordinator.get(`/network/standards/assessments/${id}`)).body,
    /was in a consortium bid with this organisation/,
  );
  await db()
    .updateTable('funding_bid_partners')
    .set({ status: 'accepted' })
    .where('bid_id', '=', bid.id)
    .where('org_id', '=', kimOrg)
    .execute();
  const consortium = await assign('researcher.two@demo.example');
  assert.equal(consortium.statusCode, 400);
  assert.match(consortium.body, /was in a consortium bid with this organisation in the last three years/);
  await db().updateTable('funding_bids').set({ created_at: longAgo }).where('id', '=', bid.id).execute();
  assert.doesNotMatch(
    (await coordinator.get(`/network/standards/assessments/${id}`)).body,
    /was in a consortium bid with this organisation/,
  );
  await db().deleteFrom('funding_bids').where('id', '=', bid.id).execute();

  // Training that ran out.
  await db()
    .updateTable('standards_training')
    .set({ expires_on: '2020-01-01', completed_on: '2019-01-01' })
    .where('person_id', '=', ids.get('researcher.two@demo.example')!)
    .execute();
  const untrained = await assign('researcher.two@demo.example');
  assert.equal(untrained.statusCode, 400);
  assert.match(untrained.body, /training ran out/);
  await db()
    .updateTable('standards_training')
    .set({ expires_on: '2099-01-01' })
    .where('person_id', '=', ids.get('researcher.two@demo.example')!)
    .execute();

  // Same local authority: Ash's organisation works in Leeds too.
  const ashOrg = (
    await db()
      .selectFrom('memberships')
      .select('org_id')
      .where('person_id', '=', ids.get('researcher.three@demo.example')!)
      .executeTakeFirstOrThrow()
  ).org_id;
  await db()
    .insertInto('org_areas')
    .values([
      { org_id: ashOrg, lad_code: 'E08000035' },
      { org_id: orgIds.get(LEEDS)!, lad_code: 'E08000035' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const area = await assign('researcher.three@demo.example');
  assert.equal(area.statusCode, 400);
  assert.match(area.body, /same area/);
  assert.equal((await assign('researcher.three@demo.example', 'short')).statusCode, 400);
  const overridden = await assign('researcher.three@demo.example', 'The only reviewer with housing experience');
  assert.equal(overridden.statusCode, 303);
  const audit = await db()
    .selectFrom('audit_log')
    .select(['action', 'detail'])
    .where('action', '=', 'standards.reviewer.assigned_with_override')
    .executeTakeFirstOrThrow();
  assert.equal(
    (audit.detail as { override_reason: string }).override_reason,
    'The only reviewer with housing experience',
  );

  assert.equal((await assign('researcher.two@demo.example')).statusCode, 303);
  assert.equal((await assign('researcher.two@demo.example')).statusCode, 409, 'not twice');
  const someone = await as('lead.manchester@demo.example');
  assert.equal(
    (
      await someone.post(`/network/standards/assessments/${id}/reviewers`, {
        reviewer: ids.get('researcher.two@demo.example')!,
      })
    ).statusCode,
    403,
  );
});

test('a reviewer sees only what they are assigned; reviews need every level and a visit', async () => {
  const reviews = await db()
    .selectFrom('standards_reviews as r')
    .innerJoin('people as p', 'p.id', 'r.reviewer_id')
    .select(['r.id', 'p.email', 'r.org_id'])
    .where('r.org_id', '=', orgIds.get(LEEDS)!)
    .execute();
  const kimReview = reviews.find((r) => r.email === 'researcher.two@demo.example')!;
  const ashReview = reviews.find((r) => r.email === 'researcher.three@demo.example')!;
  const kim = await as('researcher.two@demo.example');
  assert.equal((await kim.get(`/reviews/${kimReview.id}`)).statusCode, 200);
  assert.equal((await kim.get(`/reviews/${ashReview.id}`)).statusCode, 404);
  const lead = await as('lead@demo.example');
  assert.equal((await lead.get(`/reviews/${kimReview.id}`)).statusCode, 404);
  assert.equal((await kim.get('/reviews/not-a-uuid')).statusCode, 404);

  const incomplete = await kim.post(`/reviews/${kimReview.id}`, { level_C1: 'developing', action: 'submit' });
  assert.equal(incomplete.statusCode, 400);
  assert.match(incomplete.body, /Recommend a level for standard C2/);
  assert.match(incomplete.body, /Enter the date of the visit/);

  const all = Object.fromEntries(KEYS.map((k) => [`level_${k}`, 'developing']));
  const full = {
    ...all,
    visit_date: '2026-11-20',
    visit_who: 'The lead',
    visit_seen: 'A Tuesday café',
    action: 'submit',
  };
  assert.equal((await kim.post(`/reviews/${kimReview.id}`, full)).statusCode, 303);
  assert.equal((await kim.post(`/reviews/${kimReview.id}`, full)).statusCode, 409, 'a sent review is final');
  const ash = await as('researcher.three@demo.example');
  assert.equal((await ash.post(`/reviews/${kimReview.id}`, full)).statusCode, 404, 'not theirs');
});

test('the panel decides only after two reviews; recognition shows publicly with its renewal date', async () => {
  const { id } = await leedsAssessment();
  const coordinator = await as('coordinator@demo.example');
  const decide = () =>
    coordinator.post(`/network/standards/assessments/${id}/decision`, {
      outcome: 'recognised',
      feedback: 'Warm, safe and led by lived experience.',
    });
  const early = await decide();
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /at least 2 finished peer reviews/);

  const ashReview = await db()
    .selectFrom('standards_reviews as r')
    .innerJoin('people as p', 'p.id', 'r.reviewer_id')
    .select('r.id')
    .where('p.email', '=', 'researcher.three@demo.example')
    .where('r.org_id', '=', orgIds.get(LEEDS)!)
    .executeTakeFirstOrThrow();
  const ash = await as('researcher.three@demo.example');
  const all = Object.fromEntries(KEYS.map((k) => [`level_${k}`, 'established']));
  assert.equal(
    (await ash.post(`/reviews/${ashReview.id}`, { ...all, visit_date: '2026-11-21', action: 'submit' })).statusCode,
    303,
  );

  const working = await coordinator.post(`/network/standards/assessments/${id}/decision`, {
    outcome: 'working_towards',
    feedback: 'Nearly.',
  });
  assert.equal(working.statusCode, 400);
  assert.match(working.body, /action plan/);

  const [a, b] = await Promise.all([decide(), decide()]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409], 'two decisions at once: one wins');
  const publicPage = await new Client(t.app).get('/standards');
  assert.match(publicPage.body, /Leeds Recovery Café/);
  const mail = (await t.mailer.outbox()).find((m) => m.to === 'lead@demo.example' && /decision/.test(m.subject));
  assert.ok(mail, 'the lead is told');

  const profile = await new Client(t.app).get(`/organisations/${LEEDS}`);
  assert.match(profile.body, /Recognised against the network’s quality standards/);
  assert.match(profile.body, /Next review due by \d{1,2} [A-Z][a-z]+ 20\d\d/);
  const feed = await new Client(t.app).get(`/oruk/organizations/${orgIds.get(LEEDS)}`);
  const org = JSON.parse(feed.body) as {
    attributes?: { taxonomy_term_id: string; link_id: string; taxonomy_term: { description: string } }[];
  };
  assertValidOruk('organization', org);
  assert.equal(org.attributes?.length, 1, 'recognition is an attribute of the organisation');
  assert.equal(org.attributes[0]!.taxonomy_term_id, RECOGNISED_TERM.id);
  assert.equal(org.attributes[0]!.link_id, orgIds.get(LEEDS));
  assert.match(org.attributes[0]!.taxonomy_term.description, /renewal due 20\d\d-\d\d-\d\d/);

  // An organisation that was never recognised carries no mark anywhere.
  const recognisedIds = new Set(
    (await db().selectFrom('standards_decisions').select('org_id').where('outcome', '=', 'recognised').execute()).map(
      (r) => r.org_id,
    ),
  );
  const other = [...orgIds.entries()].find(([, orgId]) => !recognisedIds.has(orgId))!;
  const otherProfile = await new Client(t.app).get(`/organisations/${other[0]}`);
  if (otherProfile.statusCode === 200) assert.doesNotMatch(otherProfile.body, /Recognised against/);
  const otherFeed = JSON.parse((await new Client(t.app).get(`/oruk/organizations/${other[1]}`)).body) as {
    attributes?: unknown[];
  };
  assert.equal(otherFeed.attributes, undefined);

  const lead = await as('lead@demo.example');
  const mine = await lead.get(`/orgs/${LEEDS}/standards/assessments/${id}`);
  assert.match(mine.body, /Recognised/);
  assert.equal(
    (await lead.post(`/orgs/${LEEDS}/standards/assessments/${id}/response`, { response: 'Thank you all.' })).statusCode,
    303,
  );
});

test('an assessment made under version 1 reads the same after version 2 is published', async () => {
  const { id } = await leedsAssessment();
  const lead = await as('lead@demo.example');
  const before = (await lead.get(`/orgs/${LEEDS}/standards/assessments/${id}`)).body;
  const coordinator = await as('coordinator@demo.example');
  const draft = await coordinator.post('/network/standards/frameworks');
  assert.equal(draft.statusCode, 303);
  const frameworkUrl = draft.headers.location as string;
  const edit = await coordinator.get(`${frameworkUrl}/standards/C1`);
  assert.equal(edit.statusCode, 200);
  const form = {
    title: 'Belonging, rewritten in version 2',
    intent: 'Changed.',
    indicators: 'One\nTwo',
    emerging: 'a',
    developing: 'b',
    established: 'c',
    leading: 'd',
    evidence_examples: '',
  };
  assert.equal((await coordinator.post(`${frameworkUrl}/standards/C1`, { ...form, title: '' })).statusCode, 400);
  assert.equal((await coordinator.post(`${frameworkUrl}/standards/C1`, form)).statusCode, 303);
  assert.equal((await coordinator.post(`${frameworkUrl}/publish`)).statusCode, 303);
  assert.equal(
    (await coordinator.post(`${frameworkUrl}/standards/C1`, form)).statusCode,
    404,
    'a published version never changes',
  );
  const afterBody = (await lead.get(`/orgs/${LEEDS}/standards/assessments/${id}`)).body;
  const strip = (s: string) => s.replace(/<input type="hidden" name="_csrf"[^>]*>/g, '');
  assert.equal(strip(afterBody), strip(before));
  assert.doesNotMatch(afterBody, /rewritten in version 2/);
  assert.match((await new Client(t.app).get('/standards')).body, /rewritten in version 2/);
});

test('the renewal reminder goes once to the leads of an organisation due for renewal', async () => {
  const deps = { db: t.database.db, config: t.config, mailer: t.mailer } as Deps;
  const first = await remindRenewals(deps);
  assert.equal(first, 1, 'Sheffield, recognised nearly three years ago');
  assert.equal(await remindRenewals(deps), 0);
  const mail = (await t.mailer.outbox()).find((m) => /due for renewal/.test(m.subject));
  assert.ok(mail);
});

test('a self-assessment form sent as multipart (no form body at all) is answered, not a 500', async () => {
  const lead = await as('lead@demo.example');
  const { id } = await leedsAssessment();
  const url = `/orgs/${LEEDS}/standards/assessments/${id}`;
  await lead.get(url);
  const csrf = (lead as unknown as { csrf: string }).csrf;
  const res = await lead.request({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(csrf)}`,
    ...multipart({ action: 'submit' }, { name: 'a.pdf', bytes: Buffer.from('%PDF-1.7') }),
  });
  assert.ok(res.statusCode < 500, `answered ${res.statusCode}`);
  assert.doesNotMatch(res.body, /something went wrong on our side/);
});
