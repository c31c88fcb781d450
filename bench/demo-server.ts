// The whole platform with the demo network in this process, for a bench server script: on a
// fresh data folder, and on a fresh database when DATABASE_URL names a server (dropped at exit).
// The script adds what its bench needs, prints its lines, then calls ready().
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/server.ts';
import { createFreshDatabase } from './fresh-database.ts';

export async function startDemoBenchServer(label: string) {
  const env: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'warn' };
  env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), `rc-bench-${label}-`));
  const fresh = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL, label) : undefined;
  if (fresh) env.DATABASE_URL = fresh.url;
  const server = await startServer(loadConfig(env, { demo: true }), () => {});
  return {
    server,
    /** Prints READY for the bench harness and stops cleanly (dropping the database) on SIGTERM. */
    ready() {
      console.log(`READY ${server.url}`);
      process.once(
        'SIGTERM',
        () =>
          void server
            .close()
            .then(() => fresh?.drop())
            .then(() => process.exit(0)),
      );
    },
  };
}
