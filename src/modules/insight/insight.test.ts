// The insight pages over HTTP: the organisation's exact dashboard, its evidence pack (HTML, PDF,
// CSV) agreeing with it, social value, the network's pooled figures, and the public impact page —
// with an attacker trying to reveal a group of 3 on every outside page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../test/support/factories.ts';
import { addPairedPeople, addSessions } from './test/insight-data.ts';
import { buildOutsideView } from './insight.service.ts';
import { publishRelease } from './release.service.ts';
import { readPdf } from '../../../test/support/pdf.ts';

let month = 0;
/** Outside figures come from releases: publish the next one (a month later each time). */
const release = () => publishRelease(t.database.db, `2026-${String(++month).padStart(2, '0')}-01`);

let t: TestApp;
let worker: Client;
let coordinator: Client;
let anonymous: Client;
let home: Awaited<ReturnType<typeof buildOrg>>;
let tiny: Awaited<ReturnType<typeof buildOrg>>;
const others: Awaited<ReturnType<typeof buildOrg>>[] = [];

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  home = await buildOrg(db, { name: 'Hope Street Recovery' });
  // 12 people with network consent (changes 0..3), 2 more without, and 3 who never came back.
  await addPairedPeople(db, home.id, [0, 1, 2, 3, 1, 2, 3, 1, 2, 2, 1, 3]);
  await addPairedPeople(db, home.id, [4, 4], { network: false });
  await addPairedPeople(db, home.id, [0, 0, 0], { followUp: false });
  await addSessions(db, home.id, [
    { on: '2025-02-03', attendance: 12, hours: 6 },
    { on: '2025-05-05', attendance: 9, hours: 4.5 },
  ]);
  for (const [name, changes] of [
    ['Northern Lights Recovery', [1, 1, 2, 0, 1, 2, 1, 1, 0, 2]],
    ['Bridge Café', [2, 3, 2, 1, 2, 3, 2, 2, 1]],
    ['Second Chance', [0, 1, 0, 1, 1, 0, 2, 1]],
  ] as const) {
    const org = await buildOrg(db, { name });
    await addPairedPeople(db, org.id, changes);
    others.push(org);
  }
  // The group of 3 an attacker wants to learn about.
  tiny = await buildOrg(db, { name: 'Tiny Three Group' });
  await addPairedPeople(db, tiny.id, [5, 5, 5]);
  const w = await buildPerson(db, { memberships: [{ orgId: home.id, role: 'worker' }] });
  const c = await buildPerson(db, { networkRole: 'coordinator' });
  worker = new Client(t.app);
  await worker.signInAs(db, w.id);
  coordinator = new Client(t.app);
  await coordinator.signInAs(db, c.id);
  anonymous = new Client(t.app);
  await release();
});
after(() => t.close());

/** Every table row on a page as text cells (headers included). */
function tableRows(html: string, caption: RegExp): string[][] {
  const tables = [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)]
    .map((m) => m[1]!)
    .filter((tb) => caption.test(/<caption>([\s\S]*?)<\/caption>/.exec(tb)?.[1] ?? ''));
  return tables.flatMap((tb) =>
    [...tb.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
        c[1]!
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .trim(),
      ),
    ),
  );
}

/** People counts shown outside an organisation: 0, "fewer than 8", or a multiple of 5 (never 1–7). */
function assertDisclosedCount(cell: string, where: string) {
  if (cell === 'fewer than 8' || cell === 'suppressed' || cell === '–') return;
  const n = Number(cell.replace(/,/g, ''));
  assert.ok(Number.isInteger(n) && n % 5 === 0, `${where}: "${cell}" is not a disclosed count`);
}

test('an organisation sees its own exact figures: reach, change with CI, d_z, attrition, distributions', async () => {
  const res = await worker.get(`/orgs/${home.slug}/insight`);
  assert.equal(res.statusCode, 200, res.body);
  const outcomes = tableRows(res.body, /Outcomes by measure/);
  const ls = outcomes.find((r) => r[0] === 'ONS4: Life satisfaction')!;
  assert.ok(ls, 'life satisfaction row');
  // 14 paired (12 + 2 without network consent), 17 baselines: all of them, exactly.
  assert.equal(ls[1], '17');
  assert.equal(ls[2], '14');
  const changes = [0, 1, 2, 3, 1, 2, 3, 1, 2, 2, 1, 3, 4, 4];
  const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
  assert.match(ls[4]!, new RegExp(`^\\+${mean.toFixed(2).replace('.', '\\.')} \\(`));
  assert.equal(ls[8], '18%'); // 3 of 17 lost to follow-up
  const reach = tableRows(res.body, /^Reach/);
  assert.deepEqual(
    reach.find((r) => r[0] === 'Sessions'),
    ['Sessions', '2'],
  );
  assert.deepEqual(
    reach.find((r) => r[0] === 'Attendances'),
    ['Attendances', '21'],
  );
  assert.match(res.body, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-dist-\d+-title chart-dist-\d+-desc"/);
  assert.match(res.body, /people by first and latest score/);
});

test("the organisation's evidence pack carries the same figures as its dashboard, and its PDF opens", async () => {
  const dashboard = await worker.get(`/orgs/${home.slug}/insight`);
  const pack = await worker.get(`/orgs/${home.slug}/insight/pack?costs=20000`);
  assert.equal(pack.statusCode, 200, pack.body);
  assert.deepEqual(
    tableRows(pack.body, /Outcomes by measure/).slice(1),
    tableRows(dashboard.body, /Outcomes by measure/).slice(1),
  );
  assert.deepEqual(tableRows(pack.body, /^Reach/), tableRows(dashboard.body, /^Reach/));
  for (const heading of [
    'Summary',
    'Reach',
    'Outcomes',
    'The network picture',
    'Social value',
    'Methods',
    'Data appendix',
  ]) {
    assert.match(pack.body, new RegExp(`<h2 id="s-[a-z-]+">${heading}</h2>`), heading);
  }
  // Methods name every assumption.
  for (const words of [
    'Deadweight',
    'Displacement',
    'Attribution',
    'Drop-off',
    'Duration',
    'Discount rate',
    'Volunteer hourly pay',
    '£13,000',
    'Hartung',
    'fewer than 8',
    'lost to follow-up',
  ]) {
    assert.ok(pack.body.includes(words), `the pack names ${words}`);
  }
  const pdf = await worker.get(`/orgs/${home.slug}/insight/pack.pdf?costs=20000`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const bytes = pdf.rawPayload;
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(bytes.subarray(-8).toString('latin1').includes('%%EOF'));
  const pages = bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
  assert.ok(pages.length >= 2, `the PDF has pages (${pages.length})`);
  // tagged, in its language, with headings, tables with header cells, and the font embedded
  const raw = bytes.toString('latin1');
  for (const mark of ['/StructTreeRoot', '/Marked true', '/Lang (en-GB)', '/DisplayDocTitle true', '/S /H1', '/S /TH'])
    assert.ok(raw.includes(mark), `the PDF has ${mark}`);
  assert.match(raw, /\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  await checkWithPoppler(bytes);
});

/** Read the PDF as a reader would (where poppler is installed; CI installs it). */
async function checkWithPoppler(pdf: Buffer) {
  const read = await readPdf(pdf, { layout: true });
  if (!read) return;
  const text = read.text;
  assert.match(read.info, /Tagged:\s+yes/);
  assert.match(text, /Prepared \d{1,2} [A-Z][a-z]+ \d{4} with Recovery Connectors/, 'a cover with the date in words');
  assert.match(text, /In this pack/, 'the cover says what is inside');
  assert.match(
    text,
    /\([A-Z0-9-]+\) went (up|down) by about [\d.]+ points? out of \d+ on average/,
    'a summary in plain words',
  );
  assert.match(text, /Page 2 of \d+/, 'numbered pages');
  assert.doesNotMatch(text, /\?\?/, 'no character printed as a question mark');
}

test('social value shows every number with its source, and rejects bad assumptions', async () => {
  const res = await worker.get(`/orgs/${home.slug}/insight/social-value?costs=10000&deadweight=30`);
  assert.equal(res.statusCode, 200, res.body);
  for (const words of [
    '£13,000 (2019 prices)',
    'Wellbeing Guidance for Appraisal',
    'ASHE',
    '£18.64',
    '2024-04',
    'for every £1 spent (95% confidence interval £',
    'Low WELLBY value',
    'Not yet confirmed',
  ]) {
    assert.ok(res.body.includes(words), words);
  }
  for (const words of ['OUTCOMES', 'UNCONFIRMED', '.md'])
    assert.ok(!res.body.includes(words), `no internal note: ${words}`);
  assert.match(res.body, /href="\/methods#social-value"/);
  const bad = await worker.get(`/orgs/${home.slug}/insight/social-value?deadweight=140`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter a percentage from 0 to 100/);
});

test('the value-for-money headline never shows a ratio when no costs are entered', async () => {
  for (const costs of ['', '0']) {
    const res = await worker.get(`/orgs/${home.slug}/insight/social-value?costs=${costs}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /A value for every £1 spent needs the running costs: enter them to see it/);
    assert.doesNotMatch(res.body, /£\d+\.\d\d for every £1/);
    const pack = await worker.get(`/orgs/${home.slug}/insight/pack?costs=${costs}`);
    assert.doesNotMatch(pack.body, /£\d+\.\d\d for every £1/);
    assert.doesNotMatch(pack.body, /per £1/);
  }
});

test('outside pages never show a count from 1 to 7 or an average from fewer than 8 people', async () => {
  const network = await coordinator.get('/network/insight');
  const impact = await anonymous.get('/impact');
  const csv = await anonymous.get('/impact/open-data.csv');
  assert.ok(!impact.body.includes('Tiny Three Group'));
  assert.equal(network.statusCode, 200, network.body);
  assert.equal(impact.statusCode, 200, impact.body);
  for (const [where, html] of [
    ['network', network.body],
    ['impact', impact.body],
  ] as const) {
    // (Member names are public: the network page lists every member for coverage and packs.)
    for (const row of tableRows(html, /forest plot|Pooled estimates/))
      assert.ok(!row.join(' ').includes('Tiny Three Group'), `${where}: the group of 3 has no figures`);
    for (const row of tableRows(html, /Pooled estimates/).slice(1))
      assertDisclosedCount(row[2]!, `${where} pooled people`);
    for (const row of tableRows(html, /^Reach/).slice(1))
      if (row[0] !== 'Organisations with data') assertDisclosedCount(row[1]!, `${where} ${row[0]}`);
    for (const row of tableRows(html, /forest plot/).slice(1)) assertDisclosedCount(row[2]!, `${where} forest row`);
  }
  // The forest plot shows the four organisations with 8 or more consenting people, and says one was left out.
  const forest = tableRows(network.body, /forest plot for Life satisfaction/).slice(1);
  assert.deepEqual(forest.map((r) => r[0]).sort(), [
    'Bridge Café',
    'Hope Street Recovery',
    'Northern Lights Recovery',
    'Second Chance',
  ]);
  const pooled = tableRows(network.body, /Pooled estimates/).find((r) => r[0] === 'ONS4: Life satisfaction')!;
  assert.equal(pooled[6], 'fewer than 8'); // organisations left out: 1
  assert.match(
    impact.body,
    /Across 4 member organisations, how satisfied people are with their life \(ONS4\) went up by about [\d.]+ points? out of 10 on average between their first and latest questionnaire: [a-z ,]+ \(about \d+ people; 95% confidence interval −?[\d.]+ to −?[\d.]+\)\./,
  );
  for (const line of csv.body.trim().split('\r\n').slice(1)) {
    const cells = line.split(',');
    if (cells[1] === 'totals') assertDisclosedCount(cells[17]!, 'csv totals');
    else assertDisclosedCount(cells[6]!, `csv ${cells[1]}`);
    assert.ok(!line.includes('Tiny Three'), 'csv leaves out the group of 3');
  }
});

test('differencing: adding the group of 3 to a pooled organisation, or 3 non-consenting people, reveals nothing about them', async () => {
  const db = t.database.db;
  const before = await buildOutsideView(db);
  const ls = (v: typeof before) => v.measures.find((m) => m.label.measureKey === 'life_satisfaction')!;
  // People without network consent change nothing at all.
  await addPairedPeople(db, others[2]!.id, [9, 9, 9], { network: false, start: 1 });
  await release();
  const afterNoConsent = await buildOutsideView(db);
  assert.deepEqual(ls(afterNoConsent), ls(before));
  assert.deepEqual(afterNoConsent.totals, before.totals);
  assert.notDeepEqual(afterNoConsent.release, before.release);
  // Three people joining an organisation of 8: the rounded counts move by at most one step of 5,
  // so the 3 cannot be counted from the page, and no figure is based on them alone.
  const second = (v: typeof before) => ls(v).rows.find((r) => r.label === 'Second Chance')!;
  await addPairedPeople(db, others[2]!.id, [3, 3, 3]);
  await release();
  const after3 = await buildOutsideView(db);
  assert.ok(second(before).n.shown && second(after3).n.shown);
  const difference = (second(after3).n as { value: number }).value - (second(before).n as { value: number }).value;
  assert.ok(difference === 0 || difference === 5, `rounded n moved by ${difference}`);
  // The group of 3 on its own never becomes a row, however its data change.
  await addPairedPeople(db, tiny.id, [1, 1]);
  await release();
  const withFive = await buildOutsideView(db);
  assert.ok(!ls(withFive).rows.some((r) => r.label === 'Tiny Three Group'));
});

test('coordinators see network insight and packs; others do not', async () => {
  assert.equal((await worker.get('/network/insight')).statusCode, 403);
  assert.equal((await anonymous.get(`/orgs/${home.slug}/insight`)).statusCode, 303);
  const group = await coordinator.get(`/network/insight/pack?orgs=${others[0]!.slug},${others[1]!.slug}`);
  assert.equal(group.statusCode, 200, group.body);
  assert.match(group.body, /Consortium evidence pack: (Northern Lights Recovery|Bridge Café)/);
  const pdf = await coordinator.get('/network/insight/pack.pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  const network = await coordinator.get('/network/insight');
  assert.match(network.body, /Not sent data in the last 90 days/);
  const codebook = await anonymous.get('/impact/codebook.csv');
  assert.match(codebook.body, /^column,meaning/);
});
