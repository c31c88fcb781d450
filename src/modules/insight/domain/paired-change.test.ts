import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePairedChange, meanAndSd, summariseChange } from './paired-change.ts';
import type { ScorePair } from './paired-change.ts';
import { withinPersonEffectSize } from './effect-size.ts';
import { assertClose, readFixtureJson } from './reference-fixtures.test-helpers.ts';

type PairedReference = {
  baseline: number[];
  followUp: number[];
  n: number;
  mean: number;
  sd: number;
  se: number;
  ci_low: number;
  ci_high: number;
  dz: number;
  gz: number;
  dz_se_approx: number;
  dz_ci_low_approx: number;
  dz_ci_high_approx: number;
  dz_ci_low: number;
  dz_ci_high: number;
};
const { paired } = readFixtureJson<{ paired: Record<string, PairedReference> }>('distribution-reference.json');

const toPairs = (r: PairedReference): ScorePair[] =>
  r.baseline.map((baseline, i) => ({ baseline, followUp: r.followUp[i]! }));

for (const [name, r] of Object.entries(paired)) {
  test(`paired change matches R t.test(paired = TRUE): ${name}`, () => {
    const result = describePairedChange(toPairs(r));
    assert.equal(result.n, r.n);
    assert.equal(result.df, r.n - 1);
    assertClose(result.mean_change, r.mean, 1e-12, 1e-14, 'mean');
    assertClose(result.sd_change, r.sd, 1e-12, 1e-14, 'sd');
    assertClose(result.se, r.se, 1e-12, 1e-14, 'se');
    assertClose(result.ci_low, r.ci_low, 1e-10, 1e-12, 'ci_low');
    assertClose(result.ci_high, r.ci_high, 1e-10, 1e-12, 'ci_high');
  });

  test(`d_z, g_z and both intervals match R: ${name}`, () => {
    const effect = withinPersonEffectSize(summariseChange(toPairs(r)));
    assert.ok(effect);
    assertClose(effect.dz, r.dz, 1e-12, 1e-14, 'dz');
    assertClose(effect.gz, r.gz, 1e-12, 1e-14, 'gz');
    assertClose(effect.se_approx, r.dz_se_approx, 1e-12, 1e-14, 'se approx');
    assertClose(effect.ci_low_approx, r.dz_ci_low_approx, 1e-12, 1e-14, 'ci low approx');
    assertClose(effect.ci_high_approx, r.dz_ci_high_approx, 1e-12, 1e-14, 'ci high approx');
    // R's uniroot on pt(ncp) is itself good to ~1e-12; 1e-8 leaves room for both.
    assertClose(effect.ci_low, r.dz_ci_low, 1e-8, 1e-10, 'exact ci low');
    assertClose(effect.ci_high, r.dz_ci_high, 1e-8, 1e-10, 'exact ci high');
  });
}

test('worked example by hand: changes 8, 2, 6, 0, 9 (BARC-10 points)', () => {
  const pairs = [
    [30, 38],
    [41, 43],
    [25, 31],
    [36, 36],
    [28, 37],
  ].map(([baseline, followUp]) => ({ baseline: baseline!, followUp: followUp! }));
  const result = describePairedChange(pairs);
  // mean = 25/5 = 5; deviations 3, −3, 1, −5, 4; SS = 60; var = 15.
  assert.equal(result.mean_change, 5);
  assertClose(result.sd_change, Math.sqrt(15), 1e-15, 0, 'sd');
  assertClose(result.se, Math.sqrt(3), 1e-15, 0, 'se');
  // t(4, 0.975) = 2.7764451051977987
  assertClose(result.ci_low, 5 - 2.7764451051977987 * Math.sqrt(3), 1e-13, 0, 'ci low');
  const summary = summariseChange(pairs);
  assert.deepEqual(
    { ...summary, sd_change: Number(summary.sd_change.toFixed(12)) },
    { n: 5, mean_change: 5, sd_change: Number(Math.sqrt(15).toFixed(12)), variance_of_mean: summary.variance_of_mean },
  );
  assertClose(summary.variance_of_mean, 3, 1e-14, 0, 'sd²/n');
});

test('change keeps the raw sign: lower scores at follow-up give a negative mean and d_z', () => {
  const pairs = [
    { baseline: 8, followUp: 4 },
    { baseline: 7, followUp: 5 },
    { baseline: 9, followUp: 4 },
  ];
  const summary = summariseChange(pairs);
  assert.ok(summary.mean_change < 0);
  const effect = withinPersonEffectSize(summary)!;
  assert.ok(effect.dz < 0 && effect.ci_low < effect.dz && effect.dz < effect.ci_high);
});

test('mean and SD keep their digits on large offset scores', () => {
  const { mean, sd } = meanAndSd([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
  assert.equal(mean, 1e9 + 10);
  assertClose(sd, Math.sqrt(30), 1e-12, 0, 'sd');
});

test('d_z is null, not infinite, when everyone changed by the same amount', () => {
  assert.equal(withinPersonEffectSize({ n: 9, mean_change: 3, sd_change: 0 }), null);
});

test('bad input is refused', () => {
  assert.throws(() => describePairedChange([{ baseline: 1, followUp: 2 }]), /at least 2/);
  assert.throws(
    () =>
      describePairedChange([
        { baseline: 1, followUp: 2 },
        { baseline: Number.NaN, followUp: 2 },
      ]),
    /pair 2/,
  );
  assert.throws(() => withinPersonEffectSize({ n: 1, mean_change: 1, sd_change: 1 }), /at least 2/);
});
