// Statistics for one organisation (or a group) and one measure, from the maintained sums
// (n, ΣD, ΣD², Σfirst, Σlatest, …). Exact: the mean and SD from sums equal the two-pass
// figures of paired-change.ts up to rounding in the last digits (scores are small numbers).
import { tCritical } from './t-distribution.ts';
import { withinPersonEffectSize, type WithinPersonEffectSize } from './effect-size.ts';
import { attrition, type Attrition } from './attrition.ts';

/** Sums for one measure (insight_measure_summaries, or several of its rows added together). */
export interface ChangeSums {
  people: number;
  paired: number;
  baselineOnly: number;
  sumChange: number;
  sumChangeSq: number;
  sumFirst: number;
  sumFirstSq: number;
  sumLatest: number;
  sumLatestSq: number;
  rcPeople: number;
  improved: number;
  deteriorated: number;
  crossingPeople: number;
  crossingEligible: number;
  crossed: number;
}

export const ZERO_SUMS: ChangeSums = {
  people: 0,
  paired: 0,
  baselineOnly: 0,
  sumChange: 0,
  sumChangeSq: 0,
  sumFirst: 0,
  sumFirstSq: 0,
  sumLatest: 0,
  sumLatestSq: 0,
  rcPeople: 0,
  improved: 0,
  deteriorated: 0,
  crossingPeople: 0,
  crossingEligible: 0,
  crossed: 0,
};

export function addSums(a: ChangeSums, b: ChangeSums): ChangeSums {
  const out = { ...a };
  for (const key of Object.keys(ZERO_SUMS) as (keyof ChangeSums)[]) out[key] = a[key] + b[key];
  return out;
}

export interface MeanAndSpread {
  mean: number;
  sd: number;
}

export interface MeasureStatistics {
  n: number;
  meanChange: number;
  sdChange: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  /** Sampling variance of the mean change, sd²/n (the vᵢ of pooling). */
  varianceOfMean: number;
  before: MeanAndSpread;
  after: MeanAndSpread;
  effect: WithinPersonEffectSize | null;
  attrition: Attrition;
  reliableChange: { n: number; improved: number; deteriorated: number } | null;
  threshold: { n: number; eligible: number; crossed: number } | null;
}

function spread(n: number, sum: number, sumSq: number): MeanAndSpread {
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

/** Just n, mean and SD of change (what pooling needs; cheap, no effect-size interval). */
export function changeFromSums(
  s: Pick<ChangeSums, 'paired' | 'sumChange' | 'sumChangeSq'>,
): { n: number; mean: number; sd: number } | null {
  if (s.paired < 2) return null;
  const change = spread(s.paired, s.sumChange, s.sumChangeSq);
  return { n: s.paired, mean: change.mean, sd: change.sd };
}

/** Everything the pages show for one measure; null when fewer than 2 people have paired scores. */
export function statisticsFromSums(s: ChangeSums, level = 0.95): MeasureStatistics | null {
  const n = s.paired;
  if (n < 2) return null;
  const change = spread(n, s.sumChange, s.sumChangeSq);
  const se = change.sd / Math.sqrt(n);
  const half = tCritical(level, n - 1) * se;
  return {
    n,
    meanChange: change.mean,
    sdChange: change.sd,
    se,
    ciLow: change.mean - half,
    ciHigh: change.mean + half,
    varianceOfMean: (change.sd * change.sd) / n,
    before: spread(n, s.sumFirst, s.sumFirstSq),
    after: spread(n, s.sumLatest, s.sumLatestSq),
    effect: withinPersonEffectSize({ n, mean_change: change.mean, sd_change: change.sd }, level),
    attrition: attrition({ baselines: s.paired + s.baselineOnly, withFollowUp: s.paired }),
    reliableChange: s.rcPeople > 0 ? { n: s.rcPeople, improved: s.improved, deteriorated: s.deteriorated } : null,
    threshold: s.crossingPeople > 0 ? { n: s.crossingPeople, eligible: s.crossingEligible, crossed: s.crossed } : null,
  };
}
