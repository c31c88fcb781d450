// Fuzzing every route of the app (issue 16 item 2). Routes come from the app's own route table
// (collected by the access layer's onRoute hook), so a new route is fuzzed without anyone adding
// it here. Path parameters are filled with real values harvested by crawling the seeded demo as a
// lead and a coordinator (every link and form action is matched against the route table), and with
// junk. Each route gets hostile query strings, urlencoded forms, JSON and multipart bodies, as an
// anonymous visitor and as the demo's lead and coordinator with a valid CSRF token, and for every
// response: no 5xx, no stack trace or internal path, and a refused request (4xx) changes no table.
//
// Deterministic: each batch (route × actor × kind of body) has its own seed, derived from
// FUZZ_SEED (default below) and the batch's name. A failure prints the line to replay it:
//   FUZZ_SEED=… FUZZ_ONLY='POST /orgs/:org/profile lead form' node --import tsx --test test/fuzz/routes.fuzz.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { appModules } from '../../src/app.ts';
import { seedDemo } from '../../src/modules/demo/index.ts';
import { Client, startTestApp, type TestApp } from '../support/app.ts';
import {
  batchSeed,
  changedTables,
  checksum,
  compileRoute,
  enc,
  fillRoute,
  harvest,
  joinPairs,
  jsonBody,
  junkParam,
  leakIn,
  multipartBody,
  routeKey,
  tableState,
  wirePairs,
  writeMark,
  type Harvest,
  type Multipart,
  type RoutePattern,
} from './support.ts';

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 160_2026);
/** "METHOD /url actor kind", or a prefix of it, to replay one batch. */
const ONLY = process.env.FUZZ_ONLY;
/** Cases per route, actor and kind of input; FUZZ_SCALE=10 for a longer hunt than CI's. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = { query: 5 * SCALE, form: 3 * SCALE, json: SCALE, multipart: SCALE } as const;
type Kind = keyof typeof RUNS;

/**
 * Tables a refused request may legitimately write, left out of the checksum:
 * - sessions: signing in (between batches) and the idle-timeout touch of last_seen_at;
 * - rate_limit_counters, sign_in_attempts: a refused sign-in, reset or join counts towards its throttle;
 *   that is the point of counting.
 */
const VOLATILE = new Set(['sessions', 'rate_limit_counters', 'sign_in_attempts']);
/**
 * Rows that count in a table a refusal may still write: the audit log keeps every view of personal
 * data, and a refused form is answered with its page again (a participant's record, an event's
 * register), which is such a view. Every other audit entry (a change, an export) must not appear.
 */
const COUNTED_ROWS: Record<string, string> = {
  audit_log: `action not like '%.viewed' and action not like '%.view' and action <> 'self_completion.progress_shown'`,
};

const LEAD = 'lead@demo.example';
const COORDINATOR = 'coordinator@demo.example';
const LEAD_ORG = 'leeds-recovery-cafe';

let t: TestApp;
let routes: RoutePattern[];
let found: Harvest;

interface Actor {
  name: 'anonymous' | 'lead' | 'coordinator';
  personId?: string;
  client: Client;
  csrf: string;
}
const actors: Actor[] = [];

async function signIn(actor: Actor) {
  actor.client = new Client(t.app);
  if (actor.personId) await actor.client.signInAs(t.database.db, actor.personId);
  const page = await actor.client.get(actor.personId ? '/account' : '/sign-in');
  actor.csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  assert.ok(actor.csrf, `a CSRF token for ${actor.name}`);
}

before(async () => {
  // FUZZ_LOG=error shows the error behind a 500 while replaying.
  t = await startTestApp({
    demo: true,
    logger: Boolean(process.env.FUZZ_LOG),
    env: { LOG_LEVEL: process.env.FUZZ_LOG ?? 'silent' },
  });
  await seedDemo(t.database.db, appModules(t.database));
  routes = t.app.routeTable.map((r) => compileRoute(r.method, r.url));
  for (const [name, email] of [
    ['anonymous', undefined],
    ['lead', LEAD],
    ['coordinator', COORDINATOR],
  ] as const) {
    const person = email
      ? await t.database.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()
      : undefined;
    const actor: Actor = { name, personId: person?.id, client: new Client(t.app), csrf: '' };
    await signIn(actor);
    actors.push(actor);
  }
  const start = [
    '/dev/outbox',
    ...t.app.routeTable
      .filter((r) => r.method === 'GET' && !/:(?!org\b)[a-zA-Z]+/.test(r.url))
      .map((r) => r.url.replace(':org', LEAD_ORG)),
  ];
  found = await harvest(
    actors.filter((a) => a.personId).map((a) => a.client),
    routes,
    start,
    { maxPages: 400, skip: /^\/sign-out|\.(pdf|docx|csv|ics|png|xlsx)(\?|$)|\/(remove|delete|erase)(\?|$)/ },
  );
});
after(() => t.close());

/** Path parameters: mostly a real assignment from the crawl, sometimes junk in one or all places. */
function pathArb(route: RoutePattern): fc.Arbitrary<string> {
  const real = found.params.get(routeKey(route.method, route.url)) ?? [];
  const fallback = (p: string) =>
    p === 'org' || p === 'slug' ? LEAD_ORG : p === 'file' ? 'styles.css' : '00000000-0000-4000-8000-000000000000';
  const assignments = real.length ? real : [route.params.map(fallback)];
  const realArb = fc.constantFrom(...assignments).map((vs) => vs.map((v) => encodeURIComponent(v)));
  const mixed = fc
    .tuple(
      realArb,
      fc.array(fc.option(junkParam, { freq: 2 }), { minLength: route.params.length, maxLength: route.params.length }),
    )
    .map(([vs, junk]) => vs.map((v, i) => junk[i] ?? v));
  if (route.params.length === 0) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(route.url) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('/' + 'a'.repeat(8000), '/x'.repeat(3000), '%ff', '/%00', '//')
          .map((s) => route.url.replace(/\/$/, '') + s),
      },
    );
  }
  return fc.oneof(
    { weight: 6, arbitrary: realArb.map((vs) => fillRoute(route, vs)) },
    { weight: 3, arbitrary: mixed.map((vs) => fillRoute(route, vs)) },
    { weight: 1, arbitrary: realArb.map((vs) => fillRoute(route, vs) + '/' + 'a'.repeat(8000)) },
  );
}

interface Case {
  path: string;
  query: string;
  body?: { payload: string | Buffer; contentType: string };
}

function caseArb(route: RoutePattern, kind: Kind, csrf: string): fc.Arbitrary<Case> {
  const fields = found.fields.get(routeKey(route.method, route.url));
  const query =
    kind === 'query'
      ? wirePairs(fields, 'query').map(joinPairs)
      : fc.option(wirePairs(undefined, 'query').map(joinPairs), { freq: 3, nil: '' });
  const body: fc.Arbitrary<Case['body']> =
    kind === 'query'
      ? fc.constant(undefined)
      : kind === 'form'
        ? fc.tuple(wirePairs(fields, 'body'), fc.boolean()).map(([pairs, rawBytes]) => {
            const text = `_csrf=${enc(csrf)}&${joinPairs(pairs)}`;
            // Bytes that are not UTF-8 at all, unescaped, in a field the form has.
            const payload = rawBytes
              ? Buffer.concat([
                  Buffer.from(`${text}&${enc([...(fields?.keys() ?? ['q'])][0] ?? 'q')}=`),
                  Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00, 0x80]),
                ])
              : text;
            return { payload, contentType: 'application/x-www-form-urlencoded' };
          })
        : kind === 'json'
          ? jsonBody(fields, csrf).map((payload) => ({ payload, contentType: 'application/json' }))
          : multipartBody(fields).map((m: Multipart) => m);
  return fc.record({ path: pathArb(route), query, body });
}

/** What a failure message shows of a request: short, so a 1 MB value does not flood the log. */
function describe(method: string, c: Case): string {
  const short = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  const body = c.body
    ? ` ${c.body.contentType.split(';')[0]} ${short(typeof c.body.payload === 'string' ? c.body.payload : c.body.payload.toString('latin1'))}`
    : '';
  return `${method} ${short(c.path + (c.query ? `?${c.query}` : ''))}${body}`;
}

test(
  'every route answers hostile input as every actor without a 5xx, a stack trace or a write on refusal',
  { timeout: 900_000 },
  async () => {
    const db = t.database.db;
    assert.ok(routes.length >= 300, `${routes.length} routes`);
    if (process.env.FUZZ_DEBUG)
      console.log(
        routes
          .filter((r) => r.params.length > 0 && !found.params.has(routeKey(r.method, r.url)))
          .map((r) => `no real parameters: ${routeKey(r.method, r.url)}`)
          .join('\n'),
      );
    const harvested = routes.filter((r) => r.params.length > 0 && found.params.has(routeKey(r.method, r.url)));
    assert.ok(harvested.length >= 100, `real parameters for ${harvested.length} routes (crawled ${found.pages} pages)`);

    const state = await tableState(db, VOLATILE, COUNTED_ROWS);
    let sums = await checksum(db, state);
    let mark = await writeMark(db);
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    let requests = 0;

    for (const route of routes) {
      const kinds: Kind[] = route.method === 'GET' ? ['query'] : ['form', 'json', 'multipart'];
      for (const actor of actors) {
        for (const kind of kinds) {
          const batch = `${routeKey(route.method, route.url)} ${actor.name} ${kind}`;
          if (ONLY && !batch.startsWith(ONLY)) continue;
          if (actor.personId && !actor.client.cookies.has('rc_session')) {
            await signIn(actor); // a fuzzed sign-out or password change ended the session
            sums = await checksum(db, state);
            mark = await writeMark(db);
          }
          const seed = batchSeed(BASE_SEED, batch);
          let run = 0;
          await fc.assert(
            fc.asyncProperty(caseArb(route, kind, actor.csrf), async (c) => {
              run++;
              const res = await actor.client.request({
                method: route.method as 'GET' | 'POST',
                url: c.path + (c.query ? `?${c.query}` : ''),
                ...(c.body
                  ? {
                      payload: c.body.payload,
                      headers: { 'content-type': c.body.contentType, 'x-csrf-token': actor.csrf },
                    }
                  : {}),
              });
              requests++;
              const where = () =>
                `${batch} (run ${run}; replay: FUZZ_SEED=${BASE_SEED} FUZZ_ONLY='${batch}'): ${describe(route.method, c)}`;
              const klass = `${actor.name} ${route.method} ${Math.floor(res.statusCode / 100)}xx`;
              statuses.set(klass, (statuses.get(klass) ?? 0) + 1);
              if (res.statusCode >= 500) problems.push(`${res.statusCode} for ${where()}`);
              const sent = `${c.path} ${c.query} ${c.body ? String(c.body.payload) : ''}`;
              const leak = leakIn(res.body, String(res.headers['content-type'] ?? ''), sent);
              if (leak) problems.push(`leaked "${leak}" (${res.statusCode}) for ${where()}`);
              const now = await writeMark(db);
              if (now !== mark) {
                mark = now;
                const next = await checksum(db, state);
                const changed = changedTables(sums, next);
                sums = next;
                if (res.statusCode >= 400 && res.statusCode < 500 && changed.length > 0)
                  problems.push(`refused with ${res.statusCode} but changed ${changed.join(', ')} for ${where()}`);
              }
              return true;
            }),
            { numRuns: RUNS[kind], seed, endOnFailure: true },
          );
        }
      }
    }
    const summary = [...statuses].sort().map(([k, n]) => `${k}: ${n}`);
    console.log(`fuzzed ${routes.length} routes with ${requests} requests (seed ${BASE_SEED}); ${summary.join(', ')}`);
    assert.equal(problems.length, 0, `${problems.length} problems:\n${problems.slice(0, 40).join('\n')}`);
    if (!ONLY) {
      // Not vacuous: signed-in POSTs got past the CSRF check and pages opened.
      for (const who of ['lead', 'coordinator']) {
        assert.ok(
          (statuses.get(`${who} POST 3xx`) ?? 0) + (statuses.get(`${who} POST 2xx`) ?? 0) > 20,
          `${who}: ${summary}`,
        );
        assert.ok((statuses.get(`${who} GET 2xx`) ?? 0) > 100, `${who}: ${summary}`);
      }
    }
  },
);

test('the checks are not vacuous: a write moves the write mark and changes the checksum of its table', async () => {
  const db = t.database.db;
  const state = await tableState(db, VOLATILE, COUNTED_ROWS);
  const sums = await checksum(db, state);
  const mark = await writeMark(db);
  await db
    .updateTable('organisations')
    .set({ summary: 'Changed by the fuzz self-check' })
    .where('slug', '=', LEAD_ORG)
    .execute();
  assert.notEqual(await writeMark(db), mark);
  assert.ok(changedTables(sums, await checksum(db, state)).includes('organisations'));
  assert.ok(state.tables.length >= 90, `${state.tables.length} tables counted`);
  assert.match(leakIn('<p>x</p>\n    at handler (/work/main/src/a.ts:1:2)', 'text/html', '') ?? '', /at handler/);
  assert.equal(leakIn('<p>x</p>', 'text/html', ''), undefined);
});
