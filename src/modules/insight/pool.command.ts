// `connectors pool FILE.csv [--method REML|DL] [--ci hk|wald] [--json]`
// Pools one summary row per organisation (org,n,mean_change,sd_change; vᵢ = sd²/n) into a network
// estimate with the random-effects model in domain/random-effects.ts. I/O is injected so the
// command is tested as a plain function; src/cli.ts wires it to the terminal.
import { parse } from 'csv-parse/sync';
import { poolRandomEffects } from './domain/random-effects.ts';
import type { CiMethod, PoolingMethod, PoolingResult } from './domain/random-effects.ts';

export type PoolCommandIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
};

const USAGE = 'usage: connectors pool FILE.csv [--method REML|DL] [--ci hk|wald] [--json]';
const REQUIRED_COLUMNS = ['org', 'n', 'mean_change', 'sd_change'] as const;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Options = { file: string; method: PoolingMethod; ci: CiMethod; json: boolean };
type OrganisationRow = { org: string; n: number; mean: number; sd: number };

class InputError extends Error {}

function parseArguments(argv: readonly string[]): Options {
  let file: string | undefined;
  let method: PoolingMethod = 'REML';
  let ci: CiMethod = 'hk';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    const [flag, inlineValue] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    const takeValue = (): string => {
      const value = inlineValue ?? argv[++i];
      if (value === undefined) throw new InputError(`${flag} needs a value\n${USAGE}`);
      return value;
    };
    if (flag === '--json' && inlineValue === undefined) json = true;
    else if (flag === '--method') {
      const value = takeValue().toUpperCase();
      if (value !== 'REML' && value !== 'DL') throw new InputError(`--method must be REML or DL, got "${value}"`);
      method = value;
    } else if (flag === '--ci') {
      const value = takeValue().toLowerCase();
      if (value !== 'hk' && value !== 'wald') throw new InputError(`--ci must be hk or wald, got "${value}"`);
      ci = value;
    } else if (flag.startsWith('-')) throw new InputError(`unknown option ${argument}\n${USAGE}`);
    else if (file === undefined) file = argument;
    else throw new InputError(`unexpected argument "${argument}" (only one CSV file)\n${USAGE}`);
  }
  if (file === undefined) throw new InputError(`no CSV file given\n${USAGE}`);
  return { file, method, ci, json };
}

function parseRows(text: string): OrganisationRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new InputError(`the file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (header === undefined)
    throw new InputError('the file is empty: expected a header row org,n,mean_change,sd_change');
  const names = header.record.map((name) => name.toLowerCase());
  const indexOf = Object.fromEntries(REQUIRED_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;
  const missing = REQUIRED_COLUMNS.filter((column) => indexOf[column] < 0);
  if (missing.length > 0) {
    throw new InputError(
      `row ${header.info.lines}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected org,n,mean_change,sd_change)`,
    );
  }

  const seen = new Map<string, number>();
  const rows = data.map(({ record, info }) => {
    // csv-parse counts physical lines, so this is the row number a spreadsheet shows.
    const row = info.lines;
    const cell = (column: (typeof REQUIRED_COLUMNS)[number]) => record[indexOf[column]] ?? '';
    const number = (column: 'n' | 'mean_change' | 'sd_change'): number => {
      const raw = cell(column);
      if (raw === '') throw new InputError(`row ${row}, column ${column}: value is missing`);
      if (!DECIMAL.test(raw)) throw new InputError(`row ${row}, column ${column}: "${raw}" is not a number`);
      return Number(raw);
    };
    const org = cell('org');
    if (org === '') throw new InputError(`row ${row}, column org: organisation name is missing`);
    if (seen.has(org)) throw new InputError(`row ${row}, column org: "${org}" already appears in row ${seen.get(org)}`);
    seen.set(org, row);
    const n = number('n');
    if (!Number.isInteger(n) || n < 2)
      throw new InputError(`row ${row}, column n: must be a whole number of at least 2, got "${cell('n')}"`);
    const mean = number('mean_change');
    const sd = number('sd_change');
    if (!(sd > 0)) throw new InputError(`row ${row}, column sd_change: must be above 0, got "${cell('sd_change')}"`);
    if (!Number.isFinite(mean) || !Number.isFinite(sd)) throw new InputError(`row ${row}: number out of range`);
    return { org, n, mean, sd };
  });
  if (rows.length < 2) throw new InputError(`pooling needs at least 2 organisations (data rows), found ${rows.length}`);
  return rows;
}

const METHOD_NAMES: Record<PoolingMethod, string> = { REML: 'REML', DL: 'DerSimonian-Laird', FE: 'fixed-effect' };
const CI_NAMES: Record<CiMethod, string> = { hk: 'Hartung-Knapp', wald: 'Wald (normal)' };

function formatNumber(value: number, digits = 3): string {
  return value.toFixed(digits);
}

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

function humanReadable(result: PoolingResult): string {
  const lines = [
    `Random-effects meta-analysis: ${METHOD_NAMES[result.method]}, ${CI_NAMES[result.ci_method]} interval, k = ${result.k} organisations`,
    `  estimate (mean change)  ${formatNumber(result.estimate)}  (SE ${formatNumber(result.se)})`,
    `  95% CI                  ${formatNumber(result.ci_low)} to ${formatNumber(result.ci_high)}`,
  ];
  if (result.pi_low !== null && result.pi_high !== null) {
    lines.push(`  95% prediction interval ${formatNumber(result.pi_low)} to ${formatNumber(result.pi_high)}`);
  }
  lines.push(
    `  tau²                    ${formatNumber(result.tau2, 4)}`,
    `  I²                      ${result.i2.toFixed(1)}%`,
    `  Q                       ${formatNumber(result.q, 2)} on ${result.q_df} df (p ${formatP(result.q_p)})`,
  );
  return `${lines.join('\n')}\n`;
}

function asJson(result: PoolingResult): string {
  const { k, estimate, se, ci_low, ci_high, tau2, i2, q, method, ci_method, pi_low, pi_high } = result;
  return `${JSON.stringify({ k, estimate, se, ci_low, ci_high, tau2, i2, q, method, ci_method, pi_low, pi_high }, null, 2)}\n`;
}

/** Runs `connectors pool`; returns the process exit code (0 success, 1 bad input). */
export async function runPoolCommand(argv: string[], io: PoolCommandIo): Promise<number> {
  try {
    const options = parseArguments(argv);
    let text: string;
    try {
      text = await io.readFile(options.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        `cannot read ${options.file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`,
      );
    }
    const rows = parseRows(text);
    let result: PoolingResult;
    try {
      result = poolRandomEffects(
        { yi: rows.map((row) => row.mean), vi: rows.map((row) => (row.sd * row.sd) / row.n) },
        { method: options.method, ci: options.ci },
      );
    } catch (error) {
      // e.g. REML not converging: say so rather than crash.
      throw new InputError(`could not fit the model: ${(error as Error).message}`);
    }
    io.stdout(options.json ? asJson(result) : humanReadable(result));
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof RangeError) {
      io.stderr(`connectors pool: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
