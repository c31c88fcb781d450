// `connectors jobs`: each job the modules declare, when it recurs, and how its last runs went.
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../db/schema.ts';
import type { JobDefinition } from './job-definition.ts';
import { UK_TIME_ZONE } from '../time.ts';
import { countQueueJobs, listRecentRuns, type JobRun } from './jobs.repository.ts';

const ukTime = (d: Date) => DateTime.fromJSDate(d, { zone: UK_TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');

function describeRun(run: JobRun): string {
  const when = ukTime(run.completedOn ?? run.startedOn ?? run.createdOn);
  const retries = run.retryCount > 0 ? `, after ${run.retryCount} ${run.retryCount === 1 ? 'retry' : 'retries'}` : '';
  const error = run.state === 'failed' && run.error ? `: ${run.error}` : '';
  return `${run.state} ${when}${retries}${error}`;
}

export async function jobsReport(db: Kysely<DB>, definitions: readonly JobDefinition[]): Promise<string[]> {
  const runs = await listRecentRuns(
    db,
    definitions.map((d) => d.name),
  );
  const counts = await countQueueJobs(db);
  const lines = [
    `${definitions.length} jobs; ${counts.queued} waiting; ${counts.failedLastDay} failed in the last day.`,
  ];
  lines.push('Times are UK time.');
  for (const d of [...definitions].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push('', `${d.name}  ${d.schedule ? `recurs: ${d.schedule}` : 'one-off (sent when needed)'}`);
    const own = runs.filter((r) => r.name === d.name);
    if (own.length === 0) lines.push('  no runs yet');
    for (const r of own) lines.push(`  ${describeRun(r)}`);
  }
  return lines;
}
