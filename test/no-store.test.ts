// Signed-in pages are never kept by a browser or a cache between: on a shared laptop, the back
// button after signing out must not show the last person's participants.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildOrg, buildPerson } from './support/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('every page a signed-in person sees is sent with no-store; anonymous pages are not', async () => {
  const org = await buildOrg(t.database.db);
  const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const c = new Client(t.app);
  const anonymous = await c.get('/');
  assert.equal(anonymous.statusCode, 200);
  assert.equal(anonymous.headers['cache-control'], undefined);

  await c.signInAs(t.database.db, lead.id);
  for (const url of ['/', `/orgs/${org.slug}`, `/orgs/${org.slug}/evidence/participants`, '/account']) {
    const res = await c.get(url);
    assert.ok(res.statusCode < 500, `${url} answered ${res.statusCode}`);
    assert.equal(res.headers['cache-control'], 'private, no-store', url);
  }
});

test('a route that sets its own caching keeps it, signed in or not', async () => {
  const person = await buildPerson(t.database.db);
  const c = new Client(t.app);
  await c.signInAs(t.database.db, person.id);
  const css = await c.get('/assets/styles.css');
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['cache-control'], 'public, max-age=86400');
});
