// The `connectors` command as a person runs it: a real process, real exit codes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { freshDatabase, testDatabaseUrl, type TestDatabase } from './support/database.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

interface Started {
  exited: Promise<Run>;
  /** Resolves with all output so far once stdout matches. */
  waitFor(pattern: RegExp): Promise<string>;
  stop(): void;
}

function start(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['bin/connectors.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: (s: string) => void }[] = [];
  child.stdout.on('data', (d) => {
    out += d;
    for (const w of [...waiters]) if (w.pattern.test(out)) w.resolve(out);
  });
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
  return {
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        if (pattern.test(out)) return resolve(out);
        waiters.push({ pattern, resolve });
        void exited.then((r) => reject(new Error(`exited ${r.code} before ${pattern}: ${r.err}`)));
      }),
    stop: () => child.kill('SIGTERM'),
  };
}

const connectors = (args: string[], env: Record<string, string>) => start(args, env).exited;

let dataDir: string;
let db: TestDatabase | undefined;
/** Where the command's database is: DATA_DIR (embedded) or a fresh PostgreSQL database. */
let dbEnv: Record<string, string>;

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-cli-'));
  dbEnv = { DATA_DIR: dataDir };
  if (testDatabaseUrl) {
    db = await freshDatabase();
    await db.pool.query('drop schema if exists pgboss cascade; drop schema public cascade; create schema public'); // truly empty (the job queue's schema too)
    await db.pool.end();
    dbEnv.DATABASE_URL = db.url!;
  }
});
after(async () => {
  await db?.close().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

test('help lists the commands', async () => {
  const r = await connectors(['help'], {});
  assert.equal(r.code, 0);
  for (const c of ['serve', 'migrate', 'seed demo', 'seed synthetic']) assert.match(r.out, new RegExp(c));
});

test('an unknown command exits 2 and says so', async () => {
  const r = await connectors(['frobnicate'], {});
  assert.equal(r.code, 2);
  assert.match(r.err, /Unknown command "frobnicate"/);
});

test('a bad setting stops the start with a clear message', async () => {
  const r = await connectors(['serve'], { ...dbEnv, PORT: 'eighty', SESSION_SECRET: 'x'.repeat(40) });
  assert.equal(r.code, 1);
  assert.match(r.err, /PORT/);
  const noSecret = await connectors(['serve'], dbEnv);
  assert.equal(noSecret.code, 1);
  assert.match(noSecret.err, /SESSION_SECRET is not set/);
});

test('migrate, then migrate again, on an empty database', async () => {
  const first = await connectors(['migrate'], dbEnv);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /Applied migrations: 1/);
  const second = await connectors(['migrate'], dbEnv);
  assert.equal(second.code, 0, second.err);
  assert.match(second.out, /up to date/);
});

test('jobs lists every declared job with its schedule and runs', async () => {
  const r = await connectors(['jobs'], dbEnv);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^\d+ jobs; 0 waiting; 0 failed in the last day\./);
  assert.match(r.out, /evidence\.sweep-uploads {2}recurs: 40 3 \* \* \*\n {2}no runs yet/);
  assert.match(r.out, /evidence\.expire-completion-links {2}recurs: 50 3 \* \* \*/);
});

test('seed synthetic validates its numbers, then adds a network', async () => {
  const bad = await connectors(['seed', 'synthetic', '--orgs', 'many'], dbEnv);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--orgs must be a whole number/);
  const r = await connectors(['seed', 'synthetic', '--orgs', '30', '--people', '90'], dbEnv);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /30 organisations, 90 people/);
});

test('production start never seeds demo data; the demo start does, and says which database', async () => {
  const secret = { SESSION_SECRET: 'a-production-secret-of-enough-length-000' };
  const prod = start(['serve'], { ...dbEnv, ...secret, PORT: '0' });
  const url = /running at (http:\/\/\S+) /.exec(await prod.waitFor(/running at http/))![1]!;
  const health = await (await fetch(`${url}/healthz`)).json();
  assert.equal(health.database, testDatabaseUrl ? 'postgres' : 'embedded');
  assert.equal(health.jobs.state, 'working', 'the server runs the job queue');
  assert.doesNotMatch(await (await fetch(url)).text(), /demo-banner/);
  prod.stop();
  const stopped = await prod.exited;
  assert.equal(stopped.code, 0, 'SIGTERM ends the server cleanly');
  assert.match(stopped.out, /SIGTERM received/);

  // an empty database for the demo (the synthetic seed above filled this one)
  const demoDir = await mkdtemp(path.join(os.tmpdir(), 'rc-cli-demo-'));
  const demoEnv: Record<string, string> = testDatabaseUrl
    ? { DATABASE_URL: await emptyPostgres() }
    : { DATA_DIR: demoDir };
  const demo = start(['serve', '--demo'], { ...demoEnv, PORT: '0' });
  const out = await demo.waitFor(/lead@demo\.example/);
  assert.match(out, /Demo network created: \d+ organisations/);
  assert.match(out, /Where to go next:/, 'the first start says where to go next');
  assert.match(out, /\/sign-in {10}sign in/);
  const demoUrl = /running at (http:\/\/\S+) /.exec(out)![1]!;
  assert.match(await (await fetch(demoUrl)).text(), /demo-banner/);
  demo.stop();
  assert.equal((await demo.exited).code, 0);
  await rm(demoDir, { recursive: true, force: true });
});

test('a second process cannot open the same embedded database', { skip: !!testDatabaseUrl }, async () => {
  const secret = { SESSION_SECRET: 'a-production-secret-of-enough-length-000' };
  const first = start(['serve'], { ...dbEnv, ...secret, PORT: '0' });
  await first.waitFor(/running at/);
  const second = await connectors(['migrate'], dbEnv);
  assert.equal(second.code, 1);
  assert.match(second.err, /in use by another process/);
  first.stop();
  await first.exited;
});

let extraDb: TestDatabase | undefined;
async function emptyPostgres(): Promise<string> {
  extraDb = await freshDatabase();
  await extraDb.pool.query('drop schema if exists pgboss cascade; drop schema public cascade; create schema public');
  await extraDb.pool.end();
  return extraDb.url!;
}
after(async () => {
  await extraDb?.close().catch(() => {});
});

test('pool prints the pooled estimate as JSON with the agreed keys', async () => {
  const r = await connectors(
    ['pool', 'src/modules/insight/fixtures/datasets/typical-8.csv', '--method', 'DL', '--ci', 'wald', '--json'],
    {},
  );
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  for (const k of ['k', 'estimate', 'se', 'ci_low', 'ci_high', 'tau2', 'i2', 'q', 'method', 'ci_method'])
    assert.ok(k in out, `has ${k}`);
  assert.equal(out.k, 8);
  assert.equal(out.method, 'DL');
  assert.equal(out.ci_method, 'wald');
});

test('pool names the row and column of bad input and exits 1', async () => {
  const r = await connectors(['pool', 'src/modules/insight/fixtures/bad/fractional-n.csv'], {});
  assert.equal(r.code, 1);
  assert.match(r.err, /row \d+, column n/);
});
