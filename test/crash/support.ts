// Crash tests' tools: a place for the data (a temporary DATA_DIR for the embedded engine, and a
// fresh database of its own on the PostgreSQL server when TEST_DATABASE_URL is set), the real
// `connectors` command as a child process that can be killed with SIGKILL, and a browser stand-in
// over real HTTP. Nothing here shuts anything down gently: that is the point.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { listMigrations } from '../../src/platform/db/migrate.ts';
import { freshDatabase, testDatabaseUrl } from '../support/database.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const engine = testDatabaseUrl ? 'postgres' : 'embedded';
export const SECRET = 'crash-test-secret-'.padEnd(48, 'x');

export interface Place {
  dataDir: string;
  /** postgres: this test's own database. */
  url: string | undefined;
  /** The environment the command needs to find this database. */
  env: Record<string, string>;
  /** Opens the database in this process (embedded: only while no child holds it). */
  open(): Promise<Database>;
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh place. `migrated`: the schema is there already (embedded: the test template loaded into
 * DATA_DIR; postgres: a copy of the migrated template database). Otherwise it is empty.
 */
export async function freshPlace(options: { migrated: boolean }): Promise<Place> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-crash-'));
  let url: string | undefined;
  let drop = async () => {};
  if (testDatabaseUrl) {
    if (options.migrated) {
      const copy = await freshDatabase();
      await copy.pool.end();
      url = copy.url!;
      drop = () => copy.close();
    } else {
      const name = `rc_crash_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      await admin.end();
      url = withDatabase(testDatabaseUrl, name);
      drop = async () => {
        const again = new pg.Client({ connectionString: testDatabaseUrl });
        await again.connect();
        await again.query(`drop database if exists "${name}" with (force)`);
        await again.end();
      };
    }
  } else if (options.migrated) {
    // freshDatabase builds (or finds) the migrated template; loading it into DATA_DIR saves initdb.
    const template = await freshDatabase();
    const file = await templateFile();
    await template.close();
    const seeded = await openDatabase({ kind: 'embedded', dataDir, loadFrom: file });
    await seeded.close();
  }
  const env: Record<string, string> = { DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) };
  return {
    dataDir,
    url,
    env,
    open: () =>
      url
        ? openDatabase({ kind: 'postgres', url, maxConnections: 2 })
        : openDatabase({ kind: 'embedded', dataDir, log: () => {} }),
    async destroy() {
      await drop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function templateFile(): Promise<string> {
  const h = createHash('sha256');
  for (const m of await listMigrations()) h.update(m.name).update(m.sql);
  return path.join(ROOT, '.test-cache', `template-${h.digest('hex').slice(0, 16)}.tar.gz`);
}

/** Runs `run` against the database with nothing else holding it, then closes it. */
export async function usingDatabase<T>(place: Place, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await place.open();
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

export interface Child {
  process: ChildProcess;
  /** Everything printed so far, both streams. */
  output(): string;
  waitFor(pattern: RegExp, seconds?: number): Promise<string>;
  exited: Promise<number | null>;
  /** SIGKILL, then waits until the process is gone (and reaped, so its pid is free). */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<number | null>;
}

/** The real `connectors` command (or another script under the repository) in a child process. */
export function run(args: string[], env: Record<string, string>, script = 'src/cli.ts'): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: SECRET,
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: (() => void)[] = [];
  const onData = (d: Buffer) => {
    out += d;
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => out,
    exited,
    waitFor(pattern, seconds = 90) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          done();
          reject(new Error(`Still waiting after ${seconds} s for ${pattern}:\n${out}`));
        }, seconds * 1000);
        const check = () => {
          if (pattern.test(out)) {
            done();
            resolve(out);
          }
        };
        const onExit = (code: number | null) => {
          done();
          reject(new Error(`The process exited (${code}) before ${pattern}:\n${out}`));
        };
        const done = () => {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          child.off('exit', onExit);
        };
        waiters.push(check);
        child.on('exit', onExit);
        check();
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** `connectors serve` on a free port; resolves once it answers, with its address. */
export async function serve(place: Place, env: Record<string, string> = {}): Promise<{ child: Child; url: string }> {
  const child = run(['serve'], { ...place.env, ...env });
  const out = await child.waitFor(/running at (http:\/\/\S+) /);
  return { child, url: /running at (http:\/\/\S+) /.exec(out)![1]! };
}

/** Polls until `check` holds; fails with `what` after `seconds` (a guard, not a timing assertion). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Still waiting after ${seconds} s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A browser stand-in over real HTTP: keeps cookies and the last CSRF token, follows nothing. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(public base: string) {}
  async request(url: string, init: RequestInit = {}) {
    const res = await fetch(this.base + url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const body = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, body, location: res.headers.get('location') ?? '' };
  }
  get(url: string) {
    return this.request(url);
  }
  async post(url: string, fields: Record<string, string>) {
    if (!this.csrf) await this.get(this.cookies.has('rc_session') ? '/account' : '/sign-in');
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
    });
  }
  async signIn(email: string, password: string) {
    const res = await this.post('/sign-in', { email, password });
    if (res.status !== 303) throw new Error(`sign-in as ${email} failed with ${res.status}`);
    this.csrf = '';
  }
}
