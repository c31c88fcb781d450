// SQL for the network's own references for reliable change (migrations/0302_insight_network_references.sql).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface NetworkReferenceRow {
  instrumentKey: string;
  measureKey: string;
  baselineSd: number;
  baselineN: number;
  reliability: number;
  reliabilityFrom: 'published' | 'network';
  alphaN: number;
  computedAt: Date;
}

/**
 * Each consenting person's first answers to a network questionnaire (the same "first" as the
 * summaries: earliest date, then recorded first), across every organisation. Used only to work
 * out network-wide figures; nothing per person leaves the service.
 */
export async function readFirstAnswers(
  db: Kysely<DB>,
  instrumentKey: string,
): Promise<{ responses: Record<string, unknown>; scores: Record<string, unknown> }[]> {
  const r = await sql<{ responses: Record<string, unknown>; scores: Record<string, unknown> }>`
    select distinct on (a.participant_id) a.responses, a.scores
    from evidence_assessments a join evidence_participants p on p.id = a.participant_id
    where a.instrument_key = ${instrumentKey} and p.consent_network
    order by a.participant_id, a.assessed_on, a.created_at, a.id`.execute(db);
  return r.rows;
}

/** Replaces every network reference, then re-judges everyone whose rule changed. */
export async function replaceNetworkReferences(
  tx: Kysely<DB>,
  rows: readonly Omit<NetworkReferenceRow, 'computedAt'>[],
): Promise<void> {
  await sql`delete from insight_network_references`.execute(tx);
  for (const r of rows) {
    await sql`insert into insight_network_references
        (instrument_key, measure_key, baseline_sd, baseline_n, reliability, reliability_from, alpha_n)
      values (${r.instrumentKey}, ${r.measureKey}, ${r.baselineSd}, ${r.baselineN}, ${r.reliability},
              ${r.reliabilityFrom}, ${r.alphaN})`.execute(tx);
  }
  await sql`select insight_refresh_rules()`.execute(tx);
}

export async function readNetworkReferences(db: Kysely<DB>): Promise<NetworkReferenceRow[]> {
  const r = await sql<NetworkReferenceRow>`
    select instrument_key as "instrumentKey", measure_key as "measureKey", baseline_sd as "baselineSd",
           baseline_n as "baselineN", reliability, reliability_from as "reliabilityFrom", alpha_n as "alphaN",
           computed_at as "computedAt"
    from insight_network_references order by instrument_key, measure_key`.execute(db);
  return r.rows;
}
