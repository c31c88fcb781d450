// All SQL for imports: remembered column mappings, upload runs and their reports, and the
// look-ups the import engine asks for. Every query is scoped by org_id.
import type { TextEncoding } from './engine/inspect-upload.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ColumnMapping } from './engine/column-mapping.ts';
import type { ImportReport } from './engine/import-report.ts';
import type { ImportTarget } from './engine/target-schemas.ts';
import type { SeenKeyStore } from './engine/run-import.ts';

export interface RememberedMapping {
  mapping: ColumnMapping;
  /** The headings of the file it was chosen for, in order. */
  headings: string[];
}

export async function findRememberedMapping(
  db: Kysely<DB>,
  orgId: string,
  target: ImportTarget,
): Promise<RememberedMapping | undefined> {
  const row = await db
    .selectFrom('evidence_import_mappings')
    .select(['mapping', 'headings'])
    .where('org_id', '=', orgId)
    .where('target', '=', target)
    .executeTakeFirst();
  return row ? { mapping: row.mapping as ColumnMapping, headings: row.headings as string[] } : undefined;
}

export async function rememberMapping(
  db: Kysely<DB>,
  orgId: string,
  target: ImportTarget,
  mapping: ColumnMapping,
  headings: readonly string[],
): Promise<void> {
  const value = JSON.stringify(mapping);
  const heads = JSON.stringify(headings);
  await db
    .insertInto('evidence_import_mappings')
    .values({ org_id: orgId, target, mapping: value, headings: heads })
    .onConflict((oc) =>
      oc.columns(['org_id', 'target']).doUpdateSet({ mapping: value, headings: heads, updated_at: new Date() }),
    )
    .execute();
}

export async function setImportRunEncoding(
  db: Kysely<DB>,
  orgId: string,
  id: string,
  encoding: TextEncoding,
): Promise<void> {
  await db
    .updateTable('evidence_import_runs')
    .set({ encoding })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The organisation's secret for hashing erased codes, made on first use. */
export async function erasureSecret(db: Kysely<DB>, orgId: string, fresh: string): Promise<string> {
  await db
    .insertInto('evidence_erasure_keys')
    .values({ org_id: orgId, secret: fresh })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('evidence_erasure_keys')
    .select('secret')
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.secret;
}

export async function insertErasedCode(db: Kysely<DB>, orgId: string, codeHash: string): Promise<void> {
  await db
    .insertInto('evidence_erased_codes')
    .values({ org_id: orgId, code_hash: codeHash })
    .onConflict((oc) => oc.columns(['org_id', 'code_hash']).doNothing())
    .execute();
}

export async function erasedCodeHashes(db: Kysely<DB>, orgId: string, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('evidence_erased_codes')
    .select('code_hash')
    .where('org_id', '=', orgId)
    .where('code_hash', 'in', [...hashes])
    .execute();
  return new Set(rows.map((r) => r.code_hash));
}

export async function insertImportRun(
  db: Kysely<DB>,
  r: {
    orgId: string;
    target: ImportTarget;
    fileName: string;
    fileKind: 'csv' | 'xlsx';
    via: 'web' | 'cli';
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('evidence_import_runs')
    .values({
      org_id: r.orgId,
      target: r.target,
      file_name: r.fileName,
      file_kind: r.fileKind,
      via: r.via,
      created_by: r.createdBy,
      status: 'receiving',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportRun(db: Kysely<DB>, orgId: string, id: string) {
  return db
    .selectFrom('evidence_import_runs')
    .select([
      'id',
      'target',
      'file_name',
      'file_kind',
      'encoding',
      'status',
      'mode',
      'mapping',
      'report',
      'via',
      'rows_read',
      'imported',
      'invalid_rows',
      'duplicates',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ImportRunRow = NonNullable<Awaited<ReturnType<typeof findImportRun>>>;

export async function listImportRuns(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_import_runs as r')
    .leftJoin('people', 'people.id', 'r.created_by')
    .select([
      'r.id',
      'r.target',
      'r.file_name',
      'r.status',
      'r.rows_read',
      'r.imported',
      'r.invalid_rows',
      'r.duplicates',
      'r.via',
      'r.created_at',
      'people.display_name as by_name',
    ])
    .where('r.org_id', '=', orgId)
    .orderBy('r.created_at', 'desc')
    .limit(20)
    .execute();
}

export async function saveRunMapping(db: Kysely<DB>, orgId: string, id: string, mapping: ColumnMapping): Promise<void> {
  await db
    .updateTable('evidence_import_runs')
    .set({ mapping: JSON.stringify(mapping) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function finishImportRun(
  db: Kysely<DB>,
  orgId: string,
  id: string,
  report: ImportReport,
  status: 'uploaded' | 'imported' | 'rejected' | 'dry_run',
): Promise<void> {
  await db
    .updateTable('evidence_import_runs')
    .set({
      status,
      mode: report.mode,
      rows_read: report.rowsRead,
      imported: report.imported,
      invalid_rows: report.invalidRows,
      duplicates: report.duplicateRows.withinFile + report.duplicateRows.alreadyImported,
      report: JSON.stringify(report),
      finished_at: status === 'uploaded' ? null : new Date(),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Uploads of the organisation still waiting (being received, or not yet imported) from the last day. */
export async function countWaitingRuns(db: Kysely<DB>, orgId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('evidence_import_runs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', 'in', ['receiving', 'uploaded'])
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs still waiting that were started before the cutoff, across organisations (the daily sweep). */
export async function unsafeAbandonedRuns(db: Kysely<DB>, cutoff: Date): Promise<{ org_id: string; id: string }[]> {
  return db
    .selectFrom('evidence_import_runs')
    .select(['org_id', 'id'])
    .where('status', 'in', ['receiving', 'uploaded'])
    .where('created_at', '<', cutoff)
    .execute();
}

export async function setImportRunStatus(
  db: Kysely<DB>,
  orgId: string,
  id: string,
  status: 'cancelled' | 'uploaded',
): Promise<void> {
  await db
    .updateTable('evidence_import_runs')
    .set({ status, finished_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function existingActivityKeys(
  db: Kysely<DB>,
  orgId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('evidence_activities')
    .select('natural_key')
    .where('org_id', '=', orgId)
    .where('natural_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.natural_key));
}

/**
 * The keys an import has met, in a temporary table that lives as long as its transaction,
 * so a file of a million rows costs the server a little disk rather than the app memory.
 */
export async function databaseSeenKeys(tx: Kysely<DB>): Promise<SeenKeyStore> {
  await sql`create temporary table import_seen_keys (hash text primary key, row_number integer not null) on commit drop`.execute(
    tx,
  );
  return {
    async remember(entries) {
      const inserted = await sql<{ hash: string }>`
        insert into import_seen_keys (hash, row_number)
        select * from unnest(${entries.map((e) => e.hash)}::text[], ${entries.map((e) => e.row)}::int[])
        on conflict (hash) do nothing
        returning hash`.execute(tx);
      const isNew = new Set(inserted.rows.map((r) => r.hash));
      const firstInBatch = new Map<string, number>();
      const earlier: string[] = [];
      for (const e of entries) {
        if (!firstInBatch.has(e.hash)) firstInBatch.set(e.hash, e.row);
        if (!isNew.has(e.hash)) earlier.push(e.hash);
      }
      const before = earlier.length
        ? await sql<{
            hash: string;
            row_number: number;
          }>`select hash, row_number from import_seen_keys where hash = any(${earlier}::text[])`.execute(tx)
        : { rows: [] };
      const firstRow = new Map(before.rows.map((r) => [r.hash, r.row_number]));
      const duplicates = new Map<number, number>();
      for (const e of entries) {
        const first = isNew.has(e.hash) ? firstInBatch.get(e.hash)! : firstRow.get(e.hash)!;
        if (first !== e.row) duplicates.set(e.row, first);
      }
      return duplicates;
    },
  };
}
