// A participant's own progress through HTTP: their page shows each measure's change in words and a
// line over time, and links to a one-page report; both are for their organisation's staff only,
// never cached, and say plainly when there is nothing yet. Through a self-completion link the
// participant sees theirs once, if they ask, and never again from the spent link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { BARC10 } from '../domain/shipped-instruments.ts';
import { insertAssessments } from '../evidence.write-path.ts';
import { buildParticipant } from '../test/evidence-helpers.ts';
import { OWN_PROGRESS_WINDOW_MS, showOwnProgress } from '../assessments/own-progress.service.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
let sam: string;
let newcomer: string;

/** BARC-10 answers that add up to the total (ten items, each 1 to 6). */
const answersFor = (total: number) => {
  const each = Math.floor(total / 10);
  let rest = total - each * 10;
  return Object.fromEntries(BARC10.items.map((item) => [item.key, each + (rest-- > 0 ? 1 : 0)]));
};

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Progress Recovery' });
  const person = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  worker = new Client(t.app);
  await worker.signInAs(t.database.db, person.id);
  sam = await buildParticipant(t.database.db, org.id, 'PR-001', { firstName: 'Sam' });
  newcomer = await buildParticipant(t.database.db, org.id, 'PR-002');
  // recorded out of order: the page sorts by date
  for (const [date, total] of [
    ['2026-05-05', 38],
    ['2026-02-03', 29],
    ['2026-03-10', 33],
  ] as const)
    await insertAssessments(t.database.db, org.id, [
      {
        participantId: sam,
        participantCode: 'PR-001',
        definition: BARC10,
        assessedOn: date,
        timePoint: '',
        responses: answersFor(total),
        source: 'staff',
        recordedBy: null,
      },
    ]);
});
after(() => t.close());

const page = (id: string) => `/orgs/${org.slug}/participants/${id}`;

test('their page shows the change in words, a line over time with every score, and the report link', async () => {
  const res = await worker.get(page(sam));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /How their scores have changed/);
  assert.match(
    res.body,
    /38 on 5 May 2026\. Up 9 points out of 50 since the first, 29 on 3 February 2026\. Higher is better\./,
  );
  const svg = /<svg[^>]*role="img"[\s\S]*?<\/svg>/.exec(res.body.slice(res.body.indexOf('id="progress"')))?.[0] ?? '';
  assert.match(svg, /<title[^>]*>Recovery capital[^<]*\(BARC-10\) over time<\/title>/);
  assert.equal((svg.match(/<circle/g) ?? []).length, 3, 'a point per questionnaire');
  const labels = [...svg.matchAll(/font-weight="bold"[^>]*>(\d+)</g)].map((m) => m[1]);
  assert.deepEqual(labels, ['29', '33', '38'], 'oldest first');
  assert.match(res.body, new RegExp(`href="${page(sam)}/progress"`));
});

test('the one-page report names them, shows each measure, and is never cached', async () => {
  const res = await worker.get(`${page(sam)}/progress`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /How Sam’s answers have changed/);
  assert.match(res.body, /Up 9 points out of 50 since the first/);
  assert.match(res.body, /Progress Recovery, \d{1,2} [A-Z][a-z]+ \d{4}/, 'who made it and when, in words');
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('someone with no questionnaires yet: no progress section on their page, and the report says so', async () => {
  const res = await worker.get(page(newcomer));
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /How their scores have changed/);
  const report = await worker.get(`${page(newcomer)}/progress`);
  assert.match(report.body, /No questionnaires yet, so there is nothing to show/);
});

test("another organisation's staff and anonymous visitors get nothing; a made-up id is not found", async () => {
  const other = await buildOrg(t.database.db, { name: 'Elsewhere Recovery' });
  const outsider = await buildPerson(t.database.db, { memberships: [{ orgId: other.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signInAs(t.database.db, outsider.id);
  assert.equal((await c.get(`${page(sam)}/progress`)).statusCode, 404);
  assert.equal((await c.get(`/orgs/${other.slug}/participants/${sam}/progress`)).statusCode, 404);
  const anonymous = await new Client(t.app).get(`${page(sam)}/progress`);
  assert.notEqual(anonymous.statusCode, 200);
  assert.doesNotMatch(anonymous.body, /Sam/);
  assert.equal((await worker.get(`${page('00000000-0000-4000-8000-000000000000')}/progress`)).statusCode, 404);
  assert.equal((await worker.get(`${page('not-an-id')}/progress`)).statusCode, 404);
});

async function makeLink(participantId: string) {
  await worker.get(page(participantId));
  const made = await worker.post(`${page(participantId)}/links`, { instrument: 'barc10' });
  assert.equal(made.statusCode, 200, made.body.slice(0, 1000));
  return /http:\/\/localhost:3000(\/complete\/[A-Za-z0-9_-]+)/.exec(made.body)![1]!;
}
const barcAnswers = (total: number) =>
  Object.fromEntries(Object.entries(answersFor(total)).map(([k, v]) => [k, String(v)]));

test('a participant who asks sees how their answers compare, once, in the answer to their form', async () => {
  const path = await makeLink(sam);
  const participant = new Client(t.app);
  const form = await participant.get(path);
  assert.match(form.body, /Show me how my answers compare with my earlier ones/);
  const done = await participant.post(path, { ...barcAnswers(44), show_progress: 'yes' });
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /How your answers compare/);
  assert.match(
    done.body,
    /44 on \d{1,2} [A-Z][a-z]+ \d{4}\. Up 15 points out of 50 since the first, 29 on 3 February 2026/,
  );
  assert.doesNotMatch(done.body, /\bSam\b|PR-001/, 'no name or code on a page reached by a link');
  // sending again, or coming back to the link, shows nothing about them
  const again = await participant.post(path, { ...barcAnswers(44), show_progress: 'yes' });
  assert.equal(again.statusCode, 410);
  assert.doesNotMatch(again.body, /How your answers compare|out of 50/);
  assert.doesNotMatch((await participant.get(path)).body, /How your answers compare|out of 50/);
  const shown = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', sam)
    .where('action', '=', 'self_completion.progress_shown')
    .execute();
  assert.equal(shown.length, 1, 'audited');
});

test('without asking, the thank-you page shows no scores; a spent link shows none minutes later', async () => {
  const path = await makeLink(sam);
  const done = await new Client(t.app).post(path, barcAnswers(40));
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /Thank you/);
  assert.doesNotMatch(done.body, /How your answers compare|out of 50/);
  const token = path.split('/').pop()!;
  const later = new Date(Date.now() + OWN_PROGRESS_WINDOW_MS + 1000);
  assert.deepEqual(await showOwnProgress(t.database.db, token, later), []);
  assert.notDeepEqual(await showOwnProgress(t.database.db, token), [], 'within the window it would');
  assert.deepEqual(await showOwnProgress(t.database.db, 'x'.repeat(43)), [], 'an unknown link shows nothing');
});
