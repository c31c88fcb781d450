// All SQL over the maintained summaries (migrations/0300_insight_summaries.sql). The database
// keeps them current with triggers; this file reads them, and rebuilds them from scratch.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ChangeSums } from './domain/measure-summary.ts';

/** One row of insight_measure_summaries: sums for one organisation, measure and consent flag. */
export type MeasureSums = ChangeSums & {
  orgId: string;
  instrumentKey: string;
  measureKey: string;
  network: boolean;
};

const SUM_COLUMNS = sql`org_id as "orgId", instrument_key as "instrumentKey", measure_key as "measureKey", network,
  people, paired, baseline_only as "baselineOnly", sum_change as "sumChange", sum_change_sq as "sumChangeSq",
  sum_first as "sumFirst", sum_first_sq as "sumFirstSq", sum_latest as "sumLatest", sum_latest_sq as "sumLatestSq",
  rc_people as "rcPeople", improved, deteriorated, crossing_people as "crossingPeople",
  crossing_eligible as "crossingEligible", crossed`;

/**
 * Recomputes the rules, the per-participant state and the summaries from the assessments, in
 * one transaction (the caller's, when given one). Use after restoring a backup or to check.
 */
export async function rebuildSummaries(db: Kysely<DB>): Promise<void> {
  await sql`select insight_rebuild_summaries()`.execute(db);
}

/** Every summary row of one organisation (both consent flags). */
export async function readOrgSums(db: Kysely<DB>, orgId: string): Promise<MeasureSums[]> {
  const r = await sql<MeasureSums>`select ${SUM_COLUMNS} from insight_measure_summaries where org_id = ${orgId}
    order by instrument_key, measure_key, network`.execute(db);
  return r.rows;
}

/** Network-consented summary rows of member organisations (optionally only some of them). */
export async function readNetworkSums(
  db: Kysely<DB>,
  orgIds?: readonly string[],
): Promise<(MeasureSums & { orgName: string; orgSlug: string })[]> {
  if (orgIds && orgIds.length === 0) return [];
  const r = await sql<MeasureSums & { orgName: string; orgSlug: string }>`
    select ${SUM_COLUMNS}, o.name as "orgName", o.slug as "orgSlug"
    from insight_measure_summaries s join organisations o on o.id = s.org_id
    where s.network and o.status = 'member' ${orgIds ? sql`and s.org_id in (${sql.join(orgIds)})` : sql``}
    order by s.instrument_key, s.measure_key, o.name`.execute(db);
  return r.rows;
}

/** Every summary row, for tests comparing with a from-scratch computation. */
export async function unsafeReadAllSums(db: Kysely<DB>): Promise<MeasureSums[]> {
  const r = await sql<MeasureSums>`select ${SUM_COLUMNS} from insight_measure_summaries
    order by org_id, instrument_key, measure_key, network`.execute(db);
  return r.rows;
}

export interface ParticipantMeasureState {
  participantId: string;
  instrumentKey: string;
  measureKey: string;
  orgId: string;
  network: boolean;
  assessments: number;
  firstOn: string;
  firstScore: number;
  latestOn: string;
  latestScore: number;
  improved: boolean | null;
  deteriorated: boolean | null;
  crossingEligible: boolean | null;
  crossed: boolean | null;
}

const STATE_COLUMNS = sql`participant_id as "participantId", instrument_key as "instrumentKey", measure_key as "measureKey",
  org_id as "orgId", network, assessments, first_on::text as "firstOn", first_score as "firstScore",
  latest_on::text as "latestOn", latest_score as "latestScore", improved, deteriorated,
  crossing_eligible as "crossingEligible", crossed`;

/** An organisation's own per-participant first and latest scores (its dashboard's distributions). */
export async function readOrgStates(db: Kysely<DB>, orgId: string): Promise<ParticipantMeasureState[]> {
  const r =
    await sql<ParticipantMeasureState>`select ${STATE_COLUMNS} from insight_participant_measures where org_id = ${orgId}
    order by instrument_key, measure_key, participant_id`.execute(db);
  return r.rows;
}

export async function unsafeReadAllStates(db: Kysely<DB>): Promise<ParticipantMeasureState[]> {
  const r = await sql<ParticipantMeasureState>`select ${STATE_COLUMNS} from insight_participant_measures
    order by participant_id, instrument_key, measure_key`.execute(db);
  return r.rows;
}

/** Organisations' last submissions of assessments (a log, not a summary). */
export async function readSubmissions(db: Kysely<DB>): Promise<Map<string, Date>> {
  const r = await sql<{
    org_id: string;
    last_assessment_at: Date;
  }>`select org_id, last_assessment_at from insight_org_submissions`.execute(db);
  return new Map(r.rows.map((row) => [row.org_id, row.last_assessment_at]));
}
