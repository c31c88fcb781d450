// INTERIM (issue 8 replaces this with a PostgreSQL-backed queue): runs a sent job in this
// process after the current request, with no persistence, retries or schedule. It exists so
// modules can be written against JobQueue before the real queue lands.
import type { Deps } from '../deps.ts';
import type { JobDefinition, JobQueue } from './job-definition.ts';

export function createInlineJobQueue(definitions: readonly JobDefinition[], deps: () => Deps): JobQueue {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  return {
    async send(name, payload = {}, options = {}) {
      const job = byName.get(name);
      if (!job) throw new Error(`No job named ${name}`);
      const delay = Math.max(0, (options.startAfter?.getTime() ?? 0) - Date.now());
      setTimeout(() => void job.run(deps(), payload).catch(() => {}), delay).unref();
    },
  };
}
