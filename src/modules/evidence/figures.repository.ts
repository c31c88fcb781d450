// Counts of an organisation's own recorded work over a period, for other modules that show
// them to the organisation or freeze them into a submission (standards self-assessment).
// Counts of records, never of people, so they reveal no one.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface EvidenceFigures {
  questionnaires: number;
  sessions: number;
  attendances: number;
  volunteerHours: number;
}

export async function evidenceFiguresForOrg(db: Kysely<DB>, orgId: string, since: string): Promise<EvidenceFigures> {
  const row = await sql<{ questionnaires: number; sessions: number; attendances: number; hours: number }>`
    select
      (select count(*) from evidence_assessments where org_id = ${orgId} and assessed_on >= ${since}::date)
        as questionnaires,
      (select count(*) from evidence_activities where org_id = ${orgId} and held_on >= ${since}::date) as sessions,
      (select coalesce(sum(attendance), 0) from evidence_activities where org_id = ${orgId} and held_on >= ${since}::date)
        as attendances,
      (select coalesce(sum(hours), 0) from evidence_volunteer_hours where org_id = ${orgId} and worked_on >= ${since}::date)
      + (select coalesce(sum(volunteer_hours), 0) from evidence_activities
          where org_id = ${orgId} and held_on >= ${since}::date) as hours
  `.execute(db);
  const r = row.rows[0]!;
  return {
    questionnaires: Number(r.questionnaires),
    sessions: Number(r.sessions),
    attendances: Number(r.attendances),
    volunteerHours: Math.round(Number(r.hours) * 10) / 10,
  };
}
