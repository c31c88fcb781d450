// Read-only API tokens and /api/v1, through HTTP: made on the pages by a lead or a coordinator,
// shown once and stored hashed; expiry, revocation and replay refused at once; last use noted;
// a per-token limit that a concurrent burst can't pass; an org token that sees nothing of
// another organisation on any /api/v1 route; hostile Authorization headers never a 500.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, test } from 'node:test';
import { hashToken } from '../../platform/auth/tokens.ts';
import { API_REQUESTS_PER_WINDOW } from '../../platform/auth/api-tokens.ts';
import { appModules } from '../../app.ts';
import { seedDemo } from '../demo/index.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let orgA: { id: string; slug: string; name: string };
let orgB: { id: string; slug: string; name: string };
let leadA: Client;
let leadB: Client;
let workerA: Client;
let coordinator: Client;

async function personId(email: string) {
  return (await t.database.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;
}
async function orgOfPerson(email: string) {
  return t.database.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('p.email', '=', email)
    .executeTakeFirstOrThrow();
}
async function clientFor(email: string) {
  const c = new Client(t.app);
  await c.signInAs(t.database.db, await personId(email));
  return c;
}

/** Makes a token on a tokens page and returns it as the page showed it. */
async function makeToken(c: Client, base: string, fields: Record<string, string>) {
  await c.get(base);
  const res = await c.post(base, { expires_in_days: '90', ...fields });
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  const token = /rcapi_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0];
  assert.ok(token, 'the new token is on the page');
  return token;
}

const api = (url: string, token?: string, headers: Record<string, string | string[]> = {}) =>
  t.app.inject({ url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

let orgTokenA: string;
let networkToken: string;

before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
  orgA = await orgOfPerson('lead@demo.example');
  orgB = await orgOfPerson('lead.manchester@demo.example');
  leadA = await clientFor('lead@demo.example');
  leadB = await clientFor('lead.manchester@demo.example');
  workerA = await clientFor('worker@demo.example');
  coordinator = await clientFor('coordinator@demo.example');
  orgTokenA = await makeToken(leadA, `/orgs/${orgA.slug}/api-tokens`, { name: 'Council directory', scope: 'org' });
  networkToken = await makeToken(coordinator, '/network/api-tokens', { name: 'Research', scope: 'network' });
});
after(() => t.close());

test('a token is shown once, stored only as its hash, and its making is audited', async () => {
  const page = await leadA.get(`/orgs/${orgA.slug}/api-tokens`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Council directory/);
  assert.doesNotMatch(page.body, /rcapi_/, 'the list never shows a token again');
  const row = await t.database.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(orgTokenA))
    .executeTakeFirstOrThrow();
  assert.equal(row.scope, 'org');
  assert.equal(row.org_id, orgA.id);
  assert.ok(row.expires_at.getTime() > Date.now() + 89 * 86_400_000);
  const everything = JSON.stringify(await t.database.db.selectFrom('api_tokens').selectAll().execute());
  assert.ok(!everything.includes(orgTokenA.slice(6)), 'no column holds the token');
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'org_id'])
    .where('subject_id', '=', row.id)
    .execute();
  assert.deepEqual(audit, [{ action: 'api_token.created', org_id: orgA.id }]);
  const res = await leadA.post(`/orgs/${orgA.slug}/api-tokens`, { name: 'x', scope: 'public', expires_in_days: '90' });
  assert.equal(res.headers['cache-control'], 'private, no-store', 'the page with a token is never cached');
});

test('who may make tokens: a lead for their organisation, a coordinator for the network', async () => {
  assert.equal((await workerA.get(`/orgs/${orgA.slug}/api-tokens`)).statusCode, 404);
  assert.equal((await leadB.get(`/orgs/${orgA.slug}/api-tokens`)).statusCode, 404);
  assert.equal((await leadA.get('/network/api-tokens')).statusCode, 403);
  // A lead can't make a network token, nor a coordinator an org one, even by hand.
  await leadA.get(`/orgs/${orgA.slug}/api-tokens`);
  const lead = await leadA.post(`/orgs/${orgA.slug}/api-tokens`, {
    name: 'n',
    scope: 'network',
    expires_in_days: '30',
  });
  assert.equal(lead.statusCode, 400);
  assert.match(lead.body, /Choose what the token may read/);
  await coordinator.get('/network/api-tokens');
  const coord = await coordinator.post('/network/api-tokens', { name: 'o', scope: 'org', expires_in_days: '30' });
  assert.equal(coord.statusCode, 400);
  // no name, no expiry: one message per field, what was typed kept
  const empty = await leadA.post(`/orgs/${orgA.slug}/api-tokens`, { name: '', scope: 'org', expires_in_days: '7' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Give the token a name/);
  assert.match(empty.body, /Choose how long the token lasts/);
  // without a CSRF token the form is refused
  const forged = await leadA.post(
    `/orgs/${orgA.slug}/api-tokens`,
    { name: 'f', scope: 'org', expires_in_days: '30' },
    {
      csrf: false,
    },
  );
  assert.equal(forged.statusCode, 403);
});

test('scopes: no token 401, wrong scope 403, right scope 200; last use is noted', async () => {
  const none = await api('/api/v1/organisation/figures');
  assert.equal(none.statusCode, 401);
  assert.equal(none.json().error.code, 'unauthenticated');
  assert.match(String(none.headers['www-authenticate']), /^Bearer/);
  assert.equal((await api('/api/v1/network/figures')).statusCode, 401);
  assert.equal((await api('/api/v1/network/figures', orgTokenA)).statusCode, 403);
  assert.equal((await api('/api/v1/organisation/figures', networkToken)).json().error.code, 'forbidden');
  const mine = await api('/api/v1/organisation/figures', orgTokenA);
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.json().organisation.slug, orgA.slug);
  assert.equal(mine.headers['cache-control'], 'private, no-store');
  assert.ok(mine.json().reach.participants > 0, 'the demo organisation has figures');
  const network = await api('/api/v1/network/figures', networkToken);
  assert.equal(network.statusCode, 200);
  assert.ok(Array.isArray(network.json().measures));
  const row = await t.database.db
    .selectFrom('api_tokens')
    .select('last_used_at')
    .where('token_hash', '=', hashToken(orgTokenA))
    .executeTakeFirstOrThrow();
  assert.ok(row.last_used_at && Date.now() - row.last_used_at.getTime() < 60_000);
});

test('public endpoints answer without a token, and refuse a token that is not live', async () => {
  for (const url of ['/api/v1/events', '/api/v1/library', '/api/v1/consultations', '/api/v1/directory']) {
    const res = await api(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['access-control-allow-origin'], '*', url);
    assert.equal((await api(url, `rcapi_${'x'.repeat(43)}`)).statusCode, 401, url);
  }
  const library = (await api('/api/v1/library')).json() as { resources: { url: string }[] };
  assert.ok(library.resources.length > 0);
  const { consultations } = (await api('/api/v1/consultations')).json() as {
    consultations: { id: string; results: { enough: boolean; statements: unknown[]; groups: unknown[] } | null }[];
  };
  assert.ok(consultations.length > 0, 'the demo has public consultations');
  for (const c of consultations) {
    // results only where the public results page shows them to anyone, and more than counts only when it does
    const page = await t.app.inject({ url: `/voice/consultations/${c.id}/results` });
    assert.equal(page.statusCode === 200, c.results !== null, `consultation ${c.id}`);
    if (c.results && !c.results.enough) assert.deepEqual([c.results.statements, c.results.groups], [[], []]);
  }
});

test("an org token for A reads nothing of B's on any /api/v1 route", async () => {
  const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method === 'GET');
  assert.ok(routes.length >= 7);
  const orgTokenB = await makeToken(leadB, `/orgs/${orgB.slug}/api-tokens`, { name: 'B', scope: 'org' });
  const bFigures = (await api('/api/v1/organisation/figures', orgTokenB)).json();
  assert.equal(bFigures.organisation.slug, orgB.slug);
  for (const r of routes) {
    if (r.access.kind !== 'api') assert.fail(`${r.url} is not declared with an API rule`);
    const withA = await api(r.url, orgTokenA);
    const anonymous = await api(r.url);
    if (r.access.scope === 'public') {
      // what anyone may read, no more: the token adds nothing
      assert.equal(withA.statusCode, 200, r.url);
      assert.equal(withA.body, anonymous.body, `${r.url} shows an org token only what anyone sees`);
    } else if (r.access.scope === 'org') {
      assert.equal(withA.statusCode, 200, r.url);
      const body = withA.json();
      assert.equal(body.organisation.slug, orgA.slug);
      assert.doesNotMatch(withA.body, new RegExp(orgB.name), r.url);
      assert.notDeepEqual(body.reach, bFigures.reach);
      // the query string can't choose another organisation
      for (const q of [`?org=${orgB.slug}`, `?org_id=${orgB.id}`, `?organisation=${orgB.slug}`]) {
        assert.equal((await api(`${r.url}${q}`, orgTokenA)).body, withA.body, `${r.url}${q}`);
      }
    } else {
      assert.equal(withA.statusCode, 403, r.url);
      assert.doesNotMatch(withA.body, new RegExp(orgB.name), r.url);
    }
  }
});

test('revocation is refused from the very next request, and a replay stays refused', async () => {
  const token = await makeToken(leadA, `/orgs/${orgA.slug}/api-tokens`, { name: 'Short lived', scope: 'org' });
  assert.equal((await api('/api/v1/organisation/figures', token)).statusCode, 200);
  const row = await t.database.db
    .selectFrom('api_tokens')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirstOrThrow();
  // B's lead can't revoke A's token
  await leadB.get(`/orgs/${orgB.slug}/api-tokens`);
  assert.equal((await leadB.post(`/orgs/${orgB.slug}/api-tokens/${row.id}/revoke`)).statusCode, 404);
  assert.equal((await api('/api/v1/organisation/figures', token)).statusCode, 200);
  await leadA.get(`/orgs/${orgA.slug}/api-tokens`);
  const revoke = await leadA.post(`/orgs/${orgA.slug}/api-tokens/${row.id}/revoke`);
  assert.equal(revoke.statusCode, 303);
  for (let i = 0; i < 3; i++) {
    const res = await api('/api/v1/organisation/figures', token);
    assert.equal(res.statusCode, 401);
    assert.match(String(res.headers['www-authenticate']), /invalid_token/);
  }
  assert.equal((await api('/api/v1/events', token)).statusCode, 401, 'not even public data with a revoked token');
  // revoking again: it is not there to revoke
  await leadA.get(`/orgs/${orgA.slug}/api-tokens`);
  assert.equal((await leadA.post(`/orgs/${orgA.slug}/api-tokens/${row.id}/revoke`)).statusCode, 404);
  assert.equal((await leadA.post(`/orgs/${orgA.slug}/api-tokens/not-a-uuid/revoke`)).statusCode, 404);
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', row.id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['api_token.created', 'api_token.revoked'],
  );
  const page = await leadA.get(`/orgs/${orgA.slug}/api-tokens`);
  assert.match(page.body, /Revoked/);
});

test('an expired token is refused', async () => {
  const token = await makeToken(coordinator, '/network/api-tokens', { name: 'Expiring', scope: 'public' });
  assert.equal((await api('/api/v1/events', token)).statusCode, 200);
  await t.database.db
    .updateTable('api_tokens')
    .set({ created_at: new Date(Date.now() - 2000), expires_at: new Date(Date.now() - 1000) })
    .where('token_hash', '=', hashToken(token))
    .execute();
  assert.equal((await api('/api/v1/events', token)).statusCode, 401);
  assert.match((await coordinator.get('/network/api-tokens')).body, /Expired/);
});

test('each token has its own limit: a concurrent burst lets exactly the limit through', async () => {
  const token = await makeToken(coordinator, '/network/api-tokens', { name: 'Burst', scope: 'public' });
  const burst = await Promise.all(
    Array.from({ length: API_REQUESTS_PER_WINDOW + 30 }, () => api('/api/v1/events', token)),
  );
  const codes = burst.map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 200).length, API_REQUESTS_PER_WINDOW);
  assert.equal(codes.filter((c) => c === 429).length, 30);
  const limited = burst.find((r) => r.statusCode === 429)!;
  assert.equal(limited.json().error.code, 'too_many_requests');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  // another token, and callers without one, are not held back by it
  assert.equal((await api('/api/v1/events', networkToken)).statusCode, 200);
  assert.equal((await api('/api/v1/events')).statusCode, 200);
});

test('hostile Authorization headers are refused as invalid tokens, never a 500', async () => {
  const good = orgTokenA;
  const hostile: (string | string[])[] = [
    '',
    'Bearer',
    'Bearer ',
    `Bearer ${'A'.repeat(100_000)}`,
    `Bearer ${good}\u0000`,
    `Bearer ${good.slice(0, 20)}\u0000${good.slice(20)}`,
    `Bearer ${good}, Bearer ${networkToken}`,
    `Bearer ${good} ${networkToken}`,
    `Bearer  ${good}`,
    `Basic ${Buffer.from(`x:${good}`).toString('base64')}`,
    `Token ${good}`,
    `Bearer ${good}é`,
    `Bearer '${good}'`,
    "Bearer ' or 1=1 --",
    `Bearer rcapi_${'%00'.repeat(20)}`,
    [`Bearer ${good}`, `Bearer ${networkToken}`],
  ];
  for (const header of hostile) {
    for (const url of ['/api/v1/organisation/figures', '/api/v1/events', '/api/v1/directory']) {
      let res: LightMyRequestResponse;
      try {
        // an array sends the header twice
        res = await t.app.inject({ url, headers: { authorization: header as string } });
      } catch {
        continue; // refused by the HTTP layer itself (a header Node won't send)
      }
      const label = `${url} with ${JSON.stringify(header).slice(0, 60)}`;
      assert.ok(res.statusCode < 500, `${label}: ${res.statusCode}`);
      assert.ok([400, 401].includes(res.statusCode), `${label}: ${res.statusCode}`);
      assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
    }
  }
  // the scheme is case-insensitive, as RFC 9110 says
  assert.equal(
    (await api('/api/v1/organisation/figures', undefined, { authorization: `bearer ${good}` })).statusCode,
    200,
  );
});
