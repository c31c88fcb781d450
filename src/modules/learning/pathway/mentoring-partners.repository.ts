// Who mentored whom, for other modules that must know (standards refuses a peer reviewer whose
// organisation mentored, or was mentored by, the organisation under review in the last three years).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export interface MentoringPartner {
  orgId: string;
  /** What the partner was to the organisation asked about. */
  role: 'mentor' | 'mentee';
}

/** Organisations in an accepted (current or ended) mentoring match with `orgId` since `since` (an ISO date). */
export async function mentoringPartnersSince(
  db: Kysely<DB>,
  orgId: string,
  since: string,
): Promise<MentoringPartner[]> {
  const rows = await db
    .selectFrom('learning_mentor_requests')
    .select(['org_id', 'mentor_org_id'])
    .where('status', 'in', ['accepted', 'ended'])
    .where((eb) => eb.or([eb('org_id', '=', orgId), eb('mentor_org_id', '=', orgId)]))
    // An ended match counts from when it was agreed; that is the date the table keeps.
    .where(sql<boolean>`coalesce(decided_at, created_at) >= ${since}::date`)
    .execute();
  return rows.map((r) =>
    r.org_id === orgId ? { orgId: r.mentor_org_id, role: 'mentor' } : { orgId: r.org_id, role: 'mentee' },
  );
}
