// Student t distribution: CDF, density and quantile, for any df > 0 (not only integers).
// Confidence intervals here often have 1 to 10 degrees of freedom (a handful of organisations),
// where the normal approximation is badly wrong, so these are exact to about 1e-14.
import { logGamma, regularizedBeta } from './special-functions.ts';
import { normalCdf, normalQuantile } from './normal-distribution.ts';

function assertDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
}

/** P(T > t) for t ≥ 0, without the cancellation of 1 − CDF. */
function upperTailNonNegative(t: number, df: number): number {
  if (df === Infinity) return normalCdf(-t);
  if (t === Infinity) return 0;
  const t2 = t * t;
  // P(|T| > t) = I_x(df/2, 1/2) with x = df/(df + t²); 1 − x = t²/(df + t²) is passed exactly.
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** P(T ≤ t) for T ~ t(df). */
export function tCdf(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) return NaN;
  return t >= 0 ? 1 - upperTailNonNegative(t, df) : upperTailNonNegative(-t, df);
}

/** P(T > t) for T ~ t(df), accurate in the far upper tail. */
export function tUpperTail(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) return NaN;
  return t >= 0 ? upperTailNonNegative(t, df) : 1 - upperTailNonNegative(-t, df);
}

/** Density of t(df) at t. */
export function tDensity(t: number, df: number): number {
  assertDf(df);
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  const logDensity =
    logGamma((df + 1) / 2) -
    logGamma(df / 2) -
    0.5 * Math.log(df * Math.PI) -
    ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logDensity);
}

/** The t > 0 with P(T > t) = upper, for 0 < upper < 0.5. */
function upperQuantile(upper: number, df: number): number {
  if (df === Infinity) return -normalQuantile(upper);
  // Closed forms for df = 1 (Cauchy) and df = 2 keep these common small-k cases exact.
  if (df === 1) return 1 / Math.tan(Math.PI * upper);
  if (df === 2) return (1 - 2 * upper) / Math.sqrt(2 * upper * (1 - upper));

  // Start from the Cornish–Fisher expansion about the normal quantile, then refine with Newton's
  // method inside a bracket (bisection whenever a Newton step would leave it). The upper tail is
  // convex for t > 0, so Newton from the left never overshoots; the bracket guards the rest.
  const z = -normalQuantile(upper);
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  let t = Math.max(z + g1 / df + g2 / (df * df), Number.MIN_VALUE);

  let low = 0;
  let high = Math.max(1, t);
  while (upperTailNonNegative(high, df) > upper) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Infinity;
  }
  if (t <= low || t >= high) t = (low + high) / 2;

  for (let iteration = 0; iteration < 2000; iteration++) {
    const excess = upperTailNonNegative(t, df) - upper;
    if (excess === 0) return t;
    if (excess > 0) low = t;
    else high = t;
    let next = t + excess / tDensity(t, df);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 4 * Number.EPSILON * Math.abs(next) || high - low <= 4 * Number.EPSILON * high) {
      return next;
    }
    t = next;
  }
  throw new Error(`t quantile did not converge (upper=${upper}, df=${df})`);
}

/** The p-quantile of t(df): the t with P(T ≤ t) = p. */
export function tQuantile(p: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`tQuantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p > 0.5 ? upperQuantile(1 - p, df) : -upperQuantile(p, df);
}

/** The two-sided critical value t_{df, 1 − α/2} for a confidence level such as 0.95. */
export function tCritical(level: number, df: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  return upperQuantile((1 - level) / 2, df);
}
