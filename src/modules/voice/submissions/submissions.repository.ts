// All SQL for papers to government: drafts, kept versions, comments and endorsements.
import type { Kysely } from 'kysely';
import type { DB, Json } from '../../../platform/db/schema.ts';

export interface SubmissionRow {
  id: string;
  title: string;
  addressee: string;
  status: string;
  current_version: number;
  consultation_id: string | null;
  published_at: Date | null;
}
const cols = ['id', 'title', 'addressee', 'status', 'current_version', 'consultation_id', 'published_at'] as const;

export async function insertSubmission(
  db: Kysely<DB>,
  s: { title: string; addressee: string; consultationId: string | null; by: string },
): Promise<string> {
  return (
    await db
      .insertInto('voice_submissions')
      .values({
        org_id: null,
        title: s.title,
        addressee: s.addressee,
        consultation_id: s.consultationId,
        created_by: s.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
export async function findSubmission(db: Kysely<DB>, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom('voice_submissions').select(cols).where('id', '=', id).executeTakeFirst();
}
export async function listSubmissions(db: Kysely<DB>, publishedOnly: boolean): Promise<SubmissionRow[]> {
  let q = db.selectFrom('voice_submissions').select(cols);
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('created_at', 'desc').limit(200).execute();
}
/** Adds the next version; the row lock keeps two saves from taking the same number. */
export async function addVersion(
  db: Kysely<DB>,
  id: string,
  s: { title: string; addressee: string; consultationId: string | null },
  content: unknown,
  by: string,
): Promise<number> {
  const row = await db
    .updateTable('voice_submissions')
    .set((eb) => ({
      current_version: eb('current_version', '+', 1),
      title: s.title,
      addressee: s.addressee,
      consultation_id: s.consultationId,
    }))
    .where('id', '=', id)
    .returning('current_version')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('voice_submission_versions')
    .values({
      submission_id: id,
      org_id: null,
      version: row.current_version,
      content: JSON.stringify(content) as unknown as Json,
      created_by: by,
    })
    .execute();
  return row.current_version;
}
export async function findVersion(db: Kysely<DB>, id: string, version: number): Promise<unknown> {
  return (
    await db
      .selectFrom('voice_submission_versions')
      .select('content')
      .where('submission_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst()
  )?.content;
}
export async function publish(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('voice_submissions')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', id)
    .execute();
}
export async function insertComment(
  db: Kysely<DB>,
  c: { submissionId: string; orgId: string; version: number; personId: string; body: string },
): Promise<void> {
  await db
    .insertInto('voice_submission_comments')
    .values({ submission_id: c.submissionId, org_id: c.orgId, version: c.version, person_id: c.personId, body: c.body })
    .execute();
}
export async function listComments(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('voice_submission_comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.org_id')
    .select(['c.body', 'c.version', 'c.created_at', 'o.name as org_name'])
    .where('c.submission_id', '=', id)
    .orderBy('c.created_at')
    .execute();
}
export async function endorse(db: Kysely<DB>, id: string, orgId: string, personId: string): Promise<void> {
  await db
    .insertInto('voice_endorsements')
    .values({ submission_id: id, org_id: orgId, person_id: personId })
    .onConflict((oc) => oc.columns(['submission_id', 'org_id']).doNothing())
    .execute();
}
export async function listEndorsers(db: Kysely<DB>, id: string): Promise<{ org_id: string; name: string }[]> {
  return db
    .selectFrom('voice_endorsements as e')
    .innerJoin('organisations as o', 'o.id', 'e.org_id')
    .select(['e.org_id', 'o.name'])
    .where('e.submission_id', '=', id)
    .where('o.status', '=', 'member')
    .orderBy('o.name')
    .execute();
}
