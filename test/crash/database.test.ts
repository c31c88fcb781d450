// kill -9 and the database itself: the embedded engine's lock file left by a killed server, and
// migrations killed part-way (the real `connectors migrate` at many points, and a slow migration
// of our own killed while it runs). After each restart the schema is whole and schema_migrations
// lists exactly the migrations whose changes are there.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/platform/db/database.ts';
import { listMigrations, MIGRATIONS_DIR } from '../../src/platform/db/migrate.ts';
import { freshDatabase } from '../support/database.ts';
import { engine, eventually, freshPlace, run, serve, usingDatabase, type Place } from './support.ts';

const places: Place[] = [];
async function place(migrated: boolean) {
  const p = await freshPlace({ migrated });
  places.push(p);
  return p;
}
after(async () => {
  for (const p of places) await p.destroy();
});

/** Everything the migrations make, as text: tables and columns, constraints, indexes, functions, triggers. */
async function schemaOf(database: Pick<Database, 'db'>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select format('column %s.%s.%s %s %s %s', table_schema, table_name, column_name, data_type, is_nullable,
                  coalesce(column_default, '')) as line
      from information_schema.columns where table_schema in ('public', 'pgboss')
    union all
    select format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
      from pg_constraint where connamespace in ('public'::regnamespace, 'pgboss'::regnamespace)
    union all
    select format('index %s', indexdef) from pg_indexes where schemaname in ('public', 'pgboss')
    union all
    select format('function %s %s', p.oid::regprocedure, md5(p.prosrc))
      from pg_proc p where p.pronamespace in ('public'::regnamespace, 'pgboss'::regnamespace)
    union all
    select format('trigger %s %s', tgrelid::regclass, tgname) from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and c.relnamespace in ('public'::regnamespace, 'pgboss'::regnamespace)
    order by 1`.execute(database.db);
  return rows.map((r) => r.line);
}

let reference: string[];
before(async () => {
  const migrated = await freshDatabase();
  reference = await schemaOf(migrated);
  await migrated.close();
});

async function assertWhole(p: Place) {
  await usingDatabase(p, async (database) => {
    const rows = await database.db
      .selectFrom('schema_migrations')
      .select(['version', 'name'])
      .orderBy('version')
      .execute();
    const expected = (await listMigrations()).map((m) => ({ version: m.version, name: m.name }));
    assert.deepEqual(rows, expected, 'one row for each migration, none missing, none twice');
    assert.deepEqual(await schemaOf(database), reference, 'the schema is the one a clean migration makes');
  });
}

test(
  'a server killed with SIGKILL leaves its lock; the next start takes it over and says so, and refuses a second process',
  { skip: engine === 'postgres' ? 'the lock file belongs to the embedded engine' : false },
  async () => {
    const p = await place(true);
    const first = await serve(p);
    const lock = path.join(p.dataDir, 'embedded-db.lock');
    assert.equal((await readFile(lock, 'utf8')).trim(), String(first.child.process.pid));
    await first.child.kill9();
    assert.ok(existsSync(lock), 'a killed process cannot remove its lock');

    const second = await serve(p);
    assert.match(
      second.child.output(),
      new RegExp(
        `The embedded database in \\S+ was not closed cleanly \\(its lock names process ${first.child.process.pid}, which is no longer running\\): taking the lock over`,
      ),
    );
    const health = (await (await fetch(`${second.url}/healthz`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    assert.equal((await readFile(lock, 'utf8')).trim(), String(second.child.process.pid));

    const intruder = run(['migrate'], p.env);
    assert.equal(await intruder.exited, 1, 'a live holder is never taken over');
    assert.match(intruder.output(), /in use by another process \(pid \d+\)/);
    assert.equal(await second.child.stop(), 0);
    assert.ok(!existsSync(lock), 'a clean stop removes the lock');
    const clean = run(['migrate'], p.env);
    assert.equal(await clean.exited, 0);
    assert.doesNotMatch(clean.output(), /not closed cleanly/, 'after a clean stop there is nothing to take over');
  },
);

test('`connectors migrate` killed at several points of a first migration: the next run completes it, whole', async () => {
  const p = await place(false);
  const total = (await listMigrations()).length;
  // Where each kill lands. PostgreSQL: after a chosen number of migrations has committed, read from
  // the server while the command runs. Embedded (no second reader allowed): after a spread of delays,
  // which land in the engine's first start, between migrations and inside them.
  const points = [2, Math.floor(total / 2), total - 3];
  const delays = [1300, 2100, 2900];
  const monitor = p.url ? new pg.Client({ connectionString: p.url }) : undefined;
  await monitor?.connect();
  try {
    for (let i = 0; i < (monitor ? points.length : delays.length); i++) {
      const child = run(['migrate'], p.env);
      if (monitor) {
        await eventually(`migration ${points[i]} committed`, async () => {
          if (child.process.exitCode !== null) return true;
          const r = await monitor
            .query<{ n: number }>('select count(*)::int as n from schema_migrations')
            .catch(() => ({ rows: [{ n: 0 }] }));
          return r.rows[0]!.n >= points[i]!;
        });
      } else await new Promise((r) => setTimeout(r, delays[i]));
      await child.kill9();
    }
  } finally {
    await monitor?.end();
  }
  const last = run(['migrate'], p.env);
  assert.equal(await last.exited, 0, last.output());
  await assertWhole(p);
});

test('a slow migration killed while it runs leaves no trace; the next run applies it once', async () => {
  const p = await place(true);
  // The app's migrations (already applied) and one more of our own: it makes a table, fills it,
  // then waits, so the kill lands inside its transaction.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-crash-migrations-'));
  try {
    for (const f of await readdir(MIGRATIONS_DIR))
      if (f.endsWith('.sql')) await copyFile(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const probe = (wait: number) => `create table crash_probe (id integer primary key, note text not null);
insert into crash_probe select g, repeat('x', 50) from generate_series(1, 20000) g;
create index crash_probe_note on crash_probe (note);
select pg_sleep(${wait});
alter table crash_probe add column done boolean not null default true;`;
    // On a server the killed client's backend runs its statement to the end before it notices and
    // rolls back (holding the migration lock meanwhile), so there the wait is short.
    const wait = p.url ? 3 : 60;
    await writeFile(path.join(dir, '9990_crash_probe.sql'), probe(wait));
    const child = run([dir], p.env, 'test/crash/migrate-from.ts');
    await child.waitFor(/migrating/);
    if (p.url) {
      const monitor = new pg.Client({ connectionString: p.url });
      await monitor.connect();
      await eventually('the probe migration is waiting inside its transaction', async () => {
        const r = await monitor.query(
          `select 1 from pg_stat_activity where query like '%pg_sleep(${wait})%' and pid <> pg_backend_pid()`,
        );
        return r.rowCount === 1;
      });
      await monitor.end();
    } else await new Promise((r) => setTimeout(r, 1500));
    await child.kill9();

    await usingDatabase(p, async (database) => {
      const probeRow = await database.db
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', 9990)
        .executeTakeFirst();
      assert.equal(probeRow, undefined, 'the killed migration is not recorded');
      const table = await sql<{ t: string | null }>`select to_regclass('public.crash_probe')::text as t`.execute(
        database.db,
      );
      assert.equal(table.rows[0]!.t, null, 'and nothing it made is left');
    });

    await writeFile(path.join(dir, '9990_crash_probe.sql'), probe(0));
    const again = run([dir], p.env, 'test/crash/migrate-from.ts');
    assert.equal(await again.exited, 0, again.output());
    assert.match(again.output(), /applied 9990/);
    await usingDatabase(p, async (database) => {
      const rows = await database.db
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', 9990)
        .execute();
      assert.equal(rows.length, 1);
      const filled = await sql<{ n: number; done: number }>`
        select count(*)::int as n, count(*) filter (where done)::int as done from crash_probe`.execute(database.db);
      assert.deepEqual(filled.rows[0], { n: 20000, done: 20000 });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
