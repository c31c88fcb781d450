// Estimates of what reliable change needs (a reliability and the spread of scores at the start)
// from the network's own consented first scores, for questionnaires whose published sources give
// none. Jacobson & Truax (1991) ask for the baseline SD of a reference sample; the network's own
// first scores are one, once there are enough people that one person moves it little.

/** People with a first score before the network's own spread is used: below this, none is. */
export const MINIMUM_REFERENCE_SAMPLE = 100;

/** Sample standard deviation (n − 1), two-pass. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError(`an SD needs at least 2 values, got ${values.length}`);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

/**
 * Cronbach's alpha (Cronbach 1951) from complete item responses, one row per person:
 * α = k/(k − 1) · (1 − Σ var(itemᵢ) / var(total)), sample variances. Null when it cannot be
 * worked out: fewer than two items or two people, or totals that never vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const k = rows[0]?.length ?? 0;
  if (k < 2 || rows.length < 2) return null;
  if (rows.some((r) => r.length !== k)) throw new RangeError('every row needs the same number of items');
  const variance = (xs: number[]) => sampleSd(xs) ** 2;
  const totalVariance = variance(rows.map((r) => r.reduce((s, v) => s + v, 0)));
  if (!(totalVariance > 0)) return null;
  let itemVariances = 0;
  for (let i = 0; i < k; i++) itemVariances += variance(rows.map((r) => r[i]!));
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

export interface NetworkEstimate {
  baselineSd: number;
  baselineN: number;
  /** Null for a single question, or when the answers don't allow one. */
  alpha: number | null;
  alphaN: number;
}

/**
 * The network's estimate for one measure: the spread of first scores and, for a measure of
 * several questions added up, alpha from the same people's answers. Null below the minimum.
 */
export function estimateReference(
  firstScores: readonly number[],
  firstItemAnswers: readonly (readonly number[])[],
): NetworkEstimate | null {
  if (firstScores.length < MINIMUM_REFERENCE_SAMPLE) return null;
  const baselineSd = sampleSd(firstScores);
  if (!(baselineSd > 0)) return null;
  const enoughAnswers = firstItemAnswers.length >= MINIMUM_REFERENCE_SAMPLE;
  const alpha = enoughAnswers ? cronbachAlpha(firstItemAnswers) : null;
  // An alpha at or below 0 says the questions don't hang together here: no reliable change on it.
  const usable = alpha !== null && alpha > 0 && alpha < 1 ? alpha : null;
  return {
    baselineSd,
    baselineN: firstScores.length,
    alpha: usable,
    alphaN: usable === null ? 0 : firstItemAnswers.length,
  };
}

export type ReferenceChoice =
  | { kind: 'published'; reliability: number; sd: number }
  | { kind: 'network'; reliability: number; reliabilityFrom: 'published' | 'network'; sd: number }
  /** 'no reliability': a single question with no published figure, or answers that don't hang together. */
  | { kind: 'none'; why: 'no reliability' | 'too few people' };

/**
 * What a measure is judged by: a published reliability and SD when both exist; otherwise the
 * network's spread with the published reliability, or else the network's own alpha.
 */
export function chooseReference(
  published: { reliability: number | null; sd: number | null; items: number },
  network: NetworkEstimate | null,
): ReferenceChoice {
  if (published.reliability !== null && published.sd !== null) {
    return { kind: 'published', reliability: published.reliability, sd: published.sd };
  }
  const reliability = published.reliability ?? network?.alpha ?? null;
  if (network && reliability !== null && reliability < 1) {
    return {
      kind: 'network',
      reliability,
      reliabilityFrom: published.reliability !== null ? 'published' : 'network',
      sd: network.baselineSd,
    };
  }
  const couldHaveOne = published.reliability !== null || (published.items >= 2 && !network);
  return { kind: 'none', why: couldHaveOne ? 'too few people' : 'no reliability' };
}
