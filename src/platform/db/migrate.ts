// Applies numbered plain-SQL migrations from /migrations, forward only, each in its own
// transaction, under an advisory lock so two instances starting together don't race.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
/** The advisory lock migrations take; a restore takes it too, so the two never run together. */
export const MIGRATION_LOCK_KEY = 7342001; // any constant shared by all instances of this app

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    migrations.push({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(path.join(dir, file), 'utf8'),
    });
  }
  const seen = new Set<number>();
  for (const m of migrations) {
    if (seen.has(m.version)) throw new Error(`Two migrations share the number ${m.version}.`);
    seen.add(m.version);
  }
  return migrations;
}

/** Applies what is missing; returns the versions applied now. */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<number[]> {
  const migrations = await listMigrations(dir);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    for (const m of migrations) {
      await client.query('begin');
      try {
        await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        const done = await client.query('select 1 from schema_migrations where version = $1', [m.version]);
        if (done.rowCount === 0) {
          await client.query(m.sql);
          await client.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
          applied.push(m.version);
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    client.release();
  }
  return applied;
}

export async function currentMigrationVersion(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ v: number | null }>('select max(version) as v from schema_migrations');
  return r.rows[0]?.v ?? 0;
}
