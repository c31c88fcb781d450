// Within-person standardised effect size d_z = mean(D)/sd(D) (Lakens 2013, eq. 6; reference
// OUTCOMES.md §5.2), its small-sample corrected form g_z, and two confidence intervals:
//  - exact: invert the noncentral t distribution of t = d_z·√n (df = n − 1) in its noncentrality
//    λ, then divide by √n (Goulet-Pelletier & Cousineau 2018; Cumming & Finch 2001). Assumes the
//    differences are normally distributed. This is the interval we report.
//  - approximate: d_z ± z·SE with SE = √(1/n + d_z²/(2n)), also the meta-analytic variance of d_z.
import { noncentralTCdf } from './noncentral-t-distribution.ts';
import { normalQuantile } from './normal-distribution.ts';

export type WithinPersonEffectSize = {
  n: number;
  dz: number;
  /** Hedges-corrected g_z = J·d_z with J = 1 − 3/(4(n − 1) − 1). */
  gz: number;
  /** Exact noncentral-t interval for d_z. */
  ci_low: number;
  ci_high: number;
  se_approx: number;
  ci_low_approx: number;
  ci_high_approx: number;
  level: number;
};

/** The noncentrality λ with P(T ≤ tObserved | df, λ) = target; the CDF falls as λ rises. */
function solveNoncentrality(tObserved: number, df: number, target: number): number {
  const excess = (lambda: number) => noncentralTCdf(tObserved, df, lambda) - target;
  let low = tObserved - 1;
  let high = tObserved + 1;
  for (let width = 1; excess(low) < 0; width *= 2) low -= width;
  for (let width = 1; excess(high) > 0; width *= 2) high += width;
  // Bisection: about 60 steps to the limit of double precision, robust where the CDF is flat.
  while (high - low > 1e-13 * Math.max(1, Math.abs(low), Math.abs(high))) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (excess(middle) > 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * d_z from the summary of the differences. Returns null when every person changed by the same
 * amount (sd = 0): the standardised effect is then undefined, not infinite.
 */
export function withinPersonEffectSize(
  summary: { n: number; mean_change: number; sd_change: number },
  level = 0.95,
): WithinPersonEffectSize | null {
  const { n, mean_change: mean, sd_change: sd } = summary;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`d_z needs at least 2 people, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (!(sd > 0)) return null;
  const dz = mean / sd;
  const df = n - 1;
  const correction = 1 - 3 / (4 * df - 1);
  const tObserved = dz * Math.sqrt(n);
  const alpha = 1 - level;
  const lambdaLow = solveNoncentrality(tObserved, df, 1 - alpha / 2);
  const lambdaHigh = solveNoncentrality(tObserved, df, alpha / 2);
  const seApprox = Math.sqrt(1 / n + (dz * dz) / (2 * n));
  const z = normalQuantile(1 - alpha / 2);
  return {
    n,
    dz,
    gz: correction * dz,
    ci_low: lambdaLow / Math.sqrt(n),
    ci_high: lambdaHigh / Math.sqrt(n),
    se_approx: seApprox,
    ci_low_approx: dz - z * seApprox,
    ci_high_approx: dz + z * seApprox,
    level,
  };
}
