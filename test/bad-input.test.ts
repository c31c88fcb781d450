// Bad input gets a clear message and the right status, and writes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildPerson } from './support/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const countAttempts = async () =>
  (await t.database.db.selectFrom('rate_limit_counters').select('key').execute()).length;

test('an oversized form body is refused with 413 and a plain page', async () => {
  const c = new Client(t.app);
  await c.get('/sign-in');
  const before = await countAttempts();
  const res = await c.request({
    method: 'POST',
    url: '/sign-in',
    payload: `email=a%40b.example&password=${'x'.repeat(2 * 1024 * 1024)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 413);
  assert.match(res.body, /larger than we accept/);
  assert.equal(await countAttempts(), before);
});

test('a malformed JSON body is refused with 400', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: '{"email": ',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /could not read/);
});

test('a body in a format we do not take is refused with 415', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: '<a/>',
    headers: { 'content-type': 'application/xml' },
  });
  assert.equal(res.statusCode, 415);
});

test('an unknown page is a friendly 404, and JSON clients get JSON', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/no/such/page' });
  assert.equal(page.statusCode, 404);
  assert.match(page.body, /We couldn.t find that page/);
  const json = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
  assert.equal(json.statusCode, 404);
  assert.equal(json.json().error.code, 'not_found');
});

test('a person id that is not an id is a 404, not a database error', async () => {
  const org = await t.database.db
    .insertInto('organisations')
    .values({ slug: 'bad-input-org', name: 'Bad Input Org', status: 'member' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signIn(lead.email, 'correct horse battery');
  const res = await c.post('/orgs/bad-input-org/team/not-a-uuid/role', { role: 'worker' });
  assert.equal(res.statusCode, 404);
});

test('health check reports the engine and migration version', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.database, t.database.kind);
  assert.ok(body.migration >= 1);
  assert.equal(body.jobs.state, 'sending', 'a test app queues jobs but runs none until started');
});

test('pages carry security headers', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/' });
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
});

test('an unexpected error is a plain 500 page: no stack trace, no detail', async () => {
  const { buildApp } = await import('../src/app.ts');
  const { access } = await import('../src/platform/http/access.ts');
  const app = await buildApp({ config: t.config, database: t.database, mailer: t.mailer, logger: false });
  app.get('/boom', { config: { access: access.public } }, async () => {
    throw new Error('secret internal detail');
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  assert.equal(res.statusCode, 500);
  assert.match(res.body, /Sorry, something went wrong on our side/);
  assert.doesNotMatch(res.body, /secret internal detail|at .*\.ts/);
  await app.close();
});
