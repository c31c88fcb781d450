// Between-organisation variance (τ²) estimators for an intercept-only random-effects model,
// written as the scalar forms of the matrix code in metafor::rma.uni (version 3.8-1), step for step,
// so results agree with R to rounding error. With X = 1 and W = diag(w):
//   P = W − w wᵀ / Σw,  PY = w ∘ (y − θ̂),  tr P = Σw − Σw²/Σw,  tr P² = Σw² − 2Σw³/Σw + (Σw²)²/(Σw)².

export type WeightedSums = { sumW: number; sumW2: number; sumW3: number; estimate: number };

export function weightedSums(yi: readonly number[], weights: readonly number[]): WeightedSums {
  let sumW = 0;
  let sumW2 = 0;
  let sumW3 = 0;
  let sumWY = 0;
  for (let i = 0; i < yi.length; i++) {
    const w = weights[i]!;
    sumW += w;
    sumW2 += w * w;
    sumW3 += w * w * w;
    sumWY += w * yi[i]!;
  }
  return { sumW, sumW2, sumW3, estimate: sumWY / sumW };
}

/** Σ wᵢ (yᵢ − θ̂)², the weighted residual sum of squares (Cochran's Q when wᵢ = 1/vᵢ). */
export function weightedResidualSumOfSquares(yi: readonly number[], weights: readonly number[]): number {
  const { estimate } = weightedSums(yi, weights);
  let rss = 0;
  for (let i = 0; i < yi.length; i++) rss += weights[i]! * (yi[i]! - estimate) ** 2;
  return rss;
}

/** DerSimonian & Laird (1986): τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)) with w = 1/v. */
export function dersimonianLairdTau2(yi: readonly number[], vi: readonly number[]): number {
  const weights = vi.map((v) => 1 / v);
  const q = weightedResidualSumOfSquares(yi, weights);
  const { sumW, sumW2 } = weightedSums(yi, weights);
  return Math.max(0, (q - (yi.length - 1)) / (sumW - sumW2 / sumW));
}

/** Hedges (HE) estimator, not truncated: metafor's starting value for REML. = var(y) − mean(v). */
export function hedgesTau2(yi: readonly number[], vi: readonly number[]): number {
  const k = yi.length;
  const mean = yi.reduce((a, b) => a + b, 0) / k;
  const rss = yi.reduce((a, y) => a + (y - mean) ** 2, 0);
  const traceOfPV = vi.reduce((a, v) => a + v, 0) * (1 - 1 / k);
  return (rss - traceOfPV) / (k - 1);
}

export type RemlOptions = {
  /** Stop when |Δτ²| ≤ threshold. metafor's default is 1e-5; we default to 1e-10 (see METHODS.md). */
  threshold: number;
  /** metafor's `maxiter`: the fit fails if it has not converged after this many updates. */
  maxIterations: number;
};

export type RemlFit = { tau2: number; iterations: number };

/** Restricted log-likelihood (up to the |XᵀX| constant, which cancels in comparisons). */
function restrictedLogLikelihood(yi: readonly number[], vi: readonly number[], tau2: number): number {
  const weights = vi.map((v) => 1 / (v + tau2));
  const { sumW } = weightedSums(yi, weights);
  const rss = weightedResidualSumOfSquares(yi, weights);
  const sumLogVar = vi.reduce((a, v) => a + Math.log(v + tau2), 0);
  return -0.5 * (yi.length - 1) * Math.log(2 * Math.PI) - 0.5 * sumLogVar - 0.5 * Math.log(sumW) - 0.5 * rss;
}

/**
 * REML by Fisher scoring, as metafor::rma.uni does it (Viechtbauer 2005):
 *   start at max(0, HE); repeat τ² ← τ² + (YᵀP²Y − tr P) / tr P², halving the step while it would
 *   take τ² below 0; stop when the change is ≤ threshold; fail after maxIterations updates.
 * Then metafor's "ll0 check": if the restricted likelihood at τ² = 0 is higher by more than
 * eps^¼ (and τ² > threshold), the algorithm was stuck and τ² = 0.
 */
export function remlTau2(yi: readonly number[], vi: readonly number[], options: RemlOptions): RemlFit {
  // metafor iterates on mean-centred y; centring leaves P·y unchanged and avoids cancellation.
  const mean = yi.reduce((a, b) => a + b, 0) / yi.length;
  const centred = yi.map((y) => y - mean);
  let tau2 = Math.max(0, hedgesTau2(centred, vi));
  let change = options.threshold + 1;
  let iterations = 0;
  while (change > options.threshold) {
    iterations += 1;
    const previous = tau2;
    const weights = vi.map((v) => 1 / (v + tau2));
    const { sumW, sumW2, sumW3, estimate } = weightedSums(centred, weights);
    let yPPy = 0;
    for (let i = 0; i < centred.length; i++) yPPy += (weights[i]! * (centred[i]! - estimate)) ** 2;
    const traceP = sumW - sumW2 / sumW;
    const tracePP = sumW2 - (2 * sumW3) / sumW + (sumW2 * sumW2) / (sumW * sumW);
    let step = (yPPy - traceP) / tracePP;
    if (Number.isNaN(step)) step = 0;
    // Step halving keeps τ² ≥ 0; at τ² = 0 a negative step halves down to −0 and the loop ends.
    while (tau2 + step < 0) step /= 2;
    tau2 = tau2 + step;
    change = Math.abs(previous - tau2);
    if (iterations > options.maxIterations) {
      throw new Error(`REML (Fisher scoring) did not converge in ${options.maxIterations} iterations`);
    }
  }
  if (
    restrictedLogLikelihood(centred, vi, 0) - restrictedLogLikelihood(centred, vi, tau2) > Number.EPSILON ** 0.25 &&
    tau2 > options.threshold
  ) {
    tau2 = 0;
  }
  return { tau2: Math.max(0, tau2), iterations };
}
