// Where to go after signing in: only a path that a browser, after its own normalisation (tabs
// and newlines dropped, backslashes read as slashes), still takes to this site.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { safeNextPath } from './forms.ts';

const BASE = 'http://localhost:3000';

const offSite = [
  '//evil.example',
  '///evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  '/\t\\evil.example',
  'https://evil.example/',
  'http:evil.example',
  'javascript:alert(1)',
  'data:text/html,hi',
  'http://localhost:3000@evil.example/',
  '\u0000//evil.example',
  '\u001f//evil.example',
  'evil.example',
];

describe('safeNextPath', () => {
  for (const next of offSite) {
    test(`refuses ${JSON.stringify(next)}`, () => assert.equal(safeNextPath(next, BASE), '/account'));
  }
  test('keeps paths on this site, with their query and fragment', () => {
    assert.equal(safeNextPath('/orgs/harbour?tab=team#people', BASE), '/orgs/harbour?tab=team#people');
    assert.equal(safeNextPath('/search?q=a//b', BASE), '/search?q=a//b');
    assert.equal(safeNextPath(`${BASE}/account`, BASE), '/account', 'this site, written in full');
  });
  test('gives back the normalised form, which holds no control characters or raw Unicode', () => {
    assert.equal(safeNextPath('/acc\tount', BASE), '/account');
    assert.equal(safeNextPath('/café €', BASE), '/caf%C3%A9%20%E2%82%AC');
    assert.equal(safeNextPath('/x\u2028y', BASE), '/x%E2%80%A8y');
  });
  test('anything that is not a string is the fallback', () => {
    for (const v of [undefined, null, 3, ['/a'], {}]) assert.equal(safeNextPath(v, BASE, '/'), '/');
  });
});

describe('through sign-in', () => {
  let t: TestApp;
  let signedIn: Client;
  let email: string;
  before(async () => {
    t = await startTestApp();
    email = (await buildPerson(t.database.db)).email;
    signedIn = new Client(t.app);
    await signedIn.signIn(email, TEST_PASSWORD);
  });
  after(() => t.close());

  // A NUL byte anywhere in a request is refused outright (400) before any route runs: also safe.
  const refusedOrSameSite = (res: { statusCode: number; headers: Record<string, unknown> }, input: string) => {
    if (input.includes('\u0000') || /%00/i.test(input)) {
      assert.equal(res.statusCode, 400, `a NUL byte is refused, answered ${res.statusCode}`);
      assert.equal(res.headers.location, undefined);
      return;
    }
    assert.equal(res.statusCode, 303, `answered ${res.statusCode}`);
    assert.ok(sameSite(res.headers.location), `went to ${JSON.stringify(res.headers.location)}`);
  };
  const sameSite = (location: unknown) =>
    new URL(String(location), BASE).origin === BASE && !/[\u0000-\u001f\\]/.test(String(location));
  // As they arrive in the query string: raw, percent-encoded, doubly encoded.
  const encoded = [
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0d%0a/evil.example',
    '%2F%2Fevil.example',
    '%2F%5Cevil.example',
    '%5C%5Cevil.example',
    '/%5Cevil.example',
    '%09%2F%2Fevil.example',
    '/%2509/evil.example',
    '%252F%252Fevil.example',
    'https:%2F%2Fevil.example',
    '/caf%C3%A9',
    '/%E2%82%AC',
    '/%E2%80%AE',
    '/%ED%A0%80',
    '/%00',
  ];

  for (const q of encoded) {
    test(`GET /sign-in?next=${q} while signed in stays on this site`, async () => {
      refusedOrSameSite(await signedIn.get(`/sign-in?next=${q}`), q);
    });
  }

  for (const next of [...offSite, '/\r/account', '/€uro', '/\u202eevil']) {
    test(`POST /sign-in with next=${JSON.stringify(next)} stays on this site`, async () => {
      refusedOrSameSite(await new Client(t.app).post('/sign-in', { email, password: TEST_PASSWORD, next }), next);
    });
  }
});
