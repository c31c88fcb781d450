// A bench server for the library: the whole platform with the demo, plus synthetic resources
// (10,000 by default) built from the demo library's words, on its own fresh database.
// Prints "SEEDED <ms>" and "READY <url>".
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startServer } from '../src/server.ts';
import { DEMO_RESOURCES } from '../src/modules/learning/learning.demo-data.ts';
import { markdownToText } from '../src/modules/learning/domain/markdown.ts';

const count = Number(process.argv[2] ?? 10000);
const env: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'warn' };
env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'rc-bench-learning-'));
let drop = async () => {};
if (process.env.DATABASE_URL) {
  const name = `rc_bench_learning_${Date.now().toString(36)}`;
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
const db = server.database.db;
const started = Date.now();
const orgs = await db.selectFrom('organisations').select('id').where('status', '=', 'member').execute();
const places = ['Leeds', 'Hull', 'Bristol', 'Derby', 'Swansea', 'Carlisle', 'Luton', 'Bolton', 'Exeter', 'Wigan'];
let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
for (let done = 0; done < count; done += 500) {
  const rows = Array.from({ length: Math.min(500, count - done) }, (_, i) => {
    const a = DEMO_RESOURCES[rand(DEMO_RESOURCES.length)]!;
    const b = DEMO_RESOURCES[rand(DEMO_RESOURCES.length)]!;
    const body = `${a.body}\n\n${b.body}\n\nWritten in ${places[rand(places.length)]}, version ${done + i}.`;
    return {
      org_id: orgs[rand(orgs.length)]!.id,
      kind: a.kind,
      language: 'en' as const,
      title: `${a.title} (${places[rand(places.length)]} ${done + i})`,
      summary: b.summary,
      body,
      body_text: markdownToText(body),
      chime: a.chime,
      topics: [...new Set([...a.topics, ...b.topics])],
      service_types: a.serviceTypes,
      tags_text: [...a.topics, ...b.topics].join(' '),
      visibility: rand(5) === 0 ? ('members' as const) : ('public' as const),
      status: 'published' as const,
      published_at: new Date(Date.now() - rand(1000) * 86400000),
    };
  });
  await db.insertInto('learning_resources').values(rows).execute();
}
await server.database.pool.query('analyze');
console.log(`SEEDED ${Date.now() - started}`);
console.log(`READY ${server.url}`);
process.once(
  'SIGTERM',
  () =>
    void server
      .close()
      .then(drop)
      .then(() => process.exit(0)),
);
