// Within-person change on one instrument at one organisation: each person's follow-up score minus
// their baseline score, summarised with a t-based confidence interval.
import { tCritical } from './t-distribution.ts';

export type ScorePair = { baseline: number; followUp: number };

export type PairedChange = {
  n: number;
  /** Mean of D = follow-up − baseline (raw sign: negative means scores fell). */
  mean_change: number;
  /** Sample SD of D (n − 1 denominator). */
  sd_change: number;
  /** Standard error of the mean change, sd/√n. */
  se: number;
  df: number;
  ci_low: number;
  ci_high: number;
  level: number;
};

/** The per-organisation input to pooling (one row of the `connectors pool` CSV). */
export type ChangeSummary = {
  n: number;
  mean_change: number;
  sd_change: number;
  /** Sampling variance of the mean change, sd²/n: the vᵢ of the meta-analysis. */
  variance_of_mean: number;
};

/** The differences D = follow-up − baseline, refusing anything that is not a finite number. */
export function changeScores(pairs: readonly ScorePair[]): number[] {
  return pairs.map(({ baseline, followUp }, i) => {
    if (!Number.isFinite(baseline) || !Number.isFinite(followUp)) {
      throw new RangeError(`pair ${i + 1} has a missing or non-numeric score`);
    }
    return followUp - baseline;
  });
}

/** Mean and sample SD by two passes with a correction term, so large scores don't cost digits. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  if (n < 2) throw new RangeError(`a standard deviation needs at least 2 values, got ${n}`);
  const first = values.reduce((a, b) => a + b, 0) / n;
  let sumSquares = 0;
  let sumDeviations = 0;
  for (const value of values) {
    const deviation = value - first;
    sumSquares += deviation * deviation;
    sumDeviations += deviation;
  }
  const mean = first + sumDeviations / n;
  const variance = (sumSquares - (sumDeviations * sumDeviations) / n) / (n - 1);
  return { mean, sd: Math.sqrt(Math.max(0, variance)) };
}

/** n, mean change, SD, SE and the t interval (df = n − 1) for paired scores. */
export function describePairedChange(pairs: readonly ScorePair[], level = 0.95): PairedChange {
  const differences = changeScores(pairs);
  const n = differences.length;
  const { mean, sd } = meanAndSd(differences);
  const se = sd / Math.sqrt(n);
  const halfWidth = tCritical(level, n - 1) * se;
  return {
    n,
    mean_change: mean,
    sd_change: sd,
    se,
    df: n - 1,
    ci_low: mean - halfWidth,
    ci_high: mean + halfWidth,
    level,
  };
}

/** What an organisation contributes to network pooling: n, mean change, SD and sd²/n. */
export function summariseChange(pairs: readonly ScorePair[]): ChangeSummary {
  const differences = changeScores(pairs);
  const { mean, sd } = meanAndSd(differences);
  return { n: differences.length, mean_change: mean, sd_change: sd, variance_of_mean: (sd * sd) / differences.length };
}
