// A module that exists only in the job tests: its jobs write to probe_runs, a table the test
// creates, so a test can count exactly how often each job ran and on which process.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ModuleDefinition } from '../../modules.ts';

export async function createProbeTable(db: Kysely<DB>): Promise<void> {
  await sql`create table if not exists probe_runs (
    job text not null, key text not null, pid integer not null, at timestamptz not null default now())`.execute(db);
}

export async function probeRuns(db: Kysely<DB>, job: string): Promise<{ key: string; pid: number }[]> {
  const { rows } = await sql<{ key: string; pid: number }>`
    select key, pid from probe_runs where job = ${job} order by at`.execute(db);
  return rows;
}

async function record(db: Kysely<DB>, job: string, key: string): Promise<void> {
  await sql`insert into probe_runs (job, key, pid) values (${job}, ${key}, ${process.pid})`.execute(db);
}

export const probeModule: ModuleDefinition = {
  name: 'probe',
  routes: () => async () => {},
  migrationsRange: [9900, 9999],
  jobs: [
    {
      name: 'probe.record-run',
      run: async (deps, payload) => record(deps.db, 'probe.record-run', String(payload.key)),
    },
    {
      name: 'probe.always-fail',
      retryLimit: 2,
      retryDelaySeconds: 1,
      run: async (deps, payload) => {
        await record(deps.db, 'probe.always-fail', String(payload.key));
        throw new Error(`The probe failed on purpose (${String(payload.key)}).`);
      },
    },
    {
      name: 'probe.tick',
      schedule: '* * * * *',
      run: async (deps) => record(deps.db, 'probe.tick', new Date().toISOString()),
    },
  ],
};

/** Polls until `check` holds; fails with `what` after `seconds` (a guard, not a timing assertion). */
export async function eventually(what: string, check: () => Promise<boolean>, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Still waiting after ${seconds} s: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
