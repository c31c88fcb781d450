// Disclosure control: everything about participants that is seen outside the organisation that
// owns the data passes through here. Rules (OUTCOMES.md §7, after NHS Digital's HES/ECDS rule
// from September 2018):
//   - a count of 1–7 is shown as "fewer than 8"; every other count is rounded to the nearest 5
//     (0 is shown as 0);
//   - no mean, distribution or effect is shown from fewer than 8 people;
//   - an organisation appears in a network forest plot (and in the pooled estimate) only with
//     8 or more people;
//   - in a breakdown table, if exactly one value in a row or column (totals included) is withheld,
//     the next smallest is withheld too, so it cannot be recovered by subtraction;
//   - only participants who consented to network use are counted at all.
// A withheld value is never carried in the result, so it cannot leak by mistake.

export const MINIMUM_GROUP_SIZE = 8;
export const FEWER_THAN_8 = 'fewer than 8' as const;
export const SUPPRESSED = 'suppressed' as const;

export type Disclosed<T> =
  | { shown: true; value: T; display: string }
  | { shown: false; display: typeof FEWER_THAN_8 | typeof SUPPRESSED; reason: string };

const smallGroupReason = (people: number | 'unknown') =>
  people === 'unknown' ? 'fewer than 8 people' : `based on fewer than ${MINIMUM_GROUP_SIZE} people`;

function withheldSmall(reason: string): Disclosed<never> {
  return { shown: false, display: FEWER_THAN_8, reason };
}

function assertCount(count: number, label = 'count'): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`${label} must be a whole number ≥ 0, got ${count}`);
}

/** Round a count to the nearest multiple of 5 (counts are integers, so there are no ties). */
export function roundToNearestFive(count: number): number {
  assertCount(count);
  return 5 * Math.round(count / 5);
}

/** A count of people: 0 as 0, 1–7 withheld, otherwise rounded to the nearest 5 (value is the rounded count). */
export function discloseCount(count: number): Disclosed<number> {
  assertCount(count);
  if (count > 0 && count < MINIMUM_GROUP_SIZE) return withheldSmall(`a count of 1 to ${MINIMUM_GROUP_SIZE - 1}`);
  const rounded = roundToNearestFive(count);
  return { shown: true, value: rounded, display: String(rounded) };
}

/** A mean, SD, effect size, interval or distribution computed from `people` people. */
export function discloseStatistic<T>(value: T, people: number, format: (value: T) => string): Disclosed<T> {
  assertCount(people, 'people');
  if (people < MINIMUM_GROUP_SIZE) return withheldSmall(smallGroupReason(people));
  return { shown: true, value, display: format(value) };
}

/**
 * A proportion of people, e.g. "reliably improved". Withheld when the group has fewer than 8 people
 * or when either the people counted or the people not counted number 1–7 (37 of 40 reveals 3).
 * The value is computed from the rounded counts, so a percentage adds nothing to what the rounded
 * counts already show (an exact percentage with a rounded denominator would undo the rounding).
 */
export function discloseProportion(numerator: number, denominator: number): Disclosed<number> {
  assertCount(numerator, 'numerator');
  assertCount(denominator, 'denominator');
  if (numerator > denominator) throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  if (denominator < MINIMUM_GROUP_SIZE) return withheldSmall(smallGroupReason(denominator));
  const rest = denominator - numerator;
  if ((numerator > 0 && numerator < MINIMUM_GROUP_SIZE) || (rest > 0 && rest < MINIMUM_GROUP_SIZE)) {
    return withheldSmall(`would reveal a group of 1 to ${MINIMUM_GROUP_SIZE - 1} people`);
  }
  const value = roundToNearestFive(numerator) / roundToNearestFive(denominator);
  return { shown: true, value, display: `${Math.round(100 * value)}%` };
}

// ---------------------------------------------------------------------------------------------
// Network pooling and forest plots
// ---------------------------------------------------------------------------------------------

/**
 * Split organisations into those that may appear in a network forest plot and pooled estimate
 * (8 or more people) and those that may not. Excluded organisations are left out of the pooled
 * estimate as well as the plot: pooling them and hiding their row would let anyone recover their
 * result by comparing estimates with and without them. Their number is disclosed as a count.
 */
export function selectForNetworkPooling<T extends { n: number }>(
  organisations: readonly T[],
): { included: T[]; excluded: Disclosed<number> } {
  const included = organisations.filter((organisation) => {
    assertCount(organisation.n, 'n');
    return organisation.n >= MINIMUM_GROUP_SIZE;
  });
  return { included, excluded: discloseCount(organisations.length - included.length) };
}

// ---------------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------------

declare const networkConsentBrand: unique symbol;
/** A record proven (by onlyNetworkConsented) to belong to someone who agreed to network use. */
export type NetworkConsented<T> = T & { readonly [networkConsentBrand]: true };

/** Keep only participants with network consent; the brand lets network code demand this filter ran. */
export function onlyNetworkConsented<T extends { networkConsent: boolean }>(
  participants: readonly T[],
): NetworkConsented<T>[] {
  return participants.filter((participant) => participant.networkConsent === true) as NetworkConsented<T>[];
}

/** Count network-consented participants, withheld or rounded as any count. */
export function discloseNetworkCount(participants: readonly NetworkConsented<unknown>[]): Disclosed<number> {
  return discloseCount(participants.length);
}

// ---------------------------------------------------------------------------------------------
// Breakdown tables with complementary suppression
// ---------------------------------------------------------------------------------------------

export type DisclosedTable = {
  /** cells[row][column] */
  cells: Disclosed<number>[][];
  rowTotals: Disclosed<number>[];
  columnTotals: Disclosed<number>[];
  grandTotal: Disclosed<number>;
};

type Position = { row: number; column: number };

/**
 * A two-way table of counts (rows × columns) with its margins. Every count gets the count rule;
 * then, treating the table and its totals as one grid in which each row and column adds up to its
 * total, any row or column with exactly one withheld value has its smallest remaining value
 * withheld too (cells before totals, non-zero before zero), repeated until no row or column has
 * a lone withheld value. A one-way breakdown is a table with one column.
 */
export function discloseTable(counts: readonly (readonly number[])[]): DisclosedTable {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  if (rows === 0 || columns === 0) throw new RangeError('a table needs at least one row and one column');
  counts.forEach((row, i) => {
    if (row.length !== columns) throw new RangeError(`row ${i + 1} has ${row.length} cells, expected ${columns}`);
    row.forEach((count) => assertCount(count, `cell in row ${i + 1}`));
  });

  // Extended grid: row `rows` holds column totals, column `columns` holds row totals.
  const grid: number[][] = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totalsRow: number[] = [];
  for (let j = 0; j <= columns; j++) totalsRow.push(grid.reduce((a, row) => a + row[j]!, 0));
  grid.push(totalsRow);

  const state: ('shown' | 'small' | 'complementary')[][] = grid.map((row) =>
    row.map((count) => (count > 0 && count < MINIMUM_GROUP_SIZE ? 'small' : 'shown')),
  );

  const lines: Position[][] = [];
  for (let i = 0; i <= rows; i++) lines.push(Array.from({ length: columns + 1 }, (_, j) => ({ row: i, column: j })));
  for (let j = 0; j <= columns; j++) lines.push(Array.from({ length: rows + 1 }, (_, i) => ({ row: i, column: j })));

  const isTotal = (p: Position) => p.row === rows || p.column === columns;
  const preference = (p: Position) =>
    [isTotal(p) ? 1 : 0, grid[p.row]![p.column]! === 0 ? 1 : 0, grid[p.row]![p.column]!] as const;
  const compare = (a: Position, b: Position) => {
    const [pa, pb] = [preference(a), preference(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2] || a.row - b.row || a.column - b.column;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const withheld = line.filter((p) => state[p.row]![p.column] !== 'shown');
      if (withheld.length !== 1) continue;
      const candidates = line.filter((p) => state[p.row]![p.column] === 'shown').sort(compare);
      const next = candidates[0];
      if (next === undefined) continue;
      state[next.row]![next.column] = 'complementary';
      changed = true;
    }
  }

  const disclose = (i: number, j: number): Disclosed<number> => {
    const status = state[i]![j]!;
    if (status === 'small') return withheldSmall(`a count of 1 to ${MINIMUM_GROUP_SIZE - 1}`);
    if (status === 'complementary') {
      return {
        shown: false,
        display: SUPPRESSED,
        reason: 'withheld so that a small count cannot be worked out from the totals',
      };
    }
    return discloseCount(grid[i]![j]!);
  };

  return {
    cells: counts.map((row, i) => row.map((_, j) => disclose(i, j))),
    rowTotals: counts.map((_, i) => disclose(i, columns)),
    columnTotals: Array.from({ length: columns }, (_, j) => disclose(rows, j)),
    grandTotal: disclose(rows, columns),
  };
}
