// Moving across a meaningful cut-off, e.g. BARC-10 total 47 (higher is better: from below 47 to
// 47 or more) or ONS anxiety (lower is better: from above the cut-off to at or below it).
// People who already started on the good side cannot cross, so both denominators are given.
import type { ScorePair } from './paired-change.ts';
import type { ScoreDirection } from './score-direction.ts';

export type ThresholdRule = { threshold: number; direction: ScoreDirection };

export type ThresholdCrossing = {
  n: number;
  /** People who started on the wrong side of the threshold. */
  eligible: number;
  crossed: number;
  /** crossed / n */
  proportion_of_all: number;
  /** crossed / eligible, or null when nobody started on the wrong side. */
  proportion_of_eligible: number | null;
};

/** On the good side: at or above the threshold when higher is better, at or below when lower is. */
export function isAtOrBeyondThreshold(score: number, rule: ThresholdRule): boolean {
  return rule.direction === 'higher-is-better' ? score >= rule.threshold : score <= rule.threshold;
}

export function crossedThreshold(pair: ScorePair, rule: ThresholdRule): boolean {
  return !isAtOrBeyondThreshold(pair.baseline, rule) && isAtOrBeyondThreshold(pair.followUp, rule);
}

export function summariseThresholdCrossing(pairs: readonly ScorePair[], rule: ThresholdRule): ThresholdCrossing {
  if (pairs.length === 0) throw new RangeError('threshold crossing needs at least one pair');
  if (!Number.isFinite(rule.threshold)) throw new RangeError('threshold must be a finite number');
  let eligible = 0;
  let crossed = 0;
  for (const pair of pairs) {
    if (!Number.isFinite(pair.baseline) || !Number.isFinite(pair.followUp))
      throw new RangeError('scores must be finite numbers');
    if (!isAtOrBeyondThreshold(pair.baseline, rule)) {
      eligible += 1;
      if (isAtOrBeyondThreshold(pair.followUp, rule)) crossed += 1;
    }
  }
  return {
    n: pairs.length,
    eligible,
    crossed,
    proportion_of_all: crossed / pairs.length,
    proportion_of_eligible: eligible === 0 ? null : crossed / eligible,
  };
}
