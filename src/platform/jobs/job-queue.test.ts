// The job queue on the real engine (embedded, or TEST_DATABASE_URL): one-off jobs, retries then
// failure with the error kept, a recurring job in UK time, and two app processes sharing one
// PostgreSQL server with a job that must run exactly once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseUrl } from '../../../test/support/database.ts';
import { openDatabase } from '../db/database.ts';
import { createJobQueue } from './job-queue.ts';
import { jobsReport } from './jobs.command.ts';
import { listRecentRuns } from './jobs.repository.ts';
import { createProbeTable, eventually, probeModule, probeRuns } from './test/probe-module.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ extraModules: [probeModule], jobPollingSeconds: 0.5 });
  await createProbeTable(t.database.db);
});
after(() => t.close());

const jobState = async (name: string) => (await listRecentRuns(t.database.db, [name], 10)).map((r) => r.state);

test('a job sent before the queue works waits, then runs once with its payload', async () => {
  await t.app.jobs.send('probe.record-run', { key: 'early' });
  assert.deepEqual(await probeRuns(t.database.db, 'probe.record-run'), [], 'nothing runs until the queue is started');
  const health = (await t.app.inject({ method: 'GET', url: '/healthz' })).json();
  assert.equal(health.jobs.state, 'sending');
  assert.equal(health.jobs.queued, 1);

  await t.app.jobs.start();
  await eventually('the early job completes', async () => (await jobState('probe.record-run')).includes('completed'));
  assert.deepEqual(
    (await probeRuns(t.database.db, 'probe.record-run')).map((r) => r.key),
    ['early'],
  );
  assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).json().jobs.state, 'working');
});

test('a job sent inside a transaction that rolls back is never queued', async () => {
  await t.database.db
    .transaction()
    .execute(async (tx) => {
      await t.app.jobs.send('probe.record-run', { key: 'rolled-back' }, { within: tx });
      throw new Error('roll back');
    })
    .catch(() => {});
  await t.database.db
    .transaction()
    .execute((tx) => t.app.jobs.send('probe.record-run', { key: 'committed' }, { within: tx }));
  await eventually('the committed job runs', async () =>
    (await probeRuns(t.database.db, 'probe.record-run')).some((r) => r.key === 'committed'),
  );
  const keys = (await probeRuns(t.database.db, 'probe.record-run')).map((r) => r.key);
  assert.ok(!keys.includes('rolled-back'));
});

test('a singleton key drops a second send while the first still waits', async () => {
  const later = new Date(Date.now() + 60 * 60 * 1000);
  await t.app.jobs.send('probe.record-run', { key: 'one' }, { singletonKey: 'same', startAfter: later });
  await t.app.jobs.send('probe.record-run', { key: 'two' }, { singletonKey: 'same', startAfter: later });
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pgboss.job where name = 'probe.record-run' and singleton_key = 'same'`.execute(
    t.database.db,
  );
  assert.equal(rows[0]!.n, 1);
});

test('an unknown job name is a programming error, not a silent drop', async () => {
  await assert.rejects(t.app.jobs.send('probe.no-such-job'), /No job named probe\.no-such-job/);
});

test('a failing job is retried with backoff, then marked failed with its error', async () => {
  await t.app.jobs.send('probe.always-fail', { key: 'doomed' });
  await eventually('the job fails for good', async () => (await jobState('probe.always-fail')).includes('failed'), 90);
  const attempts = await probeRuns(t.database.db, 'probe.always-fail');
  assert.equal(attempts.length, 3, 'the first run and its two retries');
  const [run] = await listRecentRuns(t.database.db, ['probe.always-fail']);
  assert.equal(run!.state, 'failed');
  assert.equal(run!.retryCount, 2);
  assert.equal(run!.error, 'The probe failed on purpose (doomed).');

  const report = (await jobsReport(t.database.db, probeModule.jobs!)).join('\n');
  assert.match(report, /probe\.always-fail {2}one-off/);
  assert.match(
    report,
    /failed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, after 2 retries: The probe failed on purpose \(doomed\)\./,
  );
  assert.match(report, /probe\.tick {2}recurs: \* \* \* \* \*/);
  assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).json().jobs.failedLastDay, 1);
});

test('a recurring job is scheduled in UK time and runs once for its minute', async () => {
  const { rows } = await sql<{ cron: string; timezone: string }>`
    select cron, timezone from pgboss.schedule where name = 'probe.tick'`.execute(t.database.db);
  assert.deepEqual(rows, [{ cron: '* * * * *', timezone: 'Europe/London' }]);
  await eventually('the tick runs', async () => (await probeRuns(t.database.db, 'probe.tick')).length > 0, 60);
  const runs = await listRecentRuns(t.database.db, ['probe.tick'], 10);
  const slots = runs.map((r) => r.singletonOn?.toISOString());
  assert.equal(new Set(slots).size, slots.length, 'one run per minute slot');
});

// Two processes need a server: the embedded engine belongs to one process by design.
test(
  'two app processes on one PostgreSQL server run each job exactly once',
  { skip: !testDatabaseUrl && 'PostgreSQL only' },
  async () => {
    const url = t.database.url!;
    const children: ChildProcess[] = [];
    const startChild = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/jobs/test/instance.child.ts'], {
        env: { ...process.env, DATABASE_URL: url, DATA_DIR: t.dataDir },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      await eventually('an instance starts', async () => out.includes('ready'), 60);
    };
    try {
      await t.app.jobs.stop(); // only the two child processes work now
      await Promise.all([startChild(), startChild()]);
      // Due a moment from now, when both instances are polling for it.
      const due = new Date(Date.now() + 1500);
      await t.app.jobs.send('probe.record-run', { key: 'exactly-once' }, { startAfter: due });
      for (let i = 0; i < 20; i++) await t.app.jobs.send('probe.record-run', { key: `many-${i}` });
      const ran = async () =>
        (await probeRuns(t.database.db, 'probe.record-run')).filter(
          (r) => r.key.startsWith('many-') || r.key === 'exactly-once',
        );
      await eventually('all 21 jobs run', async () => (await ran()).length >= 21, 60);
      await new Promise((r) => setTimeout(r, 2000)); // several more polls by each instance
      const runs = await ran();
      assert.equal(runs.filter((r) => r.key === 'exactly-once').length, 1, 'the scheduled-once job ran once');
      assert.equal(runs.length, 21, 'no job ran twice');
      assert.equal(new Set(runs.map((r) => r.key)).size, 21);
      const pids = new Set(runs.map((r) => r.pid));
      assert.ok(!pids.has(process.pid), 'the stopped instance ran nothing');
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
    }
  },
);

// Found by CI: two instances starting together deadlocked creating the same new queues (each
// attaches a partition to pg-boss's job table), and PostgreSQL cancelled one, which then crashed.
test(
  'instances preparing the same new queues at once all succeed',
  { skip: !testDatabaseUrl && 'PostgreSQL only' },
  async () => {
    const suffix = Date.now().toString(36);
    const definitions = Array.from({ length: 6 }, (_, i) => ({
      name: `probe.fresh-${suffix}-${i}`,
      run: async () => {},
    }));
    const databases = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ kind: 'postgres', url: t.database.url!, maxConnections: 2 })),
    );
    try {
      const queues = databases.map((database) =>
        createJobQueue({
          pool: database.pool,
          db: database.db,
          definitions,
          deps: () => {
            throw new Error('no job runs here');
          },
        }),
      );
      const results = await Promise.allSettled(queues.map((q) => q.prepare()));
      assert.deepEqual(
        results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        ['ok', 'ok', 'ok', 'ok'],
      );
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pgboss.queue where name like ${`probe.fresh-${suffix}-%`}`.execute(
        t.database.db,
      );
      assert.equal(rows[0]!.n, 6, 'each queue made once');
    } finally {
      await Promise.all(databases.map((d) => d.close()));
    }
  },
);
