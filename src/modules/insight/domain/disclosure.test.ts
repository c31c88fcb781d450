import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  discloseCount,
  discloseNetworkCount,
  discloseProportion,
  discloseStatistic,
  discloseTable,
  FEWER_THAN_8,
  onlyNetworkConsented,
  roundToNearestFive,
  selectForNetworkPooling,
  SUPPRESSED,
} from './disclosure.ts';
import type { Disclosed, DisclosedTable, NetworkConsented } from './disclosure.ts';

// ---------------------------------------------------------------------------------------------
// An attacker who knows the rules and sees every displayed value. For each value, the true counts
// consistent with its display; then every table consistent with all displays at once.
// ---------------------------------------------------------------------------------------------
const MAX_HIDDEN = 80;

function candidates(d: Disclosed<number>): number[] {
  if (d.shown) {
    if (d.value === 0) return [0];
    const out: number[] = [];
    for (let v = d.value - 2; v <= d.value + 2; v++) if (v >= 8) out.push(v);
    return out;
  }
  if (d.display === FEWER_THAN_8) return [1, 2, 3, 4, 5, 6, 7];
  return Array.from({ length: MAX_HIDDEN + 1 }, (_, v) => v);
}

/** Every value the cell (row, column) could take in some table consistent with all displays. */
function feasibleValues(table: DisclosedTable, row: number, column: number): Set<number> {
  const rows = table.cells.length;
  const columns = table.cells[0]!.length;
  const allowedSet = (d: Disclosed<number>) => new Set(candidates(d));
  const rowAllowed = table.rowTotals.map(allowedSet);
  const columnAllowed = table.columnTotals.map(allowedSet);
  const grandAllowed = allowedSet(table.grandTotal);
  const upper = (set: Set<number>) => Math.max(...set);
  // A cell can be no larger than its row total or its column total could be.
  const options = table.cells.map((cells, i) =>
    cells.map((d, j) =>
      candidates(d).filter((v) => v <= Math.min(upper(rowAllowed[i]!), upper(columnAllowed[j]!), upper(grandAllowed))),
    ),
  );
  const feasible = new Set<number>();
  const values = table.cells.map((cells) => cells.map(() => 0));
  // Depth-first over cells row by row, checking each row total as soon as its row is complete.
  const search = (i: number, j: number): void => {
    if (j === columns) {
      const sum = values[i]!.reduce((a, b) => a + b, 0);
      if (!rowAllowed[i]!.has(sum)) return;
      if (i + 1 < rows) return search(i + 1, 0);
      let grand = 0;
      for (let c = 0; c < columns; c++) {
        let columnSum = 0;
        for (let r = 0; r < rows; r++) columnSum += values[r]![c]!;
        if (!columnAllowed[c]!.has(columnSum)) return;
        grand += columnSum;
      }
      if (grandAllowed.has(grand)) feasible.add(values[row]![column]!);
      return;
    }
    for (const v of options[i]![j]!) {
      values[i]![j] = v;
      search(i, j + 1);
    }
  };
  search(0, 0);
  return feasible;
}

const displays = (ds: readonly Disclosed<number>[]) => ds.map((d) => d.display);

test('counts: 0 shown, 1–7 withheld, the rest rounded to the nearest 5', () => {
  assert.deepEqual(discloseCount(0), { shown: true, value: 0, display: '0' });
  for (let n = 1; n <= 7; n++) {
    const d = discloseCount(n);
    assert.equal(d.shown, false);
    assert.equal(d.display, 'fewer than 8');
    assert.ok(!('value' in d), 'a withheld result carries no value');
  }
  assert.deepEqual(
    [8, 9, 10, 12, 13, 17, 18, 102, 103].map((n) => discloseCount(n).display),
    ['10', '10', '10', '10', '15', '15', '20', '100', '105'],
  );
  assert.equal(roundToNearestFive(22), 20);
  assert.throws(() => discloseCount(2.5), /whole number/);
  assert.throws(() => discloseCount(-1), /whole number/);
});

test('no mean, distribution or effect from fewer than 8 people', () => {
  const format = (v: number) => v.toFixed(1);
  const hidden = discloseStatistic(4.72, 7, format);
  assert.equal(hidden.shown, false);
  assert.equal(hidden.display, FEWER_THAN_8);
  assert.match(hidden.shown ? '' : hidden.reason, /fewer than 8 people/);
  assert.deepEqual(discloseStatistic(4.72, 8, format), { shown: true, value: 4.72, display: '4.7' });
  const histogram = discloseStatistic([1, 2, 3], 3, (v) => v.join(','));
  assert.equal(histogram.shown, false);
});

test('proportions never reveal a group of 1–7, directly or by complement', () => {
  assert.equal(discloseProportion(3, 40).shown, false);
  assert.equal(discloseProportion(37, 40).shown, false, '37 of 40 reveals the other 3');
  assert.equal(discloseProportion(4, 6).shown, false);
  assert.deepEqual(discloseProportion(0, 40), { shown: true, value: 0, display: '0%' });
  assert.deepEqual(discloseProportion(40, 40), { shown: true, value: 1, display: '100%' });
  // Computed from rounded counts: 12/41 → 10/40, so nothing beyond the rounded counts is shown.
  assert.deepEqual(discloseProportion(12, 41), { shown: true, value: 0.25, display: '25%' });
});

test('attack: differencing two totals (network with and without one small organisation)', () => {
  const withGroup = discloseCount(103);
  const withoutGroup = discloseCount(100);
  assert.ok(withGroup.shown && withoutGroup.shown);
  const differences = new Set<number>();
  for (const a of candidates(withGroup)) for (const b of candidates(withoutGroup)) differences.add(a - b);
  assert.ok(differences.has(3));
  assert.ok(differences.size >= 5, `the group of 3 is one of ${differences.size} possibilities`);
  // Exhaustively: whatever the total, adding a group of 3 never makes it recoverable exactly.
  for (let total = 8; total <= 200; total++) {
    const set = new Set<number>();
    for (const a of candidates(discloseCount(total + 3)))
      for (const b of candidates(discloseCount(total))) set.add(a - b);
    assert.ok(set.size > 1, `total ${total}`);
  }
});

test('attack: total minus the sum of shown cells in a one-way breakdown', () => {
  // Three groups: 3, 40 and 52 people (total 95).
  const table = discloseTable([[3], [40], [52]]);
  assert.deepEqual(displays(table.cells.map((r) => r[0]!)), [FEWER_THAN_8, SUPPRESSED, '50']);
  assert.equal(table.grandTotal.display, '95');
  const feasible = feasibleValues(table, 0, 0);
  assert.ok(feasible.has(3) && feasible.size > 1, `feasible values ${[...feasible]}`);
  // Without the complementary suppression 95 − 40 − 50 = 5 would sit within ±4 of the truth.
  const complement = feasibleValues(table, 1, 0);
  assert.ok(complement.size > 5);
});

test('attack: a breakdown by two dimensions with a group of 3', () => {
  // Rows: women, men. Columns: under 35, 35–54, 55 and over.
  const counts = [
    [3, 12, 9],
    [14, 10, 11],
  ];
  const table = discloseTable(counts);
  assert.equal(table.cells[0]![0]!.display, FEWER_THAN_8);
  // Every row and column with a withheld value has at least two.
  const grid = [
    ...table.cells.map((row, i) => [...row, table.rowTotals[i]!]),
    [...table.columnTotals, table.grandTotal],
  ];
  for (const line of [...grid, ...grid[0]!.map((_, j) => grid.map((row) => row[j]!))]) {
    const withheld = line.filter((d) => !d.shown).length;
    assert.ok(withheld === 0 || withheld >= 2, `a line with ${withheld} withheld`);
  }
  const feasible = feasibleValues(table, 0, 0);
  assert.ok(feasible.has(3) && feasible.size > 1, `feasible values ${[...feasible]}`);
  // The two one-way breakdowns (the margins) are released from the same table, so combining them
  // with the cells gives nothing the search above did not already use.
});

test('attack: small row total in a table (group of 3 across two cells)', () => {
  const table = discloseTable([
    [2, 1, 0],
    [20, 15, 30],
  ]);
  assert.equal(table.rowTotals[0]!.display, FEWER_THAN_8);
  const feasibleTotal = new Set<number>();
  for (let a = 0; a <= 7; a++)
    for (let b = 0; b <= 7; b++) {
      if (candidates(table.cells[0]![0]!).includes(a) && candidates(table.cells[0]![1]!).includes(b))
        feasibleTotal.add(a + b);
    }
  assert.ok(feasibleTotal.size > 1);
  for (const [i, j] of [
    [0, 0],
    [0, 1],
  ] as const) {
    const feasible = feasibleValues(table, i, j);
    assert.ok(feasible.size > 1, `cell ${i},${j}: ${[...feasible]}`);
  }
});

test('attack: rounding cannot be undone by querying overlapping groups of 3 at a time', () => {
  // Counts n, n+3, n+6 … of nested groups: every displayed step is a multiple of 5, so the size of
  // any one step of 3 is never pinned down.
  for (let n = 10; n < 40; n++) {
    const shown = [n, n + 3, n + 6].map((v) => discloseCount(v));
    const possible = new Set<number>();
    for (const a of candidates(shown[0]!)) for (const b of candidates(shown[1]!)) possible.add(b - a);
    assert.ok(possible.size > 1);
  }
});

test('tables: zeros are shown, complementary cells prefer the smallest non-zero count', () => {
  const table = discloseTable([[5, 0, 30, 12]]);
  assert.deepEqual(displays(table.cells[0]!), [FEWER_THAN_8, '0', '30', SUPPRESSED]);
  assert.equal(table.grandTotal.display, '45');
  assert.throws(() => discloseTable([[1, 2], [3]]), /row 2/);
  assert.throws(() => discloseTable([]), /at least one row/);
});

test('forest plots and pooling only include organisations with 8 or more people', () => {
  const orgs = [
    { org: 'A', n: 12 },
    { org: 'B', n: 3 },
    { org: 'C', n: 8 },
    { org: 'D', n: 7 },
  ];
  const { included, excluded } = selectForNetworkPooling(orgs);
  assert.deepEqual(
    included.map((o) => o.org),
    ['A', 'C'],
  );
  assert.equal(excluded.display, FEWER_THAN_8, 'two excluded organisations is itself a count of 1–7');
  const many = selectForNetworkPooling(Array.from({ length: 20 }, (_, i) => ({ n: i < 10 ? 2 : 30 })));
  assert.equal(many.excluded.display, '10');
});

test('only participants with network consent are counted, enforced by type', () => {
  const participants = [
    { code: 'P1', networkConsent: true },
    { code: 'P2', networkConsent: false },
    { code: 'P3', networkConsent: true },
  ];
  const consented = onlyNetworkConsented(participants);
  assert.deepEqual(
    consented.map((p) => p.code),
    ['P1', 'P3'],
  );
  assert.equal(discloseNetworkCount(consented).display, FEWER_THAN_8);
  // @ts-expect-error an unfiltered list is not NetworkConsented
  discloseNetworkCount(participants);
  const typed: NetworkConsented<{ code: string }>[] = consented;
  assert.equal(typed.length, 2);
});
