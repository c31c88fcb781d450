// The whole demo Open Referral UK feed, every endpoint, every page and every item, validates
// against the shipped ORUK 3.0 schemas; unknown ids give 404; only members' active services.
import { appModules } from '../../app.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../demo/index.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { assertValidOruk, type OrukResponseKind } from './domain/oruk.validate.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
});
after(() => t.close());

async function get(url: string, kind: OrukResponseKind) {
  const res = await t.app.inject({ url });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
  assert.equal(res.headers['access-control-allow-origin'], '*', url);
  assert.match(String(res.headers['content-type']), /application\/json/);
  const json = res.json() as Record<string, unknown>;
  assertValidOruk(kind, json);
  assert.doesNotMatch(
    res.body.replace('"contents":[]', ''),
    /:null\b|:""|:\[\]/,
    `${url} has no null, empty string or empty array`,
  );
  return json;
}

/** Every page of a list endpoint, validated; returns every item. */
async function allPages(path: string, kind: OrukResponseKind, perPage: number) {
  const items: { id: string }[] = [];
  let page = 1;
  for (;;) {
    const body = (await get(`${path}?page=${page}&per_page=${perPage}`, kind)) as {
      contents: { id: string }[];
      total_pages: number;
      total_items: number;
      last_page: boolean;
    };
    items.push(...body.contents);
    if (body.last_page) {
      assert.equal(page, body.total_pages);
      assert.equal(items.length, body.total_items);
      return items;
    }
    page++;
  }
}

// First, before anything is cached: responses are shared for 30 seconds.
test('only member organisations and active services appear', async () => {
  const { rows } = await t.database.pool.query<{ id: string; org_id: string }>(
    `select s.id, s.org_id from services s join organisations o on o.id = s.org_id where o.status <> 'member'`,
  );
  assert.ok(rows.length > 0);
  await t.database.pool.query(
    `update services set status = 'inactive' where id = (select s.id from services s join organisations o on o.id = s.org_id where o.status = 'member' order by s.id limit 1) returning id`,
  );
  const { rows: inactive } = await t.database.pool.query<{ id: string }>(
    `select id from services where status = 'inactive'`,
  );
  for (const r of [...rows, ...inactive])
    assert.equal((await t.app.inject({ url: `/oruk/services/${r.id}` })).statusCode, 404);
  for (const r of rows) assert.equal((await t.app.inject({ url: `/oruk/organizations/${r.org_id}` })).statusCode, 404);
});

test('/oruk/ gives api_details for HSDS-UK-3.0', async () => {
  const body = await get('/oruk', 'api_details');
  assert.equal(body.version, 'HSDS-UK-3.0');
  await get('/oruk/', 'api_details');
});

test('the whole demo feed validates: every endpoint, every page, every item', async () => {
  const services = await allPages('/oruk/services', 'service_list', 7);
  assert.ok(services.length > 60, `${services.length} services`);
  for (const s of services) await get(`/oruk/services/${s.id}`, 'service');
  const orgs = await allPages('/oruk/organizations', 'organization_list', 10);
  assert.ok(orgs.length >= 40);
  for (const o of orgs) await get(`/oruk/organizations/${o.id}`, 'organization');
  const sals = await allPages('/oruk/service_at_locations', 'service_at_location_list', 25);
  assert.ok(sals.length > 40);
  for (const s of sals) await get(`/oruk/service_at_locations/${s.id}`, 'service_at_location');
  const taxonomies = await allPages('/oruk/taxonomies', 'taxonomy_list', 50);
  for (const x of taxonomies) await get(`/oruk/taxonomies/${x.id}`, 'taxonomy');
  const terms = await allPages('/oruk/taxonomy_terms', 'taxonomy_term_list', 5);
  assert.equal(terms.length, 12);
  for (const x of terms) await get(`/oruk/taxonomy_terms/${x.id}`, 'taxonomy_term');
  // full=true nests everything, and stays valid
  await get('/oruk/services?full=true&per_page=100', 'service_list');
});

test('filters: organisation, taxonomy term, search; and an empty page is still a valid page', async () => {
  const orgs = (await get('/oruk/organizations?per_page=1', 'organization_list')) as { contents: { id: string }[] };
  const byOrg = (await get(`/oruk/services?organization_id=${orgs.contents[0]!.id}`, 'service_list')) as {
    contents: { organization_id: string }[];
  };
  assert.ok(byOrg.contents.length > 0 && byOrg.contents.every((s) => s.organization_id === orgs.contents[0]!.id));
  const term = '0aa6e3c3-0000-4000-8000-000000000000';
  const empty = (await get(`/oruk/services?taxonomy_term_id=${term}`, 'service_list')) as {
    total_items: number;
    total_pages: number;
    empty: boolean;
  };
  assert.deepEqual([empty.total_items, empty.total_pages, empty.empty], [0, 1, true]);
  const search = (await get('/oruk/services?search=naloxone', 'service_list')) as { contents: { name: string }[] };
  assert.ok(search.contents.length > 0 && search.contents.every((s) => s.name === 'Naloxone training'));
});

test('unknown ids give 404 in JSON, with CORS', async () => {
  for (const path of ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await t.app.inject({ url: `/oruk/${path}/${id}` });
      assert.equal(res.statusCode, 404, `${path}/${id}`);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'not_found');
      assert.equal(res.headers['access-control-allow-origin'], '*');
    }
  }
});
