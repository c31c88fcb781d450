// All SQL for stored uploads: a file is kept as numbered chunks of bytes, scoped by org_id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function insertUploadChunk(db: Kysely<DB>, orgId: string, runId: string, seq: number, bytes: Buffer): Promise<void> {
  await db.insertInto('evidence_import_uploads').values({ org_id: orgId, run_id: runId, seq, bytes: bytes as unknown as string }).execute();
}

export async function findUploadChunk(db: Kysely<DB>, orgId: string, runId: string, seq: number): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('evidence_import_uploads')
    .select('bytes')
    .where('org_id', '=', orgId)
    .where('run_id', '=', runId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row ? Buffer.from(row.bytes as unknown as Uint8Array) : undefined;
}

export async function deleteUpload(db: Kysely<DB>, orgId: string, runId: string): Promise<void> {
  await db.deleteFrom('evidence_import_uploads').where('org_id', '=', orgId).where('run_id', '=', runId).execute();
}

/** Uploads whose first chunk is older than the cutoff, across organisations (for the daily sweep). */
export async function abandonedUploads(db: Kysely<DB>, cutoff: Date): Promise<{ org_id: string; run_id: string }[]> {
  return db
    .selectFrom('evidence_import_uploads')
    .select(['org_id', 'run_id'])
    .where('seq', '=', 0)
    .where('created_at', '<', cutoff)
    .execute();
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
