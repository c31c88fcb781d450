import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runPoolCommand } from './pool.command.ts';

const fixture = (relative: string) => fileURLToPath(new URL(`./fixtures/${relative}`, import.meta.url));

type MetaforRun = {
  method: string;
  test: string;
  threshold: number | null;
  estimate: number;
  se: number;
  'ci.lb': number;
  'ci.ub': number;
  tau2: number;
  I2: number;
  QE: number;
  'pi.lb': number;
  'pi.ub': number;
};
const reference = JSON.parse(await readFile(fixture('metafor-reference.json'), 'utf8')) as {
  datasets: Record<string, { runs: MetaforRun[] }>;
};

async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runPoolCommand(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readFile: (path) => (path in files ? Promise.resolve(files[path]!) : readFile(path, 'utf8')),
  });
  return { code, stdout, stderr };
}

const close = (actual: number, expected: number) =>
  Math.abs(actual - expected) <= Math.max(1e-9, 1e-6 * Math.abs(expected));

for (const [method, ci, metaforTest] of [
  ['REML', 'hk', 'knha'],
  ['DL', 'wald', 'z'],
  ['DL', 'hk', 'knha'],
  ['REML', 'wald', 'z'],
] as const) {
  test(`--json ${method} ${ci} reproduces metafor on the typical 8-organisation set`, async () => {
    const { code, stdout, stderr } = await run([
      fixture('datasets/typical-8.csv'),
      '--method',
      method,
      '--ci',
      ci,
      '--json',
    ]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(output), [
      'k',
      'estimate',
      'se',
      'ci_low',
      'ci_high',
      'tau2',
      'i2',
      'q',
      'method',
      'ci_method',
      'pi_low',
      'pi_high',
    ]);
    const expected = reference.datasets['typical-8']!.runs.find(
      (r) => r.method === method && r.test === metaforTest && (r.threshold === null || r.threshold === 1e-10),
    )!;
    assert.equal(output.k, 8);
    assert.equal(output.method, method);
    assert.equal(output.ci_method, ci);
    for (const [key, value] of [
      ['estimate', expected.estimate],
      ['se', expected.se],
      ['ci_low', expected['ci.lb']],
      ['ci_high', expected['ci.ub']],
      ['tau2', expected.tau2],
      ['i2', expected.I2],
      ['q', expected.QE],
      ['pi_low', expected['pi.lb']],
      ['pi_high', expected['pi.ub']],
    ] as const) {
      assert.ok(close(output[key] as number, value), `${key}: ${output[key]} vs ${value}`);
    }
  });
}

test('defaults to REML with a Hartung–Knapp interval; --option=value also works', async () => {
  const plain = await run([fixture('datasets/network-24.csv'), '--json']);
  const explicit = await run(['--method=reml', '--ci=HK', '--json', fixture('datasets/network-24.csv')]);
  assert.equal(plain.code, 0);
  assert.equal(plain.stdout, explicit.stdout);
  assert.equal(JSON.parse(plain.stdout).k, 24);
});

test('human-readable table', async () => {
  const { code, stdout } = await run([fixture('datasets/typical-8.csv')]);
  assert.equal(code, 0);
  assert.match(stdout, /REML, Hartung-Knapp interval, k = 8 organisations/);
  assert.match(stdout, /estimate \(mean change\) {2}5\.055/);
  assert.match(stdout, /95% CI {18}2\.777 to 7\.332/);
  assert.match(stdout, /I² {22}59\.3%/);
  assert.match(stdout, /Q {23}17\.\d\d on 7 df \(p = 0\.0\d\d\)/);
});

test('handles two organisations and identical effects', async () => {
  assert.equal((await run([fixture('datasets/two-orgs.csv'), '--json'])).code, 0);
  const identical = await run([fixture('datasets/identical-effects-4.csv'), '--json']);
  assert.equal(identical.code, 0);
  assert.equal(JSON.parse(identical.stdout).se, 0);
});

const badCases: [string, string[], RegExp][] = [
  ['missing file', [fixture('bad/does-not-exist.csv')], /cannot read .*does-not-exist\.csv: no such file/],
  ['missing column', [fixture('bad/missing-column.csv')], /row 1: missing column sd_change/],
  ['non-numeric value', [fixture('bad/non-numeric.csv')], /row 3, column mean_change: "three" is not a number/],
  [
    'fractional n',
    [fixture('bad/fractional-n.csv')],
    /row 4, column n: must be a whole number of at least 2, got "9\.5"/,
  ],
  ['n below 2', [fixture('bad/n-below-2.csv')], /row 3, column n: must be a whole number of at least 2, got "1"/],
  ['SD not above 0', [fixture('bad/sd-zero.csv')], /row 4, column sd_change: must be above 0, got "0"/],
  ['missing value', [fixture('bad/missing-value.csv')], /row 3, column sd_change: value is missing/],
  ['fewer than 2 rows', [fixture('bad/one-row.csv')], /at least 2 organisations .* found 1/],
  ['unknown option', [fixture('datasets/typical-8.csv'), '--verbose'], /unknown option --verbose/],
  ['bad method', [fixture('datasets/typical-8.csv'), '--method', 'PM'], /--method must be REML or DL/],
  ['bad ci', [fixture('datasets/typical-8.csv'), '--ci', 'profile'], /--ci must be hk or wald/],
  ['option without value', [fixture('datasets/typical-8.csv'), '--method'], /--method needs a value/],
  ['no file', ['--json'], /no CSV file given/],
  ['two files', [fixture('datasets/typical-8.csv'), fixture('datasets/two-orgs.csv')], /only one CSV file/],
];

for (const [name, argv, message] of badCases) {
  test(`bad input returns 1 with a clear message: ${name}`, async () => {
    const { code, stdout, stderr } = await run(argv);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, message);
  });
}

test('row numbers count the header as row 1 even with blank lines, quotes and a BOM', async () => {
  const csv = '\uFEFForg,n,mean_change,sd_change\n"Anchor, Hub",10,2.5,6\n\nBridge,12,3,-1\n';
  const { code, stderr } = await run(['in-memory.csv'], { 'in-memory.csv': csv });
  assert.equal(code, 1);
  assert.match(stderr, /row 4, column sd_change: must be above 0/);
});

test('columns may come in any order and an organisation may not appear twice', async () => {
  const reordered = 'sd_change,mean_change,n,org\n6,2.5,10,A\n6.5,3,12,B\n';
  assert.equal((await run(['r.csv', '--json'], { 'r.csv': reordered })).code, 0);
  const duplicated = 'org,n,mean_change,sd_change\nA,10,2.5,6\nA,12,3,6.5\n';
  const { code, stderr } = await run(['d.csv'], { 'd.csv': duplicated });
  assert.equal(code, 1);
  assert.match(stderr, /row 3, column org: "A" already appears in row 2/);
});
