// Find support tells the truth about distance: in person first and nearest first, online as its
// own list with one entry per service, and a plain answer when nothing meets in person nearby.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appModules } from '../../app.ts';
import { seedDemo } from '../demo/index.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
});
after(() => t.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x2019;|&rsquo;/g, '’')
    .replace(/&#x201[cC];/g, '“')
    .replace(/&#x201[dD];/g, '”')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1');

async function page(query: string) {
  const res = await t.app.inject({ url: `/find-support?${query}` });
  return { status: res.statusCode, html: res.body, text: text(res.body) };
}

/** The card titles under a heading id, in order. */
function titlesUnder(html: string, id: string): string[] {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return [];
  const end =
    html.indexOf('</ol>', start) >= 0 && id === 'in-person'
      ? html.indexOf('</ol>', start)
      : html.indexOf('</ul>', start);
  return [...html.slice(start, end).matchAll(/class="card-title"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);
}

test('near LS6: in person first, nearest first, then online once per service', async () => {
  const p = await page('near=LS6+3HN');
  assert.equal(p.status, 200);
  assert.match(p.text, /3 in person within 15 miles of LS6 \(Leeds\)/);
  const inPerson = p.html.indexOf('id="in-person"');
  const online = p.html.indexOf('id="online"');
  assert.ok(inPerson > 0 && online > inPerson, 'in-person results are never listed below online ones');
  assert.match(p.text, /You can also join these online/);
  const onlineTitles = titlesUnder(p.html, 'online');
  assert.equal(
    onlineTitles.filter((n) => n === 'Online family support').length,
    1,
    'one entry per service, not per copy',
  );
  assert.equal(new Set(onlineTitles).size, onlineTitles.length);
  assert.match(p.text, /Run by each of Hull Family Recovery Group, Reading Family Recovery Group/);
  const distances = [...p.html.slice(inPerson, online).matchAll(/(less than a mile|about (\d+) miles?) away/g)].map(
    (m) => Number(m[2] ?? 0),
  );
  assert.ok(distances.length >= 3);
  assert.deepEqual(
    distances,
    [...distances].sort((a, b) => a - b),
    'nearest first',
  );
});

test('near Edinburgh: "nothing in person within 15 miles", with the next distance up and its count', async () => {
  const p = await page('near=EH1');
  assert.equal(p.status, 200);
  assert.match(p.text, /Nothing in person within 15 miles of EH1 \(City of Edinburgh\)/);
  const m = /There (?:is 1 group or service|are (\d+) groups and services) meeting in person within (\d+) miles/.exec(
    p.text,
  );
  assert.ok(m, 'offers the next distance up');
  const radius = ({ 30: 50, 60: 100, 125: 200 } as Record<string, number>)[m[2]!];
  const wider = await page(`near=EH1&radius_km=${radius}`);
  assert.match(
    wider.text,
    new RegExp(`${m[1] ?? 1} in person within ${m[2]} miles`),
    'the count matches what the wider search finds',
  );
  assert.match(p.text, /You can also join these online/);
});

test('a town, a suburb and a Welsh name search by place', async () => {
  for (const [near, label] of [
    ['leeds', 'Leeds, West Yorkshire'],
    ['Headingley', 'Headingley, Leeds, West Yorkshire'],
    ['Caerdydd', 'Cardiff'],
  ]) {
    const p = await page(`near=${encodeURIComponent(near!)}`);
    assert.equal(p.status, 200, near);
    assert.match(p.text, new RegExp(`Support near ${label}`), near);
  }
  const leeds = await page('near=leeds');
  assert.match(leeds.text, /Not the Leeds you meant\? Leeds, Maidstone, Kent/);
  assert.ok(titlesUnder(leeds.html, 'in-person').includes('Recovery café'));
});

test('an ambiguous place asks which one, with the county; the choice searches there', async () => {
  const p = await page('near=hyde');
  assert.equal(p.status, 200);
  assert.match(p.text, /Which one do you mean\? There are 3 places called Hyde/);
  assert.match(p.text, /Hyde, Tameside, Greater Manchester/);
  assert.match(p.text, /Hyde, New Forest, Hampshire/);
  assert.doesNotMatch(p.html, /id="results"/, 'no results until they choose');
  const href = /href="([^"]+)">Hyde, Tameside, Greater Manchester</.exec(p.html)![1]!.replace(/&amp;/g, '&');
  const chosen = await t.app.inject({ url: href });
  assert.match(text(chosen.body), /Support near Hyde, Tameside, Greater Manchester/);
  assert.match(text(chosen.body), /Manchester Peer Network/);
});

test('a place we cannot find gets one clear message and a 400, not "nothing found"', async () => {
  const p = await page('near=Xyzzyton');
  assert.equal(p.status, 400);
  const message = 'We could not find a place called “Xyzzyton”.';
  assert.equal(p.text.split(message).length - 1, 2, 'once in the summary, once by the field');
  assert.doesNotMatch(p.html, /banner-warning/);
  assert.doesNotMatch(p.text, /Nothing in person/);
});

test('hostile input is shown as text and never breaks the page', async () => {
  for (const near of ['<script>alert(1)</script>', '%', ',,,,', 'a'.repeat(81), "'; drop table services; --"]) {
    const res = await t.app.inject({ url: `/find-support?near=${encodeURIComponent(near)}` });
    assert.ok(res.statusCode === 400 || res.statusCode === 200, `${near}: ${res.statusCode}`);
    assert.doesNotMatch(res.body, /<script>alert/);
  }
});

test('the help now panel shows checked numbers only, as phone links', async () => {
  const p = await page('');
  assert.match(p.text, /If you need help now/);
  assert.match(p.html, /href="tel:116123"/);
  assert.match(p.html, /href="tel:08088082234"/);
  assert.doesNotMatch(p.text, /Know the Score/, 'a number nobody has checked is not shown');
});
