// All SQL for stored uploads: a file is kept as numbered chunks of bytes, scoped by org_id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function insertUploadChunk(
  db: Kysely<DB>,
  orgId: string,
  runId: string,
  seq: number,
  bytes: Buffer,
): Promise<void> {
  await db.insertInto('evidence_import_uploads').values({ org_id: orgId, run_id: runId, seq, bytes }).execute();
}

export async function findUploadChunk(
  db: Kysely<DB>,
  orgId: string,
  runId: string,
  seq: number,
): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('evidence_import_uploads')
    .select('bytes')
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row ? Buffer.from(row.bytes) : undefined;
}

export async function deleteUpload(db: Kysely<DB>, orgId: string, runId: string): Promise<void> {
  await db.deleteFrom('evidence_import_uploads').where('org_id', '=', orgId).where('run_id', '=', runId).execute();
}

/** Stored bytes whose run is no longer waiting (a crash between its end and the delete), across organisations. */
export async function unsafeDeleteOrphanUploads(db: Kysely<DB>): Promise<number> {
  const r = await db
    .deleteFrom('evidence_import_uploads')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('evidence_import_runs as r')
            .select('r.id')
            .whereRef('r.id', '=', 'evidence_import_uploads.run_id')
            .where('r.status', 'in', ['receiving', 'uploaded']),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function uploadBytes(db: Kysely<DB>, orgId: string, runId: string): Promise<number> {
  const row = await db
    .selectFrom('evidence_import_uploads')
    .select(sql<string>`coalesce(sum(length(bytes)), 0)`.as('n'))
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
