import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillQuarterGaps, nextQuarter } from './quarter-gaps.ts';

test('the quarter after Q4 is Q1 of the next year', () => {
  assert.equal(nextQuarter('2025 Q3'), '2025 Q4');
  assert.equal(nextQuarter('2025 Q4'), '2026 Q1');
  assert.throws(() => nextQuarter('2025 Q5'));
});

test('a quarter with nothing recorded is kept, empty, between the first and the last', () => {
  const rows = [
    { quarter: '2025 Q3', n: 4 },
    { quarter: '2026 Q2', n: 2 },
  ];
  assert.deepEqual(
    fillQuarterGaps(rows, (quarter) => ({ quarter, n: 0 })),
    [
      { quarter: '2025 Q3', n: 4 },
      { quarter: '2025 Q4', n: 0 },
      { quarter: '2026 Q1', n: 0 },
      { quarter: '2026 Q2', n: 2 },
    ],
  );
  assert.deepEqual(
    fillQuarterGaps([], (quarter) => ({ quarter })),
    [],
  );
  assert.deepEqual(
    fillQuarterGaps([{ quarter: '2026 Q1' }], (quarter) => ({ quarter })),
    [{ quarter: '2026 Q1' }],
  );
});
