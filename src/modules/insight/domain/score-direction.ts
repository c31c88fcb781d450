// Whether a higher score on an instrument means things got better (BARC-10, SWEMWBS, ONS life
// satisfaction) or worse (ONS anxiety, TOP substance-use days). Change statistics keep the raw
// sign (follow-up − baseline); only "improved", "deteriorated" and threshold crossing need this.
export type ScoreDirection = 'higher-is-better' | 'lower-is-better';

/** +1 when a rise is an improvement, −1 when a fall is. */
export function improvementSign(direction: ScoreDirection): 1 | -1 {
  return direction === 'higher-is-better' ? 1 : -1;
}
