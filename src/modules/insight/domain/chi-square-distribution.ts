// Chi-square upper tail, for the p-value of Cochran's Q heterogeneity test.
import { regularizedGammaQ } from './special-functions.ts';

/** P(X > x) for X ~ χ²(df); equals R's pchisq(x, df, lower.tail = FALSE). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (Number.isNaN(x)) return NaN;
  return regularizedGammaQ(df / 2, Math.max(0, x) / 2);
}
