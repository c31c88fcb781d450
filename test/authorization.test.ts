// Every route of the app, enumerated from the app itself: each non-public route refuses an
// anonymous visitor, and each organisation route refuses a member of another organisation
// (404, so addresses reveal nothing). A new route without an access rule stops the app from
// starting at all, which the last test proves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import { registerAccessControl } from '../src/platform/http/access.ts';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from './support/factories.ts';

let t: TestApp;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let personInA: Awaited<ReturnType<typeof buildPerson>>;
let memberOfB: Client;
let anonymous: Client;
let leadOfA: Client;

before(async () => {
  t = await startTestApp({ demo: true });
  orgA = await buildOrg(t.database.db, { name: 'Organisation A' });
  const orgB = await buildOrg(t.database.db, { name: 'Organisation B' });
  const leadA = await buildPerson(t.database.db, { memberships: [{ orgId: orgA.id, role: 'lead' }] });
  personInA = await buildPerson(t.database.db, {
    name: 'Secret Person Of A',
    memberships: [{ orgId: orgA.id, role: 'volunteer' }],
  });
  const leadB = await buildPerson(t.database.db, { memberships: [{ orgId: orgB.id, role: 'lead' }] });
  memberOfB = new Client(t.app);
  await memberOfB.signIn(leadB.email, TEST_PASSWORD);
  leadOfA = new Client(t.app);
  await leadOfA.signIn(leadA.email, TEST_PASSWORD);
  anonymous = new Client(t.app);
});
after(() => t.close());

/** Fills a route's parameters: A's organisation, a person of A, a made-up token. */
function urlFor(pattern: string): string {
  return pattern
    .replace(':org', orgA.slug)
    .replace(':person', personInA.id)
    .replace(':token', 'A'.repeat(43))
    .replace(':file', 'styles.css')
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
}

function send(c: Client, method: string, url: string) {
  return method === 'GET' ? c.get(url) : c.post(url, {});
}

test('the app has routes of every kind to check', () => {
  const kinds = new Set(t.app.routeTable.map((r) => r.access.kind));
  for (const k of ['public', 'signed-in', 'org', 'network']) assert.ok(kinds.has(k as never), `a ${k} route exists`);
  assert.ok(t.app.routeTable.length >= 20);
});

test('every non-public route refuses an anonymous visitor', async () => {
  const open = (a: (typeof t.app.routeTable)[number]['access']) =>
    a.kind === 'public' || (a.kind === 'api' && a.scope === 'public');
  for (const r of t.app.routeTable.filter((r) => !open(r.access))) {
    const res = await send(anonymous, r.method, urlFor(r.url));
    // The API answers JSON by token, never a sign-in page: 401 without one.
    if (r.access.kind === 'api') {
      assert.equal(res.statusCode, 401, `${r.method} ${r.url} answered an anonymous caller with ${res.statusCode}`);
      assert.equal(res.json().error.code, 'unauthenticated');
      continue;
    }
    const refused =
      r.method === 'GET'
        ? res.statusCode === 303 && String(res.headers.location).startsWith('/sign-in')
        : res.statusCode === 401;
    assert.ok(refused, `${r.method} ${r.url} answered an anonymous visitor with ${res.statusCode}`);
  }
});

test("every organisation route refuses a member of another organisation, and shows nothing of A's", async () => {
  const orgRoutes = t.app.routeTable.filter((r) => r.access.kind === 'org');
  assert.ok(orgRoutes.length >= 5);
  for (const r of orgRoutes) {
    const res = await send(memberOfB, r.method, urlFor(r.url));
    assert.equal(res.statusCode, 404, `${r.method} ${r.url} answered a member of B with ${res.statusCode}`);
    assert.doesNotMatch(res.body, /Secret Person Of A/);
  }
  // nothing was changed by those attempts
  const m = await t.database.db
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', personInA.id)
    .executeTakeFirstOrThrow();
  assert.equal(m.role, 'volunteer');
});

test('every network route refuses someone without a network role', async () => {
  for (const r of t.app.routeTable.filter((r) => r.access.kind === 'network')) {
    const res = await send(memberOfB, r.method, urlFor(r.url));
    assert.equal(res.statusCode, 403, `${r.method} ${r.url} answered ${res.statusCode}`);
  }
});

test('the same organisation routes do open for the right person (the check is not vacuous)', async () => {
  const res = await leadOfA.get(`/orgs/${orgA.slug}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Secret Person Of A/);
});

test('a route that declares no access rule stops the app from starting', async () => {
  const app = Fastify();
  registerAccessControl(app, { findOrgBySlug: async () => undefined });
  assert.throws(() => app.get('/forgotten', async () => 'oops'), /declares no access rule/);
  await app.close();
});
