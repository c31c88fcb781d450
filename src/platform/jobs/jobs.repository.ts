// Reads of the job queue's own tables (pg-boss's schema, created by migrations/0002_job_queue.sql).
// Jobs finished more than a day ago sit in pgboss.archive, so runs are read from both.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface JobRun {
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** A failed run's error message. */
  error: string | null;
  singletonOn: Date | null;
}

/** The latest runs of each named job, newest first, at most `perJob` each. */
export async function listRecentRuns(db: Kysely<DB>, names: readonly string[], perJob = 3): Promise<JobRun[]> {
  if (names.length === 0) return [];
  const { rows } = await sql<JobRun>`
    select name, state, "retryCount", "createdOn", "startedOn", "completedOn", error, "singletonOn" from (
      select r.*, row_number() over (partition by name order by "createdOn" desc) as n from (
        select name, state::text as state, retry_count as "retryCount", created_on as "createdOn",
               started_on as "startedOn", completed_on as "completedOn", output->>'message' as error,
               singleton_on as "singletonOn"
          from pgboss.job where name in (${sql.join(names)})
        union all
        select name, state::text, retry_count, created_on, started_on, completed_on, output->>'message', singleton_on
          from pgboss.archive where name in (${sql.join(names)})
      ) r
    ) ranked where n <= ${perJob}
    order by name, "createdOn" desc`.execute(db);
  return rows;
}

/** Jobs waiting or to be retried, and those that failed for good in the last day. */
export async function countQueueJobs(db: Kysely<DB>): Promise<{ queued: number; failedLastDay: number }> {
  const { rows } = await sql<{ queued: number; failed: number }>`
    select
      (select count(*) from pgboss.job where state in ('created', 'retry') and name not like '\\_\\_pgboss%') as queued,
      ((select count(*) from pgboss.job where state = 'failed' and completed_on > now() - interval '1 day')
        + (select count(*) from pgboss.archive where state = 'failed' and completed_on > now() - interval '1 day'))
        as failed`.execute(db);
  return { queued: Number(rows[0]?.queued ?? 0), failedLastDay: Number(rows[0]?.failed ?? 0) };
}

/** Whether a job of this name and key waits (or waits to be retried), as committed now; no lock. */
export async function findWaiting(db: Kysely<DB>, name: string, key: string): Promise<boolean> {
  const { rows } = await sql`
    select 1 from pgboss.job
     where name = ${name} and singleton_key = ${key} and state in ('created', 'retry') limit 1`.execute(db);
  return rows.length > 0;
}

/**
 * Whether a job of this name and key waits (or waits to be retried). Takes a transaction-scoped
 * lock on the pair first, so two concurrent sends with one key cannot both see "no".
 */
export async function lockAndFindWaiting(tx: Kysely<DB>, name: string, key: string): Promise<boolean> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`job:${name}:${key}`}, 0))`.execute(tx);
  return findWaiting(tx, name, key);
}
