// The precision of statistics published outside an organisation. Scores are whole numbers, so a
// mean change is (a whole number) / n: printed precisely enough, the only n that makes the sum a
// whole number gives the count away, undoing the rounding of counts to 5. A value rounded to a
// step h is consistent with every n for which n × h ≥ 1 (the interval of sums that round to it is
// at least one wide, so it holds a whole number). Counts are published rounded to 5, so a count
// shown as 10 may be 8 to 12: those need h ≥ 1/8, and get 0.2; a count shown as 15 or more is 13
// or more, and 0.1 is enough. The interval ends get the same step: the smallest non-zero spread
// of whole-number changes moves a 95% interval end by less than one step per unit of the sum of
// squares for every n from 8 (see docs/DISCLOSURE.md), so they narrow nothing either. The step is
// chosen from the rounded count, which is published anyway, so the step itself says nothing.

/** The step a mean or interval from a group shown as `shownCount` people is rounded to. */
export function statisticStep(shownCount: number): number {
  return shownCount <= 10 ? 0.2 : 0.1;
}

/** `value` rounded to the nearest multiple of `step` (0.1 or 0.2), without float dust. */
export function roundToStep(value: number, step: number): number {
  const r = Math.round(value / step) * step;
  return Object.is(Number(r.toFixed(1)), -0) ? 0 : Number(r.toFixed(1));
}

/** Pooled statistics are from at least two groups of 8 or more (16+ people): one decimal. */
export const POOLED_STEP = 0.1;
