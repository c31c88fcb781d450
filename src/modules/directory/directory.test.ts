// Find support (page and API), public profiles, the coverage map, and a lead editing their
// entry, through HTTP over the demo network.
import { appModules } from '../../app.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../demo/index.ts';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { coverageData } from './directory.hexmap.tsx';

let t: TestApp;
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
});
after(() => t.close());

interface ApiResult {
  name: string;
  organisation: { name: string; url: string };
  distance_km: number | null;
  mode: string;
  service_types: string[];
  times: string[];
}
interface ApiBody {
  total: number;
  place: { postcode_district: string; local_authority: string } | null;
  results: ApiResult[];
}

async function api(query: string): Promise<ApiBody> {
  const res = await t.app.inject({ url: `/api/v1/directory?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  return res.json() as ApiBody;
}

function assertNearestFirst(body: ApiBody) {
  const d = body.results.map((r) => r.distance_km);
  const inPerson = d.filter((x): x is number => x !== null);
  assert.deepEqual(
    inPerson,
    [...inPerson].sort((a, b) => a - b),
    'distances ascend',
  );
  const firstNull = d.indexOf(null);
  if (firstNull >= 0)
    assert.ok(
      d.slice(firstNull).every((x) => x === null),
      'online services come after the nearby ones',
    );
}

for (const [near, org, town, maxKm] of [
  ['LS6', 'Leeds Recovery Café', 'Leeds', 3],
  ['SW10 0AA', 'Kensington and Chelsea Recovery Walkers', 'Kensington and Chelsea', 2],
  ['M1', 'Manchester Peer Network', 'Manchester', 2],
] as const) {
  test(`near ${near}: the local organisation comes first, nearest first, with sensible distances`, async () => {
    const body = await api(`near=${encodeURIComponent(near)}&per_page=100`);
    assert.equal(body.place?.local_authority, town);
    assert.ok(body.total > 0);
    assert.equal(body.results[0]!.organisation.name, org);
    assert.ok(body.results[0]!.distance_km! <= maxKm, `${body.results[0]!.distance_km} km`);
    assertNearestFirst(body);
    for (const r of body.results) if (r.distance_km !== null) assert.ok(r.distance_km <= 25);
    // online services show for every search
    assert.ok(
      body.results.some((r) => r.mode === 'online' && r.distance_km === null),
      'online services are listed',
    );
  });
}

test('Leeds to Manchester is about 57 km, and a wider radius finds Manchester from Leeds', async () => {
  const body = await api('near=LS6&radius_km=100&mode=in_person&per_page=100');
  const manchester = body.results.find((r) => r.organisation.name === 'Manchester Peer Network');
  assert.ok(
    manchester && manchester.distance_km! > 50 && manchester.distance_km! < 65,
    String(manchester?.distance_km),
  );
  assert.ok(
    body.results.every((r) => r.distance_km !== null),
    'in person only: everything has a distance',
  );
  assertNearestFirst(body);
});

test('filters: type, day, online, free text', async () => {
  const walks = await api('type=recovery-walk-or-sport&per_page=100');
  assert.ok(walks.total > 0 && walks.results.every((r) => r.service_types.includes('recovery-walk-or-sport')));
  const saturday = await api('day=saturday&per_page=100');
  assert.ok(
    saturday.total > 0 && saturday.results.every((r) => r.times.some((x) => /Saturday/.test(x))),
    JSON.stringify(saturday.results.map((r) => r.times)),
  );
  const online = await api('mode=online&near=TR1&per_page=100');
  assert.ok(online.total > 0 && online.results.every((r) => r.mode !== 'in_person'));
  const naloxone = await api('q=naloxone&per_page=100');
  assert.ok(naloxone.total > 0 && naloxone.results.every((r) => r.name === 'Naloxone training'));
});

test('lapsed and applicant organisations are not in search or profiles', async () => {
  const { rows } = await t.database.pool.query<{ name: string; slug: string; status: string }>(
    `select name, slug, status from organisations where status <> 'member'`,
  );
  assert.ok(rows.length >= 2);
  const all = await api('per_page=100&page=1');
  const pages = Math.ceil(all.total / 100);
  const names = new Set<string>();
  for (let p = 1; p <= pages; p++)
    for (const r of (await api(`per_page=100&page=${p}`)).results) names.add(r.organisation.name);
  for (const o of rows) {
    assert.ok(!names.has(o.name), `${o.name} (${o.status}) is hidden from search`);
    assert.equal((await t.app.inject({ url: `/organisations/${o.slug}` })).statusCode, 404);
  }
});

for (const [near, pattern] of [
  ['ZZ9 9ZZ', /couldn’t find the postcode area ZZ9/],
  ['BT1 1AA', /Northern Ireland, which is outside Great Britain/],
] as const) {
  test(`near=${near} gets a clear message, and 400 from the API`, async () => {
    const res = await t.app.inject({ url: `/api/v1/directory?near=${encodeURIComponent(near)}` });
    assert.equal(res.statusCode, 400);
    const body = res.json() as { error: { code: string; message: string; fields: { near: string } } };
    assert.equal(body.error.code, 'validation');
    assert.match(body.error.message, pattern);
    assert.match(body.error.fields.near, pattern);
    const page = await t.app.inject({ url: `/find-support?near=${encodeURIComponent(near)}` });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /There is a problem/);
    assert.match(page.body.replace(/&#x2019;|&rsquo;/g, '’'), pattern);
    assert.doesNotMatch(page.body, /Nothing found/, 'never looks like "no support here"');
  });
}

test('bad API parameters are named', async () => {
  const res = await t.app.inject({ url: '/api/v1/directory?radius_km=9999&type=knitting&mode=telepathy&day=someday' });
  assert.equal(res.statusCode, 400);
  const fields = (res.json() as { error: { fields: Record<string, string> } }).error.fields;
  assert.deepEqual(Object.keys(fields).sort(), ['day', 'mode', 'radius_km', 'type']);
});

test('the find support page lists results nearest first', async () => {
  const res = await t.app.inject({ url: '/find-support?near=LS6+3HN' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /near LS6 \(Leeds\)/);
  const first = res.body.indexOf('Leeds Recovery Café');
  const bradford = res.body.indexOf('Bradford');
  assert.ok(first > 0 && (bradford === -1 || first < bradford));
  assert.match(res.body, /less than a mile away/);
});

test('a member profile shows its services and times; the coverage table matches the hexes', async () => {
  const res = await t.app.inject({ url: '/organisations/leeds-recovery-cafe' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Recovery café/);
  assert.match(res.body, /Monday, Tuesday, Thursday and Friday/);
  assert.match(res.body, /\(UK time\)/);
  const map = await t.app.inject({ url: '/our-network' });
  assert.equal(map.statusCode, 200);
  const hexes = [
    ...map.body.matchAll(/<a href="([^"]+)" tabindex="-1" data-code="([^"]+)"[^>]*><title>([^<]+)<\/title>/g),
  ].map((m) => [m[2], m[1], m[3]]);
  const rows = [
    ...map.body.matchAll(
      /<tr data-code="([^"]+)"><th scope="row"><a href="([^"]+)">[^<]*<\/a><\/th><td>[^<]*<\/td><td class="numeric">(\d+)<\/td><\/tr>/g,
    ),
  ].map((m) => [m[1], m[2], m[3]]);
  assert.equal(hexes.length, 361);
  assert.equal(rows.length, 361);
  const hexBy = new Map(hexes.map(([code, href, title]) => [code, { href, count: /: (\d+) /.exec(title!)![1] }]));
  for (const [code, href, count] of rows) {
    assert.equal(hexBy.get(code!)?.href, href, code);
    assert.equal(hexBy.get(code!)?.count, count, code);
  }
  const leeds = rows.find(([code]) => code === 'E08000035')!;
  assert.ok(Number(leeds[2]) >= 1, 'Leeds is covered');
  assert.equal((await t.app.inject({ url: leeds[1]! })).statusCode, 200);
  assert.match((await t.app.inject({ url: leeds[1]! })).body, /Leeds Recovery Café/);
  assert.ok(coverageData({ counts: new Map(), hrefFor: () => '' }).cells.length === 361);
});

test('a lead edits the profile and adds a service, which then shows in search; mistakes are named at the top', async () => {
  const lead = new Client(t.app);
  await lead.signIn('lead@demo.example', DEMO_PASSWORD);
  const form = await lead.get('/orgs/leeds-recovery-cafe/profile');
  assert.equal(form.statusCode, 200);
  const bad = await lead.post('/orgs/leeds-recovery-cafe/profile', {
    name: '',
    summary: 'x',
    size_band: 'volunteers',
    lived_experience: 'y',
    website: 'not a site',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /There is a problem/);
  assert.match(bad.body, /Enter your organisation’s name|Enter your organisation&#x2019;s name/);
  const ok = await lead.post('/orgs/leeds-recovery-cafe/profile', {
    name: 'Leeds Recovery Café',
    summary: 'A recovery café in Headingley.',
    size_band: 'small_staff',
    lived_experience: 'Run by people in recovery.',
    website: 'leeds-cafe.example.org',
    founded_year: '2015',
    area_E08000035: 'on',
    area_E08000032: 'on',
  });
  assert.equal(ok.statusCode, 303);
  const profile = await t.app.inject({ url: '/organisations/leeds-recovery-cafe' });
  assert.match(profile.body, /https:\/\/leeds-cafe\.example\.org/);
  assert.match(profile.body, /Bradford/);

  const missing = await lead.post('/orgs/leeds-recovery-cafe/services/new', {
    mode: 'in_person',
    status: 'active',
    free: 'yes',
    freq: 'WEEKLY',
  });
  assert.equal(missing.statusCode, 400);
  for (const m of [
    /Enter the name of the service/,
    /Choose at least one type of support/,
    /Please choose at least one day/,
  ])
    assert.match(missing.body, m);
  const badPostcode = await lead.post('/orgs/leeds-recovery-cafe/services/new', {
    name: 'Knitting for recovery',
    description: 'Wool and tea.',
    type_arts_and_creative: 'on',
    'type_arts-and-creative': 'on',
    mode: 'in_person',
    status: 'active',
    free: 'yes',
    address_1: '1 Otley Road',
    town: 'Leeds',
    postcode: 'BT1 1AA',
    freq: 'WEEKLY',
    day_WE: 'on',
    opens_at: '14:00',
    closes_at: '16:00',
  });
  assert.equal(badPostcode.statusCode, 400);
  assert.match(badPostcode.body, /outside Great Britain/);
  const added = await lead.post('/orgs/leeds-recovery-cafe/services/new', {
    name: 'Knitting for recovery',
    description: 'Wool and tea.',
    'type_arts-and-creative': 'on',
    mode: 'in_person',
    status: 'active',
    free: 'yes',
    address_1: '1 Otley Road',
    town: 'Leeds',
    postcode: 'LS6 3HN',
    freq: 'MONTHLY',
    nth: '1',
    day_WE: 'on',
    opens_at: '2pm', // as people say it
    closes_at: '4.00pm',
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 2000));
  const found = await api('near=LS6&q=knitting');
  assert.equal(found.results[0]?.name, 'Knitting for recovery');
  assert.match(found.results[0]!.times[0]!, /First Wednesday of the month, 2pm to 4pm \(UK time\)/);
  // a worker cannot edit
  const worker = new Client(t.app);
  await worker.signIn('worker@demo.example', DEMO_PASSWORD);
  assert.equal((await worker.get('/orgs/leeds-recovery-cafe/services')).statusCode, 404);
});
