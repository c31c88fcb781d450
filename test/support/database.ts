// A fresh, migrated database for each test file, fast. Embedded (default): one migrated
// template is built per change of the migrations and cached, then each file loads a copy
// (~0.5 s instead of ~3 s of initdb). PostgreSQL (TEST_DATABASE_URL set): each file gets its
// own database created from a migrated template database, and drops it afterwards.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { listMigrations, migrate } from '../../src/platform/db/migrate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = path.join(ROOT, '.test-cache');

export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
export const testDatabaseKind = testDatabaseUrl ? 'postgres' : 'embedded';

async function migrationsHash(): Promise<string> {
  const h = createHash('sha256');
  for (const m of await listMigrations()) h.update(m.name).update(m.sql);
  return h.digest('hex').slice(0, 16);
}

async function embeddedTemplate(): Promise<string> {
  const file = path.join(CACHE, `template-${await migrationsHash()}.tar.gz`);
  if (existsSync(file)) return file;
  await mkdir(CACHE, { recursive: true });
  const database = await openDatabase({ kind: 'embedded' });
  try {
    await migrate(database.pool);
    const tmp = `${file}.${process.pid}.tmp`;
    await database.embedded!.dump(tmp);
    await rename(tmp, file); // atomic: parallel test files never read half a template
  } finally {
    await database.close();
  }
  return file;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Retries while a database's last connections are still closing (error 55006). */
async function whenFree(run: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function postgresTemplate(admin: pg.Client): Promise<string> {
  const hash = await migrationsHash();
  const name = `rc_template_${hash}`;
  // One test file builds the template; the others wait on the lock, then find it.
  await admin.query('select pg_advisory_lock($1)', [Number.parseInt(hash.slice(0, 8), 16)]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    await admin.query(`create database "${name}"`);
    const database = await openDatabase({
      kind: 'postgres',
      url: withDatabase(testDatabaseUrl!, name),
      maxConnections: 1,
    });
    try {
      await migrate(database.pool);
    } catch (err) {
      await database.close();
      await whenFree(() => admin.query(`drop database if exists "${name}"`));
      throw err;
    }
    await database.close();
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [Number.parseInt(hash.slice(0, 8), 16)]);
  }
}

export interface TestDatabase extends Database {
  /** postgres: the connection string of this file's own database. */
  url: string | undefined;
}

export async function freshDatabase(): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const database = await openDatabase({ kind: 'embedded', loadFrom: await embeddedTemplate() });
    return Object.assign(database, { url: undefined });
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  const name = `rc_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  try {
    const template = await postgresTemplate(admin);
    await whenFree(() => admin.query(`create database "${name}" template "${template}"`));
  } finally {
    await admin.end();
  }
  const url = withDatabase(testDatabaseUrl, name);
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
  const close = database.close.bind(database);
  return Object.assign(database, {
    url,
    close: async () => {
      await close().catch(() => {}); // the pool may have been ended already by a test
      const again = new pg.Client({ connectionString: testDatabaseUrl });
      await again.connect();
      await again.query(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  });
}
