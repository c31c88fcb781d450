// SQL for reach (people, sessions, attendance, volunteer hours), trends by quarter, contributed
// summaries, coverage and submissions. Organisation reads are scoped by org_id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface Reach {
  participants: number;
  assessed: number;
  sessions: number;
  attendance: number;
  volunteerHours: number;
}

export interface QuarterRow {
  quarter: string;
  sessions: number;
  attendance: number;
  volunteerHours: number;
  assessments: number;
  peopleAssessed: number;
}

/** An organisation's own reach, exactly. */
export async function readOrgReach(db: Kysely<DB>, orgId: string): Promise<Reach> {
  const r = await sql<Reach>`select
      (select count(*) from evidence_participants where org_id = ${orgId})::integer as participants,
      (select count(distinct participant_id) from evidence_assessments where org_id = ${orgId})::integer as assessed,
      (select count(*) from evidence_activities where org_id = ${orgId})::integer as sessions,
      (select coalesce(sum(attendance), 0) from evidence_activities where org_id = ${orgId})::integer as attendance,
      ((select coalesce(sum(volunteer_hours), 0) from evidence_activities where org_id = ${orgId})
        + (select coalesce(sum(hours), 0) from evidence_volunteer_hours where org_id = ${orgId}))::float8 as "volunteerHours"`.execute(
    db,
  );
  return r.rows[0]!;
}

/**
 * Per organisation: network-consented people with questionnaire results (from the maintained
 * summaries: the most on any one measure, so no table of participants is scanned), sessions,
 * attendance and volunteer hours.
 */
export async function readNetworkReach(
  db: Kysely<DB>,
  orgIds?: readonly string[],
): Promise<(Reach & { orgId: string; region: string })[]> {
  if (orgIds && orgIds.length === 0) return [];
  const r = await sql<Reach & { orgId: string; region: string }>`
    select o.id as "orgId", o.region,
      coalesce(s.n, 0)::integer as participants, coalesce(s.n, 0)::integer as assessed,
      coalesce(a.sessions, 0)::integer as sessions, coalesce(a.attendance, 0)::integer as attendance,
      (coalesce(a.hours, 0) + coalesce(v.hours, 0))::float8 as "volunteerHours"
    from organisations o
    left join (select org_id, max(people) n from insight_measure_summaries where network group by org_id) s on s.org_id = o.id
    left join (select org_id, count(*) sessions, sum(attendance) attendance, sum(volunteer_hours) hours from evidence_activities group by org_id) a on a.org_id = o.id
    left join (select org_id, sum(hours) hours from evidence_volunteer_hours group by org_id) v on v.org_id = o.id
    where o.status = 'member' ${orgIds ? sql`and o.id in (${sql.join(orgIds)})` : sql``}`.execute(db);
  return r.rows;
}

/** An organisation's activity and assessments by calendar quarter (e.g. 2025 Q3). */
export async function readOrgQuarters(db: Kysely<DB>, orgId: string): Promise<QuarterRow[]> {
  const r = await sql<QuarterRow>`
    with q as (
      select to_char(held_on, 'YYYY "Q"Q') quarter, count(*) sessions, sum(attendance) attendance, sum(coalesce(volunteer_hours, 0)) hours, 0 vh, 0 assessments, 0 people
      from evidence_activities where org_id = ${orgId} group by 1
      union all
      select to_char(worked_on, 'YYYY "Q"Q'), 0, 0, 0, sum(hours), 0, 0 from evidence_volunteer_hours where org_id = ${orgId} group by 1
      union all
      select to_char(assessed_on, 'YYYY "Q"Q'), 0, 0, 0, 0, count(*), count(distinct participant_id) from evidence_assessments where org_id = ${orgId} group by 1
    )
    select quarter, sum(sessions)::integer sessions, sum(attendance)::integer attendance, (sum(hours) + sum(vh))::float8 as "volunteerHours",
      sum(assessments)::integer assessments, sum(people)::integer as "peopleAssessed"
    from q group by quarter order by quarter`.execute(db);
  return r.rows;
}

/** Mean score per measure and quarter, for the trend chart (organisation's own view). */
export async function readOrgScoreTrends(
  db: Kysely<DB>,
  orgId: string,
): Promise<{ instrumentKey: string; measureKey: string; quarter: string; n: number; mean: number }[]> {
  const r = await sql<{ instrumentKey: string; measureKey: string; quarter: string; n: number; mean: number }>`
    select a.instrument_key as "instrumentKey", m.key as "measureKey", to_char(a.assessed_on, 'YYYY "Q"Q') as quarter,
      count(*)::integer as n, avg(m.value::numeric)::float8 as mean
    from evidence_assessments a cross join lateral jsonb_each(a.scores) m
    where a.org_id = ${orgId} and jsonb_typeof(m.value) = 'number'
    group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return r.rows;
}

export interface ContributedSummary {
  orgId: string;
  orgName: string;
  instrumentKey: string;
  measureKey: string;
  periodStart: string;
  periodEnd: string;
  n: number;
  meanChange: number;
  sdChange: number;
  collectionMethod: string;
}

/** The newest contributed summary per member organisation and measure. */
export async function readContributedSummaries(
  db: Kysely<DB>,
  orgIds?: readonly string[],
): Promise<ContributedSummary[]> {
  if (orgIds && orgIds.length === 0) return [];
  const r = await sql<ContributedSummary>`
    select distinct on (s.org_id, s.instrument_key, s.measure_key)
      s.org_id as "orgId", o.name as "orgName", s.instrument_key as "instrumentKey", s.measure_key as "measureKey",
      s.period_start::text as "periodStart", s.period_end::text as "periodEnd", s.n_paired as n,
      s.mean_change::float8 as "meanChange", s.sd_change::float8 as "sdChange", s.collection_method as "collectionMethod"
    from evidence_summaries s join organisations o on o.id = s.org_id
    where o.status = 'member' ${orgIds ? sql`and s.org_id in (${sql.join(orgIds)})` : sql``}
    order by s.org_id, s.instrument_key, s.measure_key, s.period_end desc, s.created_at desc`.execute(db);
  return r.rows;
}

/** Member organisations with the local authorities they serve and when they last sent data. */
export async function readMemberCoverage(
  db: Kysely<DB>,
): Promise<{ orgId: string; name: string; slug: string; region: string; ladCodes: string[]; lastData: Date | null }[]> {
  const r = await sql<{
    orgId: string;
    name: string;
    slug: string;
    region: string;
    ladCodes: string[] | null;
    lastData: Date | null;
  }>`
    select o.id as "orgId", o.name, o.slug, o.region,
      (select array_agg(lad_code order by lad_code) from org_areas a where a.org_id = o.id) as "ladCodes",
      greatest(s.last_assessment_at,
        (select max(created_at) from evidence_activities x where x.org_id = o.id),
        (select max(created_at) from evidence_summaries x where x.org_id = o.id)) as "lastData"
    from organisations o left join insight_org_submissions s on s.org_id = o.id
    where o.status = 'member' order by o.name`.execute(db);
  return r.rows.map((row) => ({ ...row, ladCodes: row.ladCodes ?? [] }));
}

/** Member organisations by slug, for choosing a consortium. */
export async function readMembers(db: Kysely<DB>): Promise<{ id: string; slug: string; name: string }[]> {
  const r = await sql<{
    id: string;
    slug: string;
    name: string;
  }>`select id, slug, name from organisations where status = 'member' order by name`.execute(db);
  return r.rows;
}
