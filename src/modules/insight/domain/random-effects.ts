// Pooling one effect per organisation into a network estimate: the random-effects model
// yᵢ = θ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ), fitted as metafor::rma(yi, vi, method, test) and
// predict() do (verified in random-effects.test.ts against fixtures/metafor-reference.json).
import { dersimonianLairdTau2, remlTau2, weightedResidualSumOfSquares, weightedSums } from './tau2-estimators.ts';
import { tCritical } from './t-distribution.ts';
import { normalQuantile } from './normal-distribution.ts';
import { chiSquareUpperTail } from './chi-square-distribution.ts';

/** REML (default, as metafor), DerSimonian–Laird, or a fixed-effect (common-effect) model. */
export type PoolingMethod = 'REML' | 'DL' | 'FE';
/** 'hk' = Hartung–Knapp(–Sidik–Jonkman), metafor test = "knha"; 'wald' = normal, test = "z". */
export type CiMethod = 'hk' | 'wald';
/**
 * 'metafor' = predict.rma() default: the CI's critical value (t with k − 1 df for HK, z for Wald).
 * 'riley' = predict(pi.type = "riley"): t with k − 2 df (Higgins, Thompson & Spiegelhalter 2009),
 * floored at 1 df.
 */
export type PredictionIntervalMethod = 'metafor' | 'riley';

export type PoolingInput = { yi: readonly number[]; vi: readonly number[] };

export type PoolingOptions = {
  method?: PoolingMethod;
  ci?: CiMethod;
  /** Confidence level for the CI and prediction interval; 0.95 unless given. */
  level?: number;
  predictionInterval?: PredictionIntervalMethod;
  /** REML convergence threshold on |Δτ²|; default 1e-10 (metafor's own default is 1e-5). */
  threshold?: number;
  /** REML iteration limit; default 100, as metafor. */
  maxIterations?: number;
};

export type PoolingResult = {
  k: number;
  estimate: number;
  se: number;
  ci_low: number;
  ci_high: number;
  tau2: number;
  /** I² in percent, as metafor reports it (see i2 note in METHODS.md). */
  i2: number;
  h2: number;
  /** Cochran's Q with fixed-effect weights, its df (k − 1) and upper-tail χ² p-value. */
  q: number;
  q_df: number;
  q_p: number;
  /** Prediction interval for a new organisation's true effect; null for a fixed-effect model (as metafor). */
  pi_low: number | null;
  pi_high: number | null;
  method: PoolingMethod;
  ci_method: CiMethod;
  /** Degrees of freedom of the t critical value, or null when the normal is used. */
  ci_df: number | null;
  /** Fisher scoring iterations (REML only). */
  iterations: number | null;
};

function validate(input: PoolingInput): void {
  const { yi, vi } = input;
  if (yi.length !== vi.length) throw new RangeError(`yi has ${yi.length} values but vi has ${vi.length}`);
  if (yi.length < 2) throw new RangeError(`pooling needs at least 2 organisations, got ${yi.length}`);
  yi.forEach((y, i) => {
    if (!Number.isFinite(y)) throw new RangeError(`yi[${i}] is not a finite number`);
  });
  vi.forEach((v, i) => {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`vi[${i}] must be a positive finite variance, got ${v}`);
  });
}

/** Random-effects (or fixed-effect) meta-analysis of one effect per organisation. */
export function poolRandomEffects(input: PoolingInput, options: PoolingOptions = {}): PoolingResult {
  validate(input);
  const method = options.method ?? 'REML';
  const ciMethod = options.ci ?? 'hk';
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const { yi, vi } = input;
  const k = yi.length;

  let tau2 = 0;
  let iterations: number | null = null;
  if (method === 'DL') tau2 = dersimonianLairdTau2(yi, vi);
  if (method === 'REML') {
    const fit = remlTau2(yi, vi, {
      threshold: options.threshold ?? 1e-10,
      maxIterations: options.maxIterations ?? 100,
    });
    tau2 = fit.tau2;
    iterations = fit.iterations;
  }

  const weights = vi.map((v) => 1 / (v + tau2));
  const { sumW, estimate } = weightedSums(yi, weights);
  let variance = 1 / sumW;
  if (ciMethod === 'hk') {
    // Knapp & Hartung (2003) / Hartung & Knapp (2001): scale the variance by the weighted residual
    // mean square. No truncation at 1 (metafor's test = "adhoc" would truncate); metafor sets the
    // factor to 0 when the residual sum is below machine epsilon (identical effects).
    const rss = weightedResidualSumOfSquares(yi, weights);
    variance *= rss <= Number.EPSILON ? 0 : rss / (k - 1);
  }
  const se = Math.sqrt(variance);
  const ciDf = ciMethod === 'hk' ? k - 1 : null;
  const critical = ciDf === null ? normalQuantile(1 - (1 - level) / 2) : tCritical(level, ciDf);

  // Heterogeneity always uses the fixed-effect weights 1/vᵢ.
  const fixedWeights = vi.map((v) => 1 / v);
  const fixed = weightedSums(yi, fixedWeights);
  const q = Math.max(0, weightedResidualSumOfSquares(yi, fixedWeights));
  const qDf = k - 1;
  let i2: number;
  let h2: number;
  if (method === 'FE') {
    // Higgins & Thompson (2002) Q-based forms, as metafor reports for FE models.
    i2 = Math.max(0, (100 * (q - qDf)) / q);
    h2 = q / qDf;
  } else {
    // metafor's RE-model forms: the "typical" within-study variance ṽ = (k − 1) / (Σw − Σw²/Σw)
    // (Higgins & Thompson 2002, eq. 9), I² = 100 τ² / (τ² + ṽ), H² = τ²/ṽ + 1. For DL these equal
    // the Q-based forms whenever τ² > 0; for REML they use the REML τ².
    const typicalVariance = qDf / (fixed.sumW - fixed.sumW2 / fixed.sumW);
    i2 = (100 * tau2) / (typicalVariance + tau2);
    h2 = tau2 / typicalVariance + 1;
  }
  if (Number.isNaN(i2)) i2 = 0; // Q = 0 with a fixed-effect model: no excess variation at all.

  let piLow: number | null = null;
  let piHigh: number | null = null;
  if (method !== 'FE') {
    const piCritical =
      (options.predictionInterval ?? 'metafor') === 'riley' ? tCritical(level, Math.max(1, k - 2)) : critical;
    const halfWidth = piCritical * Math.sqrt(variance + tau2);
    piLow = estimate - halfWidth;
    piHigh = estimate + halfWidth;
  }

  return {
    k,
    estimate,
    se,
    ci_low: estimate - critical * se,
    ci_high: estimate + critical * se,
    tau2,
    i2,
    h2,
    q,
    q_df: qDf,
    q_p: chiSquareUpperTail(q, qDf),
    pi_low: piLow,
    pi_high: piHigh,
    method,
    ci_method: ciMethod,
    ci_df: ciDf,
    iterations,
  };
}
