// The job queue: pg-boss 10 over the app's own connection pool, so both engines work the same
// way and the embedded engine keeps its single connection. pg-boss takes each job with
// `for update skip locked`, so a job runs on one instance only; its timekeeper sends a
// recurring job once per cron slot however many instances run. Why pg-boss 10: see
// docs/ARCHITECTURE.md, "Scheduled jobs".
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { DB } from '../db/schema.ts';
import { UK_TIME_ZONE } from '../time.ts';
import type { Deps } from '../deps.ts';
import type { JobDefinition, JobQueue, JobQueueStatus, SendOptions } from './job-definition.ts';
import { countQueueJobs, findWaiting, lockAndFindWaiting } from './jobs.repository.ts';

const SCHEMA = 'pgboss'; // created by migrations/0002_job_queue.sql

export interface JobQueueOptions {
  pool: pg.Pool;
  db: Kysely<DB>;
  definitions: readonly JobDefinition[];
  deps: () => Deps;
  /** How often each worker looks for work. Default 5 s; tests use less. */
  pollingIntervalSeconds?: number;
  onError?: (err: unknown) => void;
}

export interface PlatformJobQueue extends JobQueue {
  /** Creates the named queues (idempotent). Before it, sends wait; app.ready() calls it. */
  prepare(): Promise<void>;
  /** Runs workers and the recurring schedule on this instance. */
  start(): Promise<void>;
  /** Stops taking work, lets running jobs finish (up to 10 s), and stops the schedule. */
  stop(): Promise<void>;
  status(): Promise<JobQueueStatus>;
  /**
   * Runs, here and now, the jobs of this name that are due, one at a time, and says how many ran.
   * For tests (and one-off runs): no polling to wait for, so a test sees a job's effect at once.
   */
  runWaiting(name: string): Promise<number>;
  readonly definitions: readonly JobDefinition[];
}

/** pg-boss 10's own queue for recurring jobs (`__pgboss__send-it` in its timekeeper). */
const TIMEKEEPER_QUEUE = '__pgboss__send-it';

/**
 * Creating a queue attaches a partition to pg-boss's job table; two instances doing so at once
 * can deadlock, and PostgreSQL then cancels one of them. The cancelled one tries again (and finds
 * the queue made), after a short random wait so the two do not meet again.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (code !== '40P01' || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 200));
    }
  }
}

/** pg-boss's connection contract, over a pool or over a Kysely transaction. */
function poolExecutor(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

function transactionExecutor(tx: Kysely<DB>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await tx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

export function createJobQueue(options: JobQueueOptions): PlatformJobQueue {
  const byName = new Map<string, JobDefinition>();
  for (const d of options.definitions) {
    if (byName.has(d.name)) throw new Error(`Two jobs are named ${d.name}.`);
    if (!/^[a-z][a-z0-9]*\.[a-z0-9-]+$/.test(d.name))
      throw new Error(`Job name ${d.name} is not '<module>.<verb-noun>'.`);
    byName.set(d.name, d);
  }
  const boss = new PgBoss({
    db: poolExecutor(options.pool),
    schema: SCHEMA,
    migrate: true,
    supervise: true,
    schedule: true,
    // Completed and failed jobs stay visible (for `connectors jobs`) for a week, then go.
    archiveCompletedAfterSeconds: 60 * 60 * 24,
    archiveFailedAfterSeconds: 60 * 60 * 24 * 7,
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => options.onError?.(err));
  const polling = Math.max(0.5, options.pollingIntervalSeconds ?? 5);
  let prepared: Promise<void> | undefined;
  let state: JobQueueStatus['state'] = 'sending';

  const prepare = () =>
    (prepared ??= (async () => {
      const existing = new Set((await boss.getQueues()).map((q) => q.name));
      // pg-boss's timekeeper creates its own queue as it starts and ignores a failure; made
      // here, under the retry below, it is there however many instances start together.
      if (!existing.has(TIMEKEEPER_QUEUE)) await retryOnDeadlock(() => boss.createQueue(TIMEKEEPER_QUEUE));
      for (const d of byName.values()) {
        const queue = {
          name: d.name,
          retryLimit: d.retryLimit ?? 3,
          retryDelay: d.retryDelaySeconds ?? 60,
          retryBackoff: true,
        };
        if (!existing.has(d.name)) await retryOnDeadlock(() => boss.createQueue(d.name, queue)); // a no-op when it exists
        await retryOnDeadlock(() => boss.updateQueue(d.name, queue)); // the definition's retry settings win
      }
    })().catch((err: unknown) => {
      prepared = undefined; // a later call tries again rather than keep the failure
      throw err;
    }));

  return {
    definitions: [...byName.values()],
    prepare,
    async send(name, payload = {}, sendOptions: SendOptions = {}) {
      if (!byName.has(name)) throw new Error(`No job named ${name}.`);
      await prepare();
      const { startAfter, singletonKey, within } = sendOptions;
      const insert = (tx?: Kysely<DB>) =>
        boss.send(name, payload, { startAfter, singletonKey, db: tx ? transactionExecutor(tx) : undefined });
      if (!singletonKey) {
        await insert(within);
        return;
      }
      // pg-boss's own singletons are per time slot; ours are "one waiting at a time". A waiting
      // job, once committed, stays waiting until it is taken, so when one is already there the
      // send is done without the lock; only a send that may insert takes it. Without this look
      // first, every send with one key (every vote in a consultation) queued on the one lock
      // until its transaction committed, each holding a pool connection while it waited.
      const guarded = async (tx: Kysely<DB>) => {
        if (await findWaiting(tx, name, singletonKey)) return;
        if (!(await lockAndFindWaiting(tx, name, singletonKey))) await insert(tx);
      };
      await (within ? guarded(within) : options.db.transaction().execute(guarded));
    },
    async start() {
      if (state === 'working') return;
      await prepare();
      // Schedules first, so the timekeeper's first look (as it starts) already sees them.
      for (const d of byName.values())
        if (d.schedule) await boss.schedule(d.name, d.schedule, {}, { tz: UK_TIME_ZONE });
      // A schedule a module no longer declares stops recurring.
      for (const s of await boss.getSchedules()) if (!byName.get(s.name)?.schedule) await boss.unschedule(s.name);
      await boss.start();
      for (const d of byName.values()) {
        await boss.work(d.name, { pollingIntervalSeconds: polling, batchSize: 1 }, async ([job]) => {
          await d.run(options.deps(), (job?.data ?? {}) as Record<string, unknown>);
        });
      }
      state = 'working';
      // Catch-up work (a release missed while no instance ran): queued once per start, at most
      // one waiting at a time however many instances start together.
      for (const d of byName.values())
        if (d.runOnStart) await this.send(d.name, {}, { singletonKey: `${d.name}:on-start` });
    },
    async stop() {
      if (state !== 'working') return;
      state = 'stopped';
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    },
    async runWaiting(name) {
      const d = byName.get(name);
      if (!d) throw new Error(`No job named ${name}.`);
      await prepare();
      let ran = 0;
      for (;;) {
        const [job] = await boss.fetch(name, { batchSize: 1 });
        if (!job) return ran;
        try {
          await d.run(options.deps(), (job.data ?? {}) as Record<string, unknown>);
          await boss.complete(name, job.id);
        } catch (err) {
          await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
          throw err;
        }
        ran++;
      }
    },
    async status() {
      const counts = await countQueueJobs(options.db);
      return { state, ...counts };
    },
  };
}
