// A bench server for the directory: the whole platform with the demo network, optionally plus
// a synthetic directory (`synthetic`: 2,000 organisations and 10,000 services), on its own
// fresh database (embedded, or a new database on the DATABASE_URL server, dropped at exit).
// Prints "READY <url>" when it can take load.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDirectorySynthetic } from '../src/modules/directory/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/server.ts';

const mode = process.argv[2] ?? 'demo';
const env: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'warn' };
env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'rc-bench-dir-'));
let drop = async () => {};
if (process.env.DATABASE_URL) {
  const name = `rc_bench_dir_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  drop = async () => {
    const again = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await again.connect();
    await again.query(`drop database if exists "${name}" with (force)`);
    await again.end();
  };
}
const server = await startServer(loadConfig(env, { demo: true }), () => {});
if (mode === 'synthetic') {
  const started = Date.now();
  await seedDirectorySynthetic(server.database.db, { orgs: 2000, services: 10000, prefix: 'bench' });
  await server.database.pool.query('analyze');
  console.log(`SEEDED ${Date.now() - started}`);
}
console.log(`READY ${server.url}`);
process.once(
  'SIGTERM',
  () =>
    void server
      .close()
      .then(drop)
      .then(() => process.exit(0)),
);
