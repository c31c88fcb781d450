import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MINIMUM_REFERENCE_SAMPLE,
  chooseReference,
  cronbachAlpha,
  estimateReference,
  sampleSd,
} from './reference-estimates.ts';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} ≠ ${b}`);

test('sample SD uses n − 1', () => {
  close(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7));
  assert.throws(() => sampleSd([3]), RangeError);
});

test("Cronbach's alpha by hand: item variances 2.5, 2.3, 1.3; total variance 16.5; α = 52/55", () => {
  const rows = [
    [1, 2, 3],
    [2, 2, 4],
    [3, 4, 4],
    [4, 5, 6],
    [5, 5, 5],
  ];
  close(cronbachAlpha(rows)!, 52 / 55);
  // identical items agree perfectly
  close(cronbachAlpha(rows.map((r) => [r[0]!, r[0]!]))!, 1);
  assert.equal(cronbachAlpha([[1], [2], [3]]), null, 'one question: alpha does not apply');
  assert.equal(
    cronbachAlpha([
      [2, 2],
      [2, 2],
    ]),
    null,
    'totals that never vary',
  );
  assert.throws(() => cronbachAlpha([[1, 2], [1]]), RangeError);
});

const people = (n: number) => Array.from({ length: n }, (_, i) => 20 + (i % 10));
const answers = (n: number) => Array.from({ length: n }, (_, i) => [1 + (i % 6), 1 + ((i + 1) % 6), 1 + (i % 6)]);

test('no estimate below the minimum number of people; at the minimum, the SD of first scores', () => {
  assert.equal(estimateReference(people(MINIMUM_REFERENCE_SAMPLE - 1), answers(MINIMUM_REFERENCE_SAMPLE - 1)), null);
  const e = estimateReference(people(MINIMUM_REFERENCE_SAMPLE), answers(MINIMUM_REFERENCE_SAMPLE))!;
  close(e.baselineSd, sampleSd(people(MINIMUM_REFERENCE_SAMPLE)));
  assert.equal(e.baselineN, 100);
  close(e.alpha!, cronbachAlpha(answers(100))!);
  assert.equal(e.alphaN, 100);
  // a single question: the spread, but no alpha
  const single = estimateReference(people(150), [])!;
  assert.deepEqual([single.alpha, single.alphaN], [null, 0]);
  // everyone the same at the start: no spread, no estimate
  assert.equal(estimateReference(Array(120).fill(30), answers(120)), null);
});

test('questions that do not hang together give no alpha (never a negative one)', () => {
  const opposed = Array.from({ length: 120 }, (_, i) => [1 + (i % 6), 6 - (i % 6)]);
  const e = estimateReference(people(120), opposed)!;
  assert.equal(e.alpha, null);
});

test('which reference a measure is judged by', () => {
  const network = { baselineSd: 8, baselineN: 140, alpha: 0.84, alphaN: 140 };
  assert.deepEqual(chooseReference({ reliability: 0.9, sd: 7.5, items: 10 }, network), {
    kind: 'published',
    reliability: 0.9,
    sd: 7.5,
  });
  assert.deepEqual(chooseReference({ reliability: 0.9, sd: null, items: 10 }, network), {
    kind: 'network',
    reliability: 0.9,
    reliabilityFrom: 'published',
    sd: 8,
  });
  assert.deepEqual(chooseReference({ reliability: null, sd: null, items: 10 }, network), {
    kind: 'network',
    reliability: 0.84,
    reliabilityFrom: 'network',
    sd: 8,
  });
  assert.deepEqual(chooseReference({ reliability: 0.9, sd: null, items: 10 }, null), {
    kind: 'none',
    why: 'too few people',
  });
  assert.deepEqual(chooseReference({ reliability: null, sd: null, items: 1 }, { ...network, alpha: null }), {
    kind: 'none',
    why: 'no reliability',
  });
  assert.deepEqual(chooseReference({ reliability: null, sd: null, items: 1 }, null), {
    kind: 'none',
    why: 'no reliability',
  });
});
