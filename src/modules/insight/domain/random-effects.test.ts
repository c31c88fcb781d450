import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolRandomEffects } from './random-effects.ts';
import type { CiMethod, PoolingMethod } from './random-effects.ts';
import { dersimonianLairdTau2, remlTau2 } from './tau2-estimators.ts';
import { assertClose, readFixtureJson, readFixtureText } from './reference-fixtures.test-helpers.ts';

type MetaforRun = {
  method: PoolingMethod;
  test: 'knha' | 'z';
  threshold: number | null;
  estimate: number;
  se: number;
  'ci.lb': number;
  'ci.ub': number;
  tau2: number;
  I2: number;
  H2: number;
  QE: number;
  QEp: number;
  'pi.lb': number | null;
  'pi.ub': number | null;
  'pi.lb.riley': number | null;
  'pi.ub.riley': number | null;
};
type MetaforReference = { datasets: Record<string, { file: string; k: number; runs: MetaforRun[] }> };

const reference = readFixtureJson<MetaforReference>('metafor-reference.json');

// Minimal reader for the committed fixture CSVs (no quoted commas in them); the real CSV parsing
// with error reporting lives in pool.command.ts.
function readDataset(file: string): { yi: number[]; vi: number[] } {
  const [, ...rows] = readFixtureText(file).trim().split('\n');
  const yi: number[] = [];
  const vi: number[] = [];
  for (const row of rows) {
    const [, n, mean, sd] = row.split(',');
    yi.push(Number(mean));
    vi.push(Number(sd) ** 2 / Number(n));
  }
  return { yi, vi };
}

const RELATIVE = 1e-6;
const ABSOLUTE = 1e-9;

test('the reference covers every required scenario', () => {
  const names = Object.keys(reference.datasets).sort();
  assert.deepEqual(names, [
    'boundary-8',
    'heterogeneous-7',
    'homogeneous-6',
    'identical-effects-4',
    'network-24',
    'two-orgs',
    'typical-8',
  ]);
  assert.ok(reference.datasets['network-24']!.k >= 20);
  assert.equal(reference.datasets['two-orgs']!.k, 2);
  for (const name of ['homogeneous-6', 'identical-effects-4']) {
    for (const run of reference.datasets[name]!.runs) assert.equal(run.tau2, 0, `${name} should be homogeneous`);
  }
});

for (const [name, dataset] of Object.entries(reference.datasets)) {
  for (const run of dataset.runs) {
    const ci: CiMethod = run.test === 'knha' ? 'hk' : 'wald';
    const label = `${name} ${run.method} ${run.test}${run.threshold === null ? '' : ` threshold ${run.threshold}`}`;
    test(`matches metafor: ${label}`, () => {
      const input = readDataset(dataset.file);
      const options = { method: run.method, ci, ...(run.threshold === null ? {} : { threshold: run.threshold }) };
      const result = poolRandomEffects(input, options);
      const riley = poolRandomEffects(input, { ...options, predictionInterval: 'riley' });
      assert.equal(result.k, dataset.k);
      const check = (actual: number | null, expected: number | null, field: string) =>
        assertClose(actual, expected, RELATIVE, ABSOLUTE, `${label} ${field}`);
      check(result.estimate, run.estimate, 'estimate');
      check(result.se, run.se, 'se');
      check(result.ci_low, run['ci.lb'], 'ci.lb');
      check(result.ci_high, run['ci.ub'], 'ci.ub');
      check(result.tau2, run.tau2, 'tau2');
      check(result.i2, run.I2, 'I2');
      check(result.h2, run.H2, 'H2');
      check(result.q, run.QE, 'QE');
      check(result.q_p, run.QEp, 'QEp');
      check(result.pi_low, run['pi.lb'], 'pi.lb');
      check(result.pi_high, run['pi.ub'], 'pi.ub');
      check(riley.pi_low, run['pi.lb.riley'], 'pi.lb (riley)');
      check(riley.pi_high, run['pi.ub.riley'], 'pi.ub (riley)');
    });
  }
}

test('defaults are REML with Hartung–Knapp and a 1e-10 threshold', () => {
  const result = poolRandomEffects(readDataset('datasets/typical-8.csv'));
  assert.equal(result.method, 'REML');
  assert.equal(result.ci_method, 'hk');
  assert.equal(result.ci_df, 7);
  assert.equal(result.q_df, 7);
  const metafor = reference.datasets['typical-8']!.runs.find(
    (r) => r.method === 'REML' && r.test === 'knha' && r.threshold === 1e-10,
  )!;
  assertClose(result.tau2, metafor.tau2, 1e-9, 1e-12, 'default tau2');
});

test('k = 2: HK interval uses t with 1 df and is very wide', () => {
  const result = poolRandomEffects(readDataset('datasets/two-orgs.csv'), { method: 'REML', ci: 'hk' });
  assert.equal(result.ci_df, 1);
  assert.ok((result.ci_high - result.ci_low) / result.se > 2 * 12.7);
});

test('identical effects: Q = 0, tau2 = 0, HK standard error collapses to 0 as in metafor', () => {
  const result = poolRandomEffects({ yi: [4.5, 4.5, 4.5], vi: [1, 2, 3] }, { method: 'REML', ci: 'hk' });
  assert.equal(result.q, 0);
  assert.equal(result.tau2, 0);
  assert.equal(result.i2, 0);
  assert.equal(result.se, 0);
  assert.equal(result.ci_low, 4.5);
  assert.equal(result.q_p, 1);
  const wald = poolRandomEffects({ yi: [4.5, 4.5, 4.5], vi: [1, 2, 3] }, { method: 'DL', ci: 'wald' });
  assert.ok(wald.se > 0);
});

test('fixed-effect model has no prediction interval and tau2 = 0', () => {
  const result = poolRandomEffects(readDataset('datasets/heterogeneous-7.csv'), { method: 'FE', ci: 'wald' });
  assert.equal(result.tau2, 0);
  assert.equal(result.pi_low, null);
  assert.equal(result.pi_high, null);
  assert.ok(result.i2 > 90);
});

test('REML stuck on the boundary reaches 0 by step halving (boundary-8)', () => {
  const { yi, vi } = readDataset('datasets/boundary-8.csv');
  assert.ok(dersimonianLairdTau2(yi, vi) > 0, 'DL is positive here, REML is not');
  const fit = remlTau2(yi, vi, { threshold: 1e-10, maxIterations: 100 });
  assert.ok(fit.tau2 < 1e-10);
});

test('REML reports non-convergence instead of a wrong answer', () => {
  const { yi, vi } = readDataset('datasets/typical-8.csv');
  assert.throws(() => remlTau2(yi, vi, { threshold: 1e-10, maxIterations: 1 }), /did not converge/);
});

test('invalid input is refused', () => {
  assert.throws(() => poolRandomEffects({ yi: [1], vi: [1] }), /at least 2/);
  assert.throws(() => poolRandomEffects({ yi: [1, 2], vi: [1] }), /yi has 2 values/);
  assert.throws(() => poolRandomEffects({ yi: [1, 2], vi: [1, 0] }), /positive/);
  assert.throws(() => poolRandomEffects({ yi: [1, Number.NaN], vi: [1, 1] }), /finite/);
  assert.throws(() => poolRandomEffects({ yi: [1, 2], vi: [1, 1] }, { level: 95 }), /level/);
});

test('results do not depend on the order of organisations (to rounding)', () => {
  const { yi, vi } = readDataset('datasets/network-24.csv');
  const forward = poolRandomEffects({ yi, vi });
  const backward = poolRandomEffects({ yi: [...yi].reverse(), vi: [...vi].reverse() });
  assertClose(backward.estimate, forward.estimate, 1e-12, 1e-12, 'estimate');
  assertClose(backward.tau2, forward.tau2, 1e-9, 1e-12, 'tau2');
});
