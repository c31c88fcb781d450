// Shared arithmetic for scoring and for checking definitions, so both agree exactly on what
// totals and ranges an instrument can produce.

import type { InstrumentDefinition, InstrumentItem, Measure } from './instrument-definition.ts';

/**
 * Option values can be decimals (0.5 steps), and binary floating point makes 0.1 + 0.2 come out
 * as 0.30000000000000004. Rounding to 9 decimal places removes that noise without changing any
 * real score.
 */
export function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export function sumOf(values: readonly number[]): number {
  return tidy(values.reduce((total, value) => total + value, 0));
}

export function optionValues(item: InstrumentItem): number[] {
  return item.options.map((option) => option.value);
}

export function itemsOfMeasure(definition: InstrumentDefinition, measure: Measure): InstrumentItem[] {
  const byKey = new Map(definition.items.map((item) => [item.key, item]));
  return measure.items.flatMap((itemKey) => {
    const item = byKey.get(itemKey);
    return item ? [item] : [];
  });
}

/** Lowest and highest raw total (sum of answers) the given items can produce. */
export function rawTotalRange(items: readonly InstrumentItem[]): { min: number; max: number } {
  return {
    min: sumOf(items.map((item) => Math.min(...optionValues(item)))),
    max: sumOf(items.map((item) => Math.max(...optionValues(item)))),
  };
}

/** Above this, a lookup table would be impractical, so we stop enumerating and say so. */
export const MAX_DISTINCT_TOTALS = 5000;

/**
 * Every raw total the items can actually produce, ascending (e.g. 7..35 for seven 1-5 items).
 * Returns null if there are more than MAX_DISTINCT_TOTALS, which only happens with odd decimal
 * option values. Needed so a lookup table can be checked to cover every reachable total.
 */
export function reachableRawTotals(items: readonly InstrumentItem[]): number[] | null {
  let totals = new Set<number>([0]);
  for (const item of items) {
    const next = new Set<number>();
    for (const total of totals) {
      for (const value of optionValues(item)) next.add(tidy(total + value));
    }
    if (next.size > MAX_DISTINCT_TOTALS) return null;
    totals = next;
  }
  return [...totals].sort((a, b) => a - b);
}
