// The OpenAPI document: valid OpenAPI 3.1, and exactly the /api/v1 routes the app has.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

test('GET /api/v1/openapi.json is a valid OpenAPI 3.1 document, without a token', async () => {
  const res = await t.app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /application\/json/);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  const result = await new Validator().validate(doc);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.equal(doc.components.securitySchemes.bearerToken.scheme, 'bearer');
});

test("the document's paths are exactly the app's /api/v1 routes, each with its method", async () => {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const registered = t.app.routeTable
    .filter((r) => r.url.startsWith('/api/v1/'))
    .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`)
    .sort();
  const documented = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((k) => k !== 'parameters')
        .map((m) => `${m} ${path}`),
    )
    .sort();
  assert.deepEqual(documented, registered);
  assert.ok(registered.includes('get /api/v1/directory'));
  assert.ok(registered.length >= 7);
  // nothing outside the API leaks into it
  assert.ok(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1/')));
});

test('every documented operation says what it answers and who may call it', async () => {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<string, { security?: unknown[]; responses: Record<string, unknown>; summary?: string }>
    >;
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const name = `${method} ${path}`;
      assert.ok(op.summary, `${name} has a summary`);
      assert.ok(op.responses['200'], `${name} documents its 200`);
      assert.ok(op.responses['401'], `${name} documents its 401`);
      assert.ok(Array.isArray(op.security), `${name} says how it is authorised`);
    }
  }
  assert.ok(doc.paths['/api/v1/network/figures']!.get!.responses['403']);
  assert.deepEqual(doc.paths['/api/v1/network/figures']!.get!.security, [{ bearerToken: [] }]);
  // a public one works without a token too
  assert.deepEqual(doc.paths['/api/v1/events']!.get!.security, [{}, { bearerToken: [] }]);
  const params = (doc.paths['/api/v1/directory']!.get as unknown as { parameters: { name: string }[] }).parameters;
  assert.deepEqual(params.map((p) => p.name).sort(), [
    'day',
    'mode',
    'near',
    'page',
    'per_page',
    'q',
    'radius_km',
    'type',
  ]);
});
