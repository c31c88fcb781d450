// Which published band (e.g. ONS "high" life satisfaction) a reported score falls in.

import type { Band, Measure } from './instrument-definition.ts';

/** The band containing the score (bounds inclusive), or null if the measure has none or the score falls between bands. */
export function findBand(measure: Measure, score: number): Band | null {
  return measure.bands?.bands.find((band) => score >= band.min && score <= band.max) ?? null;
}
