import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyReliableChange,
  reliableChangeIndex,
  standardErrorOfDifference,
  summariseReliableChange,
} from './reliable-change.ts';
import type { ReliabilityReference } from './reliable-change.ts';
import { crossedThreshold, summariseThresholdCrossing } from './threshold-crossing.ts';
import { attrition } from './attrition.ts';

// s₁ = 5, r = 0.92: S_diff = 5·√(2·0.08) = 2, so the raw threshold is 3.92 points.
const higherBetter: ReliabilityReference = { referenceSd: 5, reliability: 0.92, direction: 'higher-is-better' };
const lowerBetter: ReliabilityReference = { ...higherBetter, direction: 'lower-is-better' };

test('S_diff follows Jacobson & Truax with the √2 term', () => {
  assert.ok(Math.abs(standardErrorOfDifference(higherBetter) - 2) < 1e-14);
  // OUTCOMES.md §5.1 illustration: SWEMWBS s₁ = 3.921, α = 0.89 → S_diff 1.84, threshold 3.6.
  const swemwbs = standardErrorOfDifference({ referenceSd: 3.921, reliability: 0.89 });
  assert.equal(swemwbs.toFixed(2), '1.84');
  assert.equal((1.96 * swemwbs).toFixed(1), '3.6');
  assert.ok(Math.abs(reliableChangeIndex({ baseline: 10, followUp: 14 }, higherBetter) - 2) < 1e-14);
});

test('classification is strict at 1.96 and direction-aware', () => {
  assert.equal(classifyReliableChange({ baseline: 20, followUp: 23.921 }, higherBetter), 'improved');
  assert.equal(classifyReliableChange({ baseline: 20, followUp: 23.919 }, higherBetter), 'no reliable change');
  assert.equal(classifyReliableChange({ baseline: 20, followUp: 16.081 }, higherBetter), 'no reliable change');
  assert.equal(classifyReliableChange({ baseline: 20, followUp: 16.079 }, higherBetter), 'deteriorated');
  // Lower is better: the same falls and rises swap meaning.
  assert.equal(classifyReliableChange({ baseline: 20, followUp: 23.921 }, lowerBetter), 'deteriorated');
  assert.equal(classifyReliableChange({ baseline: 20, followUp: 15 }, lowerBetter), 'improved');
});

test('proportions of reliable improvement and deterioration', () => {
  const pairs = [
    { baseline: 20, followUp: 30 },
    { baseline: 20, followUp: 25 },
    { baseline: 20, followUp: 22 },
    { baseline: 20, followUp: 20 },
    { baseline: 20, followUp: 15 },
  ];
  const up = summariseReliableChange(pairs, higherBetter);
  assert.deepEqual([up.n, up.improved, up.deteriorated, up.no_reliable_change], [5, 2, 1, 2]);
  assert.equal(up.proportion_improved, 0.4);
  assert.equal(up.proportion_deteriorated, 0.2);
  assert.ok(Math.abs(up.raw_threshold - 3.92) < 1e-12);
  const down = summariseReliableChange(pairs, lowerBetter);
  assert.deepEqual([down.improved, down.deteriorated], [1, 2]);
  assert.throws(() => summariseReliableChange([], higherBetter), /at least one/);
  assert.throws(() => standardErrorOfDifference({ referenceSd: 5, reliability: 1 }), /reliability/);
});

test('threshold crossing: from below to at-or-above (higher is better)', () => {
  const rule = { threshold: 47, direction: 'higher-is-better' as const };
  assert.equal(crossedThreshold({ baseline: 46, followUp: 47 }, rule), true);
  assert.equal(crossedThreshold({ baseline: 46, followUp: 46.9 }, rule), false);
  assert.equal(crossedThreshold({ baseline: 47, followUp: 55 }, rule), false, 'already at the threshold');
  const summary = summariseThresholdCrossing(
    [
      { baseline: 30, followUp: 48 },
      { baseline: 40, followUp: 44 },
      { baseline: 50, followUp: 52 },
      { baseline: 45, followUp: 47 },
    ],
    rule,
  );
  assert.deepEqual(summary, { n: 4, eligible: 3, crossed: 2, proportion_of_all: 0.5, proportion_of_eligible: 2 / 3 });
});

test('threshold crossing: lower is better crosses from above to at-or-below', () => {
  const rule = { threshold: 3, direction: 'lower-is-better' as const };
  assert.equal(crossedThreshold({ baseline: 7, followUp: 3 }, rule), true);
  assert.equal(crossedThreshold({ baseline: 7, followUp: 4 }, rule), false);
  assert.equal(crossedThreshold({ baseline: 2, followUp: 1 }, rule), false);
  const none = summariseThresholdCrossing([{ baseline: 1, followUp: 2 }], rule);
  assert.equal(none.proportion_of_eligible, null);
});

test('attrition from counts', () => {
  assert.deepEqual(attrition({ baselines: 40, withFollowUp: 30 }), {
    baselines: 40,
    with_follow_up: 30,
    lost_to_follow_up: 10,
    attrition_rate: 0.25,
  });
  assert.equal(attrition({ baselines: 0, withFollowUp: 0 }).attrition_rate, null);
  assert.throws(() => attrition({ baselines: 5, withFollowUp: 6 }), /cannot exceed/);
  assert.throws(() => attrition({ baselines: 5.5, withFollowUp: 1 }), /whole number/);
  assert.throws(() => attrition({ baselines: 5, withFollowUp: -1 }), /whole number/);
});
