// /metrics for Prometheus and the request id, through HTTP: the token, what is counted and
// under which labels (route patterns, never addresses), and that nothing is cached or cookied.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { access } from '../src/platform/http/access.ts';
import type { ModuleDefinition } from '../src/platform/modules.ts';
import { importGrants } from '../src/modules/funding/grants/import-grants.service.ts';
import { openBuffer } from '../src/modules/funding/import/read-file.ts';
import {
  checkImport,
  commitImport,
  loadImportPage,
  receiveUpload,
} from '../src/modules/evidence/imports/imports.service.ts';
import { buildOrg } from './support/factories.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { freshDatabase } from './support/database.ts';

const TOKEN = 'metrics-token-for-tests-'.padEnd(48, 'z');
const PARTICIPANTS = readFileSync(
  new URL('../src/modules/evidence/imports/engine/fixtures/participants.csv', import.meta.url),
);
const GRANTS = readFileSync(new URL('../src/modules/funding/fixtures/demo-grants.json', import.meta.url));

let plain: TestApp; // no METRICS_TOKEN
let app: TestApp; // with one
let other: TestApp; // another app in the same process, with its own registry
before(async () => {
  [plain, app, other] = await Promise.all([
    startTestApp(),
    startTestApp({ env: { METRICS_TOKEN: TOKEN } }),
    startTestApp({ env: { METRICS_TOKEN: TOKEN } }),
  ]);
});
after(() => Promise.all([plain.close(), app.close(), other.close()]));

const scrape = (t: TestApp, authorization: string | null = `Bearer ${TOKEN}`) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

/** The sample lines of one metric, as "labels value". */
const samples = (body: string, name: string) =>
  body.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

test('without METRICS_TOKEN there is no /metrics: a 404, whatever is sent', async () => {
  assert.equal((await scrape(plain)).statusCode, 404);
  assert.equal((await scrape(plain, null)).statusCode, 404);
  assert.ok(!plain.app.routeTable.some((r) => r.url === '/metrics'));
});

test('a missing or wrong token is refused with a bare 401: no body, no cookie, not cached', async () => {
  for (const authorization of [
    null,
    'Bearer',
    `Bearer ${TOKEN.slice(0, -1)}`,
    `Bearer ${TOKEN}x`,
    `Bearer ${TOKEN.slice(0, -1)}y`,
    `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString('base64')}`,
    TOKEN,
  ]) {
    const r = await scrape(app, authorization);
    assert.equal(r.statusCode, 401, `${authorization}`);
    assert.equal(r.body, '');
    assert.equal(r.headers['www-authenticate'], 'Bearer');
    assert.equal(r.headers['set-cookie'], undefined);
    assert.equal(r.headers['cache-control'], 'no-store');
  }
});

test('the right token gives Prometheus text with every metric, uncached and with no cookie', async () => {
  await app.app.inject({ method: 'GET', url: '/' });
  const r = await scrape(app);
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  assert.equal(r.headers['cache-control'], 'no-store');
  assert.equal(r.headers['set-cookie'], undefined);
  for (const name of [
    'rc_http_requests_total',
    'rc_http_request_duration_seconds_bucket',
    'rc_http_request_duration_seconds_sum',
    'rc_db_pool_connections',
    'rc_db_pool_idle_connections',
    'rc_db_pool_waiting_queries',
    'rc_db_pool_max_connections',
    'rc_jobs_queued',
    'rc_jobs_failed_last_day',
    'rc_jobs_worker_running',
    'rc_imports_total',
    'rc_imported_rows_total',
    'process_cpu_user_seconds_total',
    'process_resident_memory_bytes',
    'nodejs_heap_size_used_bytes',
    'nodejs_eventloop_lag_seconds',
  ]) {
    assert.ok(samples(r.body, name).length > 0, `${name} is in the output`);
  }
  assert.ok(
    samples(r.body, 'rc_http_requests_total').includes(
      'rc_http_requests_total{method="GET",route="/",status_class="2xx"} 1',
    ),
  );
  const engine = app.database.kind;
  assert.ok(samples(r.body, 'rc_db_pool_connections').some((l) => l.includes(`engine="${engine}"`)));
  assert.deepEqual(samples(r.body, 'rc_jobs_queued'), ['rc_jobs_queued 0']);
  assert.deepEqual(samples(r.body, 'rc_jobs_worker_running'), ['rc_jobs_worker_running 0']);
  // The scrape itself is counted, once it has been answered.
  const next = (await scrape(app)).body;
  assert.ok(samples(next, 'rc_http_requests_total').some((l) => l.includes('route="/metrics"')));
});

test('requests are counted under their route pattern, never their address: no slugs, no postcodes', async () => {
  await app.app.inject({ method: 'GET', url: '/organisations/some-slug' });
  await app.app.inject({ method: 'GET', url: '/organisations/another-slug' });
  await app.app.inject({ method: 'GET', url: '/find-support?near=LS6%203HN' });
  await app.app.inject({ method: 'GET', url: '/no-such-page/LS63HN' });
  await app.app.inject({ method: 'GET', url: '/no-such-page/BD18-9XX' });
  await app.app.inject({ method: 'PROPFIND', url: '/organisations/some-slug' });
  const body = (await scrape(app)).body;
  const counts = samples(body, 'rc_http_requests_total');
  assert.ok(
    counts.includes('rc_http_requests_total{method="GET",route="/organisations/:slug",status_class="4xx"} 2'),
    counts.join('\n'),
  );
  assert.ok(counts.some((l) => l.startsWith('rc_http_requests_total{method="GET",route="/find-support",')));
  assert.ok(counts.some((l) => l.includes('route="unmatched",status_class="4xx"')));
  for (const leak of ['some-slug', 'another-slug', 'LS6', 'LS63HN', 'BD18', 'no-such-page', 'near=', 'PROPFIND']) {
    assert.ok(!body.includes(leak), `${leak} is not in the metrics`);
  }
});

test('each app counts only its own requests and imports', async () => {
  const before = samples((await scrape(other)).body, 'rc_imports_total');
  const report = await importGrants(app.database.db, {
    fileName: 'demo-grants.json',
    open: openBuffer(GRANTS),
    licence: 'https://creativecommons.org/licenses/by/4.0/',
    publisherName: 'Test publisher',
    importedBy: null,
  });
  assert.ok(report.ok, JSON.stringify(report).slice(0, 300));
  const mine = (await scrape(app)).body;
  assert.ok(samples(mine, 'rc_imports_total').includes('rc_imports_total{kind="grants"} 1'));
  assert.ok(samples(mine, 'rc_imported_rows_total').includes(`rc_imported_rows_total{kind="grants"} ${report.added}`));
  assert.ok(samples(mine, 'rc_imports_total').includes('rc_imports_total{kind="evidence"} 0'));
  const theirs = (await scrape(other)).body;
  assert.deepEqual(samples(theirs, 'rc_imports_total'), before);
  assert.ok(!samples(theirs, 'rc_http_requests_total').some((l) => l.includes('/organisations/:slug')));
});

test('an evidence import is counted when it completes, with the rows it wrote', async () => {
  const deps = { db: app.database.db }; // what the web route passes: the app's own handle
  const org = await buildOrg(app.database.db);
  const actor = { personId: null, via: 'web' as const };
  const received = await receiveUpload(deps, actor, org, {
    target: 'participants',
    fileName: 'participants.csv',
    bytes: (async function* () {
      yield PARTICIPANTS;
    })(),
  });
  assert.ok(received.ok);
  const page = await loadImportPage(deps, org, received.runId);
  await checkImport(deps, actor, org, { runId: received.runId, mapping: page.mapping });
  const committed = await commitImport(deps, actor, org, {
    runId: received.runId,
    mode: 'skip_invalid',
    onFailure: 'keep',
  });
  assert.ok('report' in committed && committed.report.imported > 0);
  const body = (await scrape(app)).body;
  assert.ok(samples(body, 'rc_imports_total').includes('rc_imports_total{kind="evidence"} 1'));
  assert.ok(
    samples(body, 'rc_imported_rows_total').includes(
      `rc_imported_rows_total{kind="evidence"} ${committed.report.imported}`,
    ),
  );
});

test('a plain x-request-id is kept and echoed; a hostile one is replaced; none gets a fresh one', async () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const echoed = await plain.app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': 'lb-42.Ab_c' } });
  assert.equal(echoed.headers['x-request-id'], 'lb-42.Ab_c');
  const fresh = await plain.app.inject({ method: 'GET', url: '/no-such-page' });
  assert.match(String(fresh.headers['x-request-id']), uuid, 'a 404 carries one too');
  for (const hostile of ['x'.repeat(65), 'two words', 'line\nbreak', 'a\r\nset-cookie: x=1', 'semi;colon', '']) {
    const r = await plain.app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': hostile } });
    assert.match(String(r.headers['x-request-id']), uuid, JSON.stringify(hostile));
    assert.equal(r.headers['set-cookie'], undefined);
  }
});

test("an unexpected error's log line carries the request's id", async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-metrics-'));
  const database = await freshDatabase();
  const lines: string[] = [];
  const failing: ModuleDefinition = {
    name: 'probe',
    migrationsRange: [9900, 9999],
    routes: () => async (a) => {
      a.get('/probe/fail', { config: { access: access.public } }, async () => {
        throw new Error('probe failure');
      });
    },
  };
  const built = await buildApp({
    config: loadConfig({ SESSION_SECRET: 's'.repeat(40), DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
    database,
    modules: [failing],
    logStream: { write: (line) => void lines.push(line) },
  });
  try {
    const r = await built.inject({ method: 'GET', url: '/probe/fail', headers: { 'x-request-id': 'trace-7' } });
    assert.equal(r.statusCode, 500);
    assert.equal(r.headers['x-request-id'], 'trace-7');
    const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
    const error = logged.find((l) => l.msg === 'unhandled error');
    assert.equal(error?.reqId, 'trace-7');
    assert.ok(logged.filter((l) => l.reqId === 'trace-7').length >= 3, 'the request and its answer too');
  } finally {
    await built.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
