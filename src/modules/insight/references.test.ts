// Reliable change for BARC-10, whose sources publish a reliability but no baseline SD: the
// network's own consented first scores give the spread once 100 people have one, through the
// weekly job; the organisation's figures follow, and the Methods page says what was used.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../test/support/factories.ts';
import { BARC10, insertAssessments, insertParticipants } from '../evidence/index.ts';
import { ESTIMATE_REFERENCES_JOB } from './references.job.ts';

let t: TestApp;
before(async () => (t = await startTestApp()));
after(() => t.close());

let seq = 0;
const answersOf = (items: number[]) => Object.fromEntries(items.map((v, i) => [`barc10_${i + 1}`, v]));

/** People with a first and a later BARC-10; returns their first and later totals. */
async function addBarcPeople(orgId: string, n: number, network: boolean) {
  const people = Array.from({ length: n }, (_, i) => {
    const first = Array.from({ length: 10 }, (_, j) => 1 + ((i + (j % 3)) % 5));
    const gain = i % 4 === 0 ? 2 : i % 4 === 1 ? -1 : 0;
    const later = first.map((v) => Math.max(1, Math.min(6, v + gain)));
    return { code: `B${++seq}`, first, later };
  });
  await t.database.db.transaction().execute(async (tx) => {
    const consent = (kind: 'record' | 'network', given: boolean) => ({
      kind,
      given,
      decidedOn: '2025-01-01',
      wordingVersion: 't',
    });
    const ids = await insertParticipants(
      tx,
      orgId,
      people.map((p) => ({
        code: p.code,
        firstName: '',
        ageBand: '',
        gender: '',
        ethnicity: '',
        mainSubstances: [],
        localAuthority: '',
        consents: [consent('record', true), consent('network', network)],
      })),
      null,
    );
    const row = (p: (typeof people)[number], on: string, items: number[]) => ({
      participantId: ids.get(p.code)!,
      participantCode: p.code,
      definition: BARC10,
      assessedOn: on,
      timePoint: '',
      responses: answersOf(items),
      source: 'import' as const,
      recordedBy: null,
    });
    await insertAssessments(
      tx,
      orgId,
      people.flatMap((p) => [row(p, '2025-02-01', p.first), row(p, '2025-08-01', p.later)]),
    );
  });
  const total = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
  return people.map((p) => ({ first: total(p.first), later: total(p.later) }));
}

const sd = (xs: number[]) => {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
};

async function runEstimate() {
  await t.app.jobs.send(ESTIMATE_REFERENCES_JOB, {});
  assert.equal(await t.app.jobs.runWaiting(ESTIMATE_REFERENCES_JOB), 1);
}

/** The BARC-10 row of the organisation's own outcomes table. */
const barcRow = (html: string) => {
  const at = html.indexOf('BARC-10: Recovery capital');
  assert.ok(at >= 0, 'the BARC-10 row is on the page');
  return html.slice(at, html.indexOf('</tr>', at));
};

test('below 100 consenting people nothing is estimated; from 100, BARC-10 gets reliable change from their spread', async () => {
  const a = await buildOrg(t.database.db, { name: 'Spread One' });
  const b = await buildOrg(t.database.db, { name: 'Spread Two' });
  const lead = await buildPerson(t.database.db, { memberships: [{ orgId: a.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signInAs(t.database.db, lead.id);

  const ownA = await addBarcPeople(a.id, 60, true);
  const ownB = await addBarcPeople(b.id, 39, true);
  await addBarcPeople(b.id, 30, false); // no network consent: never part of the network's figure
  await runEstimate();
  assert.match(barcRow((await c.get(`/orgs/${a.slug}/insight`)).body), /not available/);
  const before = (await c.get('/methods')).body;
  assert.match(
    before,
    /Recovery capital[^<]*:<\/strong> Not available yet: it needs the first scores of at least 100 people/,
  );

  // the 100th consenting person
  const last = await addBarcPeople(b.id, 1, true);
  await runEstimate();
  const everyone = [...ownA, ...ownB, ...last];
  const baselineSd = sd(everyone.map((p) => p.first));
  const threshold = 1.96 * baselineSd * Math.sqrt(2 * (1 - 0.9));
  const improved = ownA.filter((p) => p.later - p.first > threshold).length;
  const deteriorated = ownA.filter((p) => p.first - p.later > threshold).length;
  assert.ok(improved > 0 && deteriorated > 0, 'the data has both');
  const pct = (k: number) => `${Math.round((100 * k) / ownA.length)}%`;
  const row = barcRow((await c.get(`/orgs/${a.slug}/insight`)).body);
  assert.doesNotMatch(row, /not available/);
  assert.match(row, new RegExp(`${pct(improved)} / ${pct(deteriorated)}`));

  const methods = (await c.get('/methods')).body;
  assert.match(
    methods,
    new RegExp(
      `The spread of first scores of about 100 people across the network[^<]*\\(SD ${baselineSd.toFixed(1)}\\)`,
    ),
  );
  assert.match(methods, /the published reliability, 0\.9 \(Vilsaint et al\. \(2017\), abstract\)/);
  // single questions with no published reliability stay without, and say why
  assert.match(methods, /A single question, with no published reliability/);
});
