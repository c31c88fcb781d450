// The disclosure probe: an attacker who wants to learn how many people a small organisation
// (3 consented people) supports, and the exact size of organisations whose counts are only
// published rounded. For every outside view it tries direct reading, differencing across filters
// (consortia with and without the small group), differencing across releases (adding people to
// the attacker's own organisation one at a time and watching rounded totals flip), and
// reconstruction of a count from the other published numbers (a mean times n must be a whole
// number, and so must the sums behind its interval).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { appModules } from '../src/app.ts';
import type { Deps } from '../src/platform/deps.ts';
import { tCritical } from '../src/modules/insight/domain/t-distribution.ts';
import { addPairedPeople, addSessions } from '../src/modules/insight/test/insight-data.ts';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildOrg, buildPerson } from './support/factories.ts';

type Org = Awaited<ReturnType<typeof buildOrg>>;
let t: TestApp;
let attacker: Client;
let coordinator: Client;
let anonymous: Client;
let own: Org; // the attacker's own organisation: its exact count is known to them
let nine: Org;
let twenty: Org;
let tiny: Org;
const ownChanges = [0, 1, 2, 3, 1, 2, 3, 1, 2, 2];
const TINY = 'Little Acorns Group'; // 3 people; its name says nothing of its size
let ownCount = ownChanges.length; // what the attacker knows exactly
async function addToOwn(changes: number[]) {
  await addPairedPeople(t.database.db, own.id, changes);
  ownCount += changes.length;
}

// Each release is dated; the probe runs the publishing job for a date as an operator would.
let releaseDay = 0;
async function runRelease(): Promise<void> {
  const job = appModules(t.database)
    .flatMap((m) => m.jobs ?? [])
    .find((j) => j.name === 'insight.publish-figures');
  releaseDay += 1;
  const on = `2027-${String(releaseDay).padStart(2, '0')}-01`;
  // Without a publishing job (the code before releases) the figures are live: nothing to run.
  if (job)
    await job.run(
      {
        db: t.database.db,
        config: t.config,
        mailer: t.mailer,
        jobs: { send: async () => {} },
        links: { workspace: [], network: [] },
      } as Deps,
      { on },
    );
}

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  own = await buildOrg(db, { name: 'Attacker Recovery' });
  await addPairedPeople(db, own.id, ownChanges);
  await addSessions(db, own.id, [{ on: '2025-02-03', attendance: 12, hours: 6 }]);
  nine = await buildOrg(db, { name: 'Known Nine' });
  await addPairedPeople(db, nine.id, [1, 2, 1, 2, 1, 2, 1, 2, 1]);
  twenty = await buildOrg(db, { name: 'Known Twenty' });
  await addPairedPeople(db, twenty.id, [0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 1, 1, 2, 0, 3, 1, 2, 1, 0, 2]);
  tiny = await buildOrg(db, { name: TINY });
  await addPairedPeople(db, tiny.id, [5, 4, 5]);
  await addSessions(db, tiny.id, [{ on: '2025-03-03', attendance: 3, hours: 2 }]);
  const w = await buildPerson(db, { memberships: [{ orgId: own.id, role: 'lead' }] });
  const c = await buildPerson(db, { networkRole: 'coordinator' });
  attacker = new Client(t.app);
  await attacker.signInAs(db, w.id);
  coordinator = new Client(t.app);
  await coordinator.signInAs(db, c.id);
  anonymous = new Client(t.app);
  await runRelease();
});
after(() => t.close());

type Row = Record<string, string>;
const csvRows = (body: string): Row[] =>
  parse(body.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Row[];

/** Every table on a page as rows of text cells, with its caption. */
function tables(html: string): { caption: string; rows: string[][] }[] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => ({
    caption: (/<caption>([\s\S]*?)<\/caption>/.exec(m[1]!)?.[1] ?? '').replace(/<[^>]+>/g, ''),
    rows: [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
        c[1]!
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .replace(/&#x27;|&#39;/g, "'")
          .trim(),
      ),
    ),
  }));
}

/** What an outside view shows, without what changes from request to request (tokens, nonces). */
function figuresOf(body: string, kind: 'html' | 'csv'): string {
  if (kind === 'csv') return body;
  const asAt = /Figures as at [^<.]*/.exec(body)?.[0] ?? '';
  return JSON.stringify({
    asAt,
    tables: tables(body),
    lists: [...body.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]),
  });
}

const OUTSIDE: { who: () => Client; url: () => string; kind: 'html' | 'csv' }[] = [
  { who: () => anonymous, url: () => '/impact', kind: 'html' },
  { who: () => anonymous, url: () => '/impact/open-data.csv', kind: 'csv' },
  { who: () => coordinator, url: () => '/network/insight', kind: 'html' },
  { who: () => coordinator, url: () => '/network/insight/pack', kind: 'html' },
  { who: () => coordinator, url: () => '/network/insight/open-data.csv', kind: 'csv' },
  {
    who: () => coordinator,
    url: () => `/network/insight/pack?orgs=${own.slug},${nine.slug},${twenty.slug}`,
    kind: 'html',
  },
  {
    who: () => coordinator,
    url: () => `/network/insight/open-data.csv?orgs=${own.slug},${nine.slug},${twenty.slug}`,
    kind: 'csv',
  },
  { who: () => attacker, url: () => `/orgs/${own.slug}/insight/open-data.csv`, kind: 'csv' },
];

async function snapshot(): Promise<string[]> {
  const out: string[] = [];
  for (const v of OUTSIDE) {
    const res = await v.who().get(v.url());
    assert.equal(res.statusCode, 200, `${v.url()}: ${res.body.slice(0, 300)}`);
    out.push(figuresOf(res.body, v.kind));
  }
  return out;
}
const withoutDates = (s: string) =>
  s
    .replace(/Figures as at [^",<\r\n]*/g, 'Figures as at …')
    .replace(/\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}/g, 'DATE');

test('direct reading: the small group is named in no figures, and a consortium containing it is refused without saying its size', async () => {
  for (const v of OUTSIDE) {
    const res = await v.who().get(v.url());
    if (v.kind === 'csv')
      for (const row of csvRows(res.body))
        assert.ok(!Object.values(row).join(' ').includes(TINY), `${v.url()}: a row about the small group`);
    else
      for (const tb of tables(res.body))
        for (const row of tb.rows)
          assert.ok(!row.join(' ').includes(TINY), `${v.url()}: ${tb.caption} shows the small group`);
  }
  for (const orgs of [tiny.slug, `${own.slug},${tiny.slug}`, `${own.slug},${nine.slug},${tiny.slug}`]) {
    for (const path of ['/network/insight/pack', '/network/insight/open-data.csv', '/network/insight/pack.pdf']) {
      const res = await coordinator.get(`${path}?orgs=${orgs}`);
      assert.equal(
        res.statusCode,
        400,
        `${path}?orgs=${orgs} was served (${res.statusCode}): pairing it with organisations of known size pins its count`,
      );
      assert.match(res.body, new RegExp(`${TINY}[^<]*too few people`));
      assert.doesNotMatch(res.body, /\b3 people\b|\bthree\b/i);
      // the page says why and lets them choose again, rather than a bare error
      if (path === '/network/insight/pack') {
        assert.match(res.body, /<h1>Choose another group<\/h1>/);
        assert.match(res.body, /<form method="get" action="\/network\/insight\/pack">/);
      }
    }
  }
});

test('differencing across filters: totals of a group never include an organisation under the threshold', async () => {
  const network = csvRows((await anonymous.get('/impact/open-data.csv')).body);
  const group = csvRows(
    (await coordinator.get(`/network/insight/open-data.csv?orgs=${own.slug},${nine.slug},${twenty.slug}`)).body,
  );
  const totals = (rows: Row[]) =>
    rows.filter((r) => r.row_type === 'totals').map((r) => `${r.measure}=${r.value}/${r.organisations}`);
  // The network is the three known organisations plus the small one: its totals must equal the
  // totals of the three alone, or the difference is about the small group.
  assert.deepEqual(totals(network), totals(group));
});

/** The counts n in a rounded count's band that the published mean and interval are consistent with. */
function consistentCounts(shown: number, mean: number, low: number, high: number, step: number): number[] {
  const tol = step / 2 + 1e-9;
  const near = (a: number, b: number) => Math.abs(a - b) <= tol;
  const out: number[] = [];
  for (let n = Math.max(8, shown - 2); n <= shown + 2; n++) {
    const t = tCritical(0.95, n - 1);
    let ok = false;
    for (let s1 = Math.ceil(n * (mean - tol)); s1 <= Math.floor(n * (mean + tol)) && !ok; s1++) {
      // Scores are whole numbers, so the sum of changes and the sum of their squares are too.
      const min = Math.ceil((s1 * s1) / n);
      for (let s2 = min; s2 <= min + n * 400 && !ok; s2++) {
        const variance = (s2 - (s1 * s1) / n) / (n - 1);
        if (variance <= 0) continue;
        const half = t * Math.sqrt(variance / n);
        if (near(s1 / n, mean) && near(s1 / n - half, low) && near(s1 / n + half, high)) ok = true;
        if (s1 / n - half < low - 1) break;
      }
    }
    if (ok) out.push(n);
  }
  return out;
}

/** The precision a published value carries: the file says so, or else its decimals do. */
const stepOf = (row: Row, value: string) =>
  row.rounded_to ? Number(row.rounded_to) : 10 ** -((value.split('.')[1] ?? '').length || 0);

test("reconstruction: no published mean and interval narrows an organisation's rounded count", async () => {
  const files = [
    '/impact/open-data.csv',
    '/network/insight/open-data.csv',
    `/network/insight/open-data.csv?orgs=${own.slug},${nine.slug},${twenty.slug}`,
    `/orgs/${own.slug}/insight/open-data.csv`,
  ];
  let checked = 0;
  for (const url of files) {
    const res = await (url.startsWith('/orgs') ? attacker : url.startsWith('/network') ? coordinator : anonymous).get(
      url,
    );
    for (const row of csvRows(res.body).filter((r) => r.row_type === 'organisation' && /^\d+$/.test(r.people ?? ''))) {
      const shown = Number(row.people);
      const band = [];
      for (let n = Math.max(8, shown - 2); n <= shown + 2; n++) band.push(n);
      const found = consistentCounts(
        shown,
        Number(row.mean_change),
        Number(row.ci_low),
        Number(row.ci_high),
        stepOf(row, row.mean_change!),
      );
      assert.deepEqual(
        found,
        band,
        `${url}: ${row.organisation} (shown as ${shown}) has mean ${row.mean_change}, CI ${row.ci_low} to ${row.ci_high}: only ${found.join(', ')} people fit`,
      );
      checked += 1;
    }
  }
  // The pages show the same rows as the files; their decimals must not say more.
  for (const url of ['/network/insight', `/network/insight/pack?orgs=${own.slug},${nine.slug},${twenty.slug}`]) {
    const res = await coordinator.get(url);
    const csv = csvRows((await coordinator.get('/network/insight/open-data.csv')).body);
    for (const tb of tables(res.body).filter((x) => /forest plot/.test(x.caption))) {
      for (const row of tb.rows.slice(1)) {
        const m = /^([+-]?[\d.]+) \(([-\d.]+) to ([-\d.]+)\)$/.exec(row[3]!);
        if (!m || !/^\d+$/.test(row[2]!)) continue;
        const file = csv.find((r) => r.organisation === row[0] && r.row_type === 'organisation');
        const step = Math.max(
          file?.rounded_to ? Number(file.rounded_to) : 0,
          10 ** -(m[1]!.split('.')[1] ?? '').length,
        );
        const shown = Number(row[2]);
        const found = consistentCounts(shown, Number(m[1]), Number(m[2]), Number(m[3]), step);
        assert.equal(
          found.length,
          [...Array(5).keys()].map((i) => shown - 2 + i).filter((n) => n >= 8).length,
          `${url}: ${row[0]} ${row[3]}: only ${found.join(', ')} people fit`,
        );
        checked += 1;
      }
    }
  }
  assert.ok(checked >= 6, `rows checked: ${checked}`);
});

test('between releases nothing outside changes, whatever happens to the data', async () => {
  const before = await snapshot();
  for (const body of before.slice(0, 1))
    assert.match(body, /Figures as at \d{1,2} [A-Z][a-z]+ \d{4}, next update \d{1,2} [A-Z][a-z]+/);
  await addToOwn([2, 2]);
  await addPairedPeople(t.database.db, tiny.id, [1]);
  await addSessions(t.database.db, nine.id, [{ on: '2025-06-01', attendance: 40, hours: 10 }]);
  const after = await snapshot();
  OUTSIDE.forEach((v, i) => assert.equal(after[i], before[i], `${v.url()} changed between releases`));
  await runRelease();
});

test("differencing across releases: adding people one at a time to one's own organisation learns nothing about the small group", async () => {
  // The attacker knows their own count exactly and the sizes of the two known organisations.
  const participants = async () =>
    Number(
      csvRows((await coordinator.get('/network/insight/open-data.csv')).body).find(
        (r) => r.row_type === 'totals' && r.measure === 'participants',
      )!.value,
    );
  let previous = await participants();
  let recovered: number | undefined;
  for (let k = 0; k < 6 && recovered === undefined; k++) {
    await addToOwn([1]);
    await runRelease();
    const now = await participants();
    // A rounded total steps up by 5 when the exact total goes from 5m+2 to 5m+3.
    if (now > previous) recovered = now - 2 - ownCount;
    previous = now;
  }
  assert.ok(recovered !== undefined, 'the rounded total moved as the attacker added people');
  const knownOthers = 9 + 20; // the small group has 3 or 4 people by now
  assert.equal(recovered - knownOthers, 0, `the attack recovered ${recovered - knownOthers} people in the small group`);

  // And the small group's own changes, published in a release, move nothing outside.
  const before = (await snapshot()).map(withoutDates);
  await addPairedPeople(t.database.db, tiny.id, [3, 3]);
  await addSessions(t.database.db, tiny.id, [{ on: '2025-07-01', attendance: 7, hours: 3 }]);
  await runRelease();
  const after = (await snapshot()).map(withoutDates);
  OUTSIDE.forEach((v, i) => assert.equal(after[i], before[i], `${v.url()} moved when only the small group changed`));
});
