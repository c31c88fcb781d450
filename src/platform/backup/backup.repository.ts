// All SQL of backup and restore: reading the catalogue, streaming rows as text, and rebuilding
// a database inside one transaction. Tables are found in the catalogue, not listed, so a new
// migration's tables are backed up without anyone remembering to add them.
import { sql, type Kysely } from 'kysely';
import { MIGRATION_LOCK_KEY } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import type { MigrationRef, SequenceValue } from './archive-format.ts';

export interface TableInfo {
  name: string;
  /** Columns a row is written with: not generated ones (the database computes those again). */
  columns: { name: string; type: string; collatable: boolean; primaryKeyPosition: number }[];
  /** A `generated always as identity` column: inserting it needs `overriding system value`. */
  identityAlways: boolean;
  /** Rows may be megabytes (pictures): fetch a few at a time. */
  hasBytea: boolean;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Fixed output settings for the transaction, so a value's text form is the same on either
 * engine and whatever the server's defaults: UTC timestamps in ISO style, hex bytea.
 */
export async function useStableTextOutput(tx: Kysely<DB>): Promise<void> {
  await sql`set local timezone = 'UTC'`.execute(tx);
  await sql`set local datestyle = 'ISO, YMD'`.execute(tx);
  await sql`set local intervalstyle = 'postgres'`.execute(tx);
  await sql`set local extra_float_digits = 1`.execute(tx);
  await sql`set local bytea_output = 'hex'`.execute(tx);
}

export async function markReadOnlySnapshot(tx: Kysely<DB>): Promise<void> {
  await sql`set transaction isolation level repeatable read, read only`.execute(tx);
}

export async function appliedMigrations(db: Kysely<DB>): Promise<MigrationRef[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('public.schema_migrations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<MigrationRef>`select version, name from schema_migrations order by version`.execute(db);
  return r.rows.map((m) => ({ version: Number(m.version), name: m.name }));
}

/** Every table of the app's schema except the migrations list (the archive's header holds that). */
export async function listTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const r = await sql<{
    table_name: string;
    column_name: string;
    type: string;
    collatable: boolean;
    identity_always: boolean;
    is_bytea: boolean;
    pk_position: number;
  }>`
    select c.relname as table_name, a.attname as column_name,
           format_type(a.atttypid, a.atttypmod) as type,
           a.attcollation <> 0 as collatable,
           a.attidentity = 'a' as identity_always,
           a.atttypid = 'bytea'::regtype as is_bytea,
           coalesce(array_position(pk.conkey, a.attnum), 0)::int as pk_position
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    left join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
    where c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
    order by c.relname collate "C", a.attnum`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const row of r.rows) {
    let t = tables.get(row.table_name);
    if (!t) {
      t = { name: row.table_name, columns: [], identityAlways: false, hasBytea: false };
      tables.set(row.table_name, t);
    }
    t.columns.push({
      name: row.column_name,
      type: row.type,
      collatable: row.collatable,
      primaryKeyPosition: row.pk_position,
    });
    t.identityAlways ||= row.identity_always;
    t.hasBytea ||= row.is_bytea;
  }
  return [...tables.values()];
}

/** The select that gives each row as one JSON line of text values, in a stable order. */
function rowLinesQuery(t: TableInfo): string {
  const line = `array_to_json(array[${t.columns.map((c) => `${ident(c.name)}::text`).join(', ')}]::text[])::text`;
  const pk = t.columns
    .filter((c) => c.primaryKeyPosition > 0)
    .sort((a, b) => a.primaryKeyPosition - b.primaryKeyPosition);
  // Collatable keys are ordered bytewise so both engines (PGlite is "C", servers often not)
  // give the same order, and so the same checksum.
  const order = pk.length
    ? pk.map((c) => (c.collatable ? `${ident(c.name)} collate "C"` : ident(c.name))).join(', ')
    : `${line} collate "C"`;
  return `select ${line} as line from ${ident(t.name)} order by ${order}`;
}

/** Streams a table's row lines through a cursor, a batch at a time (inside a transaction). */
export async function streamRowLines(
  tx: Kysely<DB>,
  t: TableInfo,
  onBatch: (lines: string[]) => Promise<void>,
): Promise<void> {
  const batch = t.hasBytea ? 8 : 1000;
  await sql.raw(`declare backup_rows no scroll cursor for ${rowLinesQuery(t)}`).execute(tx);
  try {
    for (;;) {
      const r = await sql.raw<{ line: string }>(`fetch forward ${batch} from backup_rows`).execute(tx);
      if (r.rows.length === 0) break;
      await onBatch(r.rows.map((x) => x.line));
    }
  } finally {
    await sql.raw('close backup_rows').execute(tx);
  }
}

export async function readSequences(tx: Kysely<DB>): Promise<SequenceValue[]> {
  const names = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind = 'S' order by c.relname collate "C"`.execute(tx);
  const out: SequenceValue[] = [];
  for (const { name } of names.rows) {
    const r = await sql
      .raw<{
        last_value: string;
        is_called: boolean;
      }>(`select last_value::text as last_value, is_called from ${ident(name)}`)
      .execute(tx);
    out.push({ name, lastValue: r.rows[0]!.last_value, isCalled: r.rows[0]!.is_called });
  }
  return out;
}

/** Tables that hold at least one row. */
export async function tablesWithRows(db: Kysely<DB>, tables: readonly TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const r = await sql.raw<{ has: boolean }>(`select exists (select 1 from ${ident(t.name)}) as has`).execute(db);
    if (r.rows[0]?.has) found.push(t.name);
  }
  return found;
}

// ---- restore: everything below runs inside the restore's one transaction ----

export async function prepareRestore(tx: Kysely<DB>): Promise<void> {
  // Fail with a message rather than wait for ever behind a running instance's locks.
  await sql`set local lock_timeout = '15s'`.execute(tx);
  // the migration runner's lock, so a restore and an instance starting up and migrating never overlap
  await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
}

/**
 * Empties the database to nothing: the app's schema and the job queue's. The migrations then
 * build it again to the backup's schema version, in this same transaction.
 */
export async function dropAppSchemas(tx: Kysely<DB>): Promise<void> {
  await sql`drop schema if exists pgboss cascade`.execute(tx);
  await sql`drop schema if exists public cascade`.execute(tx);
  await sql`create schema public`.execute(tx);
  await sql`grant usage on schema public to public`.execute(tx);
  // As the migration runner creates it.
  await sql`create table schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
}

export async function applyMigration(tx: Kysely<DB>, m: MigrationRef & { sql: string }): Promise<void> {
  await sql.raw(m.sql).execute(tx); // no parameters: the simple protocol, so many statements run
  await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(tx);
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Drops every foreign key (they are put back, and so checked, once all rows are in). */
export async function dropForeignKeys(tx: Kysely<DB>): Promise<ForeignKey[]> {
  const r = await sql<ForeignKey>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
    where c.contype = 'f' and c.conparentid = 0
    order by 1, 2`.execute(tx);
  for (const fk of r.rows) await sql.raw(`alter table ${fk.table} drop constraint ${ident(fk.name)}`).execute(tx);
  return r.rows;
}

export async function addForeignKeys(tx: Kysely<DB>, keys: readonly ForeignKey[]): Promise<void> {
  for (const fk of keys) {
    await sql.raw(`alter table ${fk.table} add constraint ${ident(fk.name)} ${fk.definition}`).execute(tx);
  }
}

/**
 * Triggers off while rows go in: the backup already holds what they would derive (the insight
 * summaries), and running them again would count every row twice.
 */
export async function setUserTriggers(tx: Kysely<DB>, tables: readonly TableInfo[], on: boolean): Promise<void> {
  for (const t of tables) {
    await sql.raw(`alter table ${ident(t.name)} ${on ? 'enable' : 'disable'} trigger user`).execute(tx);
  }
}

/** Rows the migrations themselves wrote; the backup's own copy of them replaces them. */
export async function truncateTables(tx: Kysely<DB>, tables: readonly TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  await sql.raw(`truncate table ${tables.map((t) => ident(t.name)).join(', ')}`).execute(tx);
}

/** Inserts row lines (JSON arrays of text) by casting each value from text to its column's type. */
export async function insertRowLines(tx: Kysely<DB>, t: TableInfo, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const columns = t.columns.map((c) => ident(c.name)).join(', ');
  const values = t.columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
  const overriding = t.identityAlways ? ' overriding system value' : '';
  await sql`insert into ${sql.raw(ident(t.name))} (${sql.raw(columns)})${sql.raw(overriding)}
    select ${sql.raw(values)} from json_array_elements(${`[${lines.join(',')}]`}::json) as r`.execute(tx);
}

export async function setSequence(tx: Kysely<DB>, s: SequenceValue): Promise<void> {
  await sql`select setval(quote_ident(${s.name})::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(tx);
}
