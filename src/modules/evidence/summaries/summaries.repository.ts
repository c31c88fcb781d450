// SQL for summaries contributed by organisations that keep their records elsewhere.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export interface SummaryToStore {
  instrumentKey: string;
  instrumentVersion: string;
  measureKey: string;
  periodStart: string;
  periodEnd: string;
  nPaired: number;
  meanChange: number;
  sdChange: number;
  baselineMean: number | null;
  baselineSd: number | null;
  collectionMethod: string;
  createdBy: string | null;
}

export async function insertSummary(db: Kysely<DB>, orgId: string, s: SummaryToStore): Promise<void> {
  await db
    .insertInto('evidence_summaries')
    .values({
      org_id: orgId,
      instrument_key: s.instrumentKey,
      instrument_version: s.instrumentVersion,
      measure_key: s.measureKey,
      period_start: s.periodStart,
      period_end: s.periodEnd,
      n_paired: s.nPaired,
      mean_change: s.meanChange,
      sd_change: s.sdChange,
      baseline_mean: s.baselineMean,
      baseline_sd: s.baselineSd,
      collection_method: s.collectionMethod,
      created_by: s.createdBy,
    })
    .execute();
}

export async function listSummaries(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_summaries')
    .select([
      'id',
      'instrument_key',
      'measure_key',
      'period_start',
      'period_end',
      'n_paired',
      'mean_change',
      'sd_change',
      'baseline_mean',
      'baseline_sd',
      'collection_method',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .orderBy('period_end', 'desc')
    .execute();
}
