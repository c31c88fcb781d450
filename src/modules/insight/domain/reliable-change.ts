// Jacobson & Truax (1991) Reliable Change Index, with the Christensen & Mendoza (1986) √2
// correction (OUTCOMES.md §5.1): SE = s₁√(1 − r), S_diff = √2·SE, RCI = (post − pre)/S_diff.
// A person changed reliably when |RCI| > 1.96 (strictly), and the direction of the instrument
// decides whether that change is an improvement or a deterioration.
import type { ScorePair } from './paired-change.ts';
import { improvementSign } from './score-direction.ts';
import type { ScoreDirection } from './score-direction.ts';

/** The 95% criterion as Jacobson & Truax state it (1.96, not the unrounded 1.959964…). */
export const RELIABLE_CHANGE_CRITERION = 1.96;

export type ReliabilityReference = {
  /** SD of baseline scores in a reference sample (s₁). Document its source with the instrument. */
  referenceSd: number;
  /** Reliability r_xx (Cronbach's α or test–retest), 0 ≤ r < 1. */
  reliability: number;
  direction: ScoreDirection;
};

export type ReliableChangeCategory = 'improved' | 'deteriorated' | 'no reliable change';

export type ReliableChangeSummary = {
  n: number;
  improved: number;
  deteriorated: number;
  no_reliable_change: number;
  proportion_improved: number;
  proportion_deteriorated: number;
  /** S_diff and the raw-score change needed (1.96·S_diff), for the methods note. */
  s_diff: number;
  raw_threshold: number;
};

/** Standard error of the difference, S_diff = s₁·√2·√(1 − r). */
export function standardErrorOfDifference({
  referenceSd,
  reliability,
}: Pick<ReliabilityReference, 'referenceSd' | 'reliability'>): number {
  if (!(referenceSd > 0)) throw new RangeError(`reference SD must be > 0, got ${referenceSd}`);
  if (!(reliability >= 0 && reliability < 1)) throw new RangeError(`reliability must be in [0, 1), got ${reliability}`);
  return referenceSd * Math.sqrt(2 * (1 - reliability));
}

/** RCI for one person. */
export function reliableChangeIndex(pair: ScorePair, reference: ReliabilityReference): number {
  return (pair.followUp - pair.baseline) / standardErrorOfDifference(reference);
}

export function classifyReliableChange(pair: ScorePair, reference: ReliabilityReference): ReliableChangeCategory {
  const directedRci = improvementSign(reference.direction) * reliableChangeIndex(pair, reference);
  if (directedRci > RELIABLE_CHANGE_CRITERION) return 'improved';
  if (directedRci < -RELIABLE_CHANGE_CRITERION) return 'deteriorated';
  return 'no reliable change';
}

/** Counts and proportions of people with reliable improvement and reliable deterioration. */
export function summariseReliableChange(
  pairs: readonly ScorePair[],
  reference: ReliabilityReference,
): ReliableChangeSummary {
  if (pairs.length === 0) throw new RangeError('reliable change needs at least one pair');
  const sDiff = standardErrorOfDifference(reference);
  let improved = 0;
  let deteriorated = 0;
  for (const pair of pairs) {
    if (!Number.isFinite(pair.baseline) || !Number.isFinite(pair.followUp))
      throw new RangeError('scores must be finite numbers');
    const category = classifyReliableChange(pair, reference);
    if (category === 'improved') improved += 1;
    if (category === 'deteriorated') deteriorated += 1;
  }
  const n = pairs.length;
  return {
    n,
    improved,
    deteriorated,
    no_reliable_change: n - improved - deteriorated,
    proportion_improved: improved / n,
    proportion_deteriorated: deteriorated / n,
    s_diff: sDiff,
    raw_threshold: RELIABLE_CHANGE_CRITERION * sDiff,
  };
}
