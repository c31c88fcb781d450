// Fuzzing every route of the app, enumerated from the app itself (as the authorisation test
// does): hostile query strings on every GET, hostile form fields on every POST (signed in as
// someone who can reach most pages, with a CSRF token), and never a 500. Deterministic (a fixed
// seed) and small (a few runs per route), because CI runs the suite on both engines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildOrg, buildPerson } from './support/factories.ts';
import { HOSTILE } from './fuzz/support.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let personId: string;
let memberId: string;
before(async () => {
  t = await startTestApp({ demo: true });
  org = await buildOrg(t.database.db, { name: 'Fuzz Organisation' });
  personId = (
    await buildPerson(t.database.db, { networkRole: 'coordinator', memberships: [{ orgId: org.id, role: 'lead' }] })
  ).id;
  memberId = (await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'volunteer' }] })).id;
});
after(() => t.close());

const urlFor = (pattern: string) =>
  pattern
    .replace(':org', org.slug)
    .replace(':person', memberId)
    .replace(':token', 'A'.repeat(43))
    .replace(':file', 'styles.css')
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

/** Inputs that broke things before, or break parsers generally. */
const KEYS = [
  'q',
  'next',
  'page',
  'near',
  'sort',
  'type',
  'kind',
  'status',
  'from',
  'to',
  'year',
  'measure',
  'instrument',
  'area',
  'email',
  'name',
  'role',
  'title',
  'date',
  'id',
  'tag',
  'format',
  'limit',
  'offset',
  'lat',
  'lng',
  'postcode',
  '__proto__',
];

const value = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ minLength: 1, maxLength: 8 })), value, {
  maxKeys: 5,
});

/** Percent-encodes as a browser would (a lone surrogate goes as U+FFFD), plus a raw '%' now and then. */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
const query = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, v]) => `${enc(k)}=${v.startsWith('%') ? v : enc(v)}`)
    .join('&');

const RUNS = 3;
const SKIP = new Set(['POST /sign-out', 'POST /sign-out/everywhere']);

test('no route answers hostile query strings or form fields with a 500', { timeout: 300_000 }, async () => {
  const routes = t.app.routeTable.filter(
    (r) => (r.method === 'GET' || r.method === 'POST') && !SKIP.has(`${r.method} ${r.url}`),
  );
  assert.ok(routes.length >= 50, `${routes.length} routes`);
  const failures: string[] = [];
  const postStatuses = new Set<number>();
  let i = 0;
  for (const r of routes) {
    const c = new Client(t.app);
    await c.signInAs(t.database.db, personId);
    const url = urlFor(r.url);
    const csrf =
      r.method === 'POST' ? enc(/name="_csrf" value="([^"]+)"/.exec((await c.get('/account')).body)?.[1] ?? '') : '';
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        const res =
          r.method === 'GET'
            ? await c.request({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}${query(f)}` })
            : await c.request({
                method: 'POST',
                url,
                payload: `_csrf=${csrf}&${query(f)}`,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
              });
        if (r.method === 'POST') postStatuses.add(res.statusCode);
        if (res.statusCode >= 500) failures.push(`${r.method} ${r.url} ${JSON.stringify(f)} → ${res.statusCode}`);
        return true;
      }),
      {
        numRuns: RUNS,
        seed: 20260 + i++,
        // Every route also gets the known troublemakers in the fields that matter most.
        examples: [
          [{ q: '\u0000' }],
          [{ q: '------' }],
          [{ next: '/\r\n/x', q: '\ud800' }],
          [{ page: '%', sort: '\u202e' }],
        ],
      },
    );
  }
  assert.deepEqual(failures, [], failures.slice(0, 30).join('\n'));
  // The forms were really reached (CSRF accepted), not all turned away at the door.
  assert.ok(
    [...postStatuses].some((s) => s !== 403),
    `POSTs answered ${[...postStatuses].join(', ')}`,
  );
});
