// The one CSV writer for every export (csv-stringify underneath). Whatever a person typed may end
// up in a spreadsheet, so a text cell starting with =, +, -, @, a tab or a carriage return is
// written with a leading apostrophe and is shown, never run, as a formula. Numbers are written as
// numbers (so -1.5 stays -1.5); a number that arrives as text is text, and is neutralised.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as csv-stringify should write it. */
export function csvValue(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return neutraliseText(String(value));
}

const OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

export interface CsvOptions {
  /** Start with a byte-order mark, so Excel reads the file as UTF-8. */
  bom?: boolean;
}

/** A whole CSV file (header first) as a string. */
export function csvFile(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const body = stringifySync(
    rows.map((r) => r.map(csvValue)),
    OPTIONS,
  );
  return options.bom ? `\uFEFF${body}` : body;
}

/** A CSV file written as it is read: rows come in batches from `batches`. */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
  options: CsvOptions = {},
): Readable {
  const out = stringify({ ...OPTIONS, bom: options.bom ?? false });
  (async () => {
    try {
      out.write(header.map(csvValue));
      for await (const batch of batches) {
        for (const row of batch) {
          if (!out.write(row.map(csvValue))) await new Promise((resolve) => out.once('drain', resolve));
        }
      }
      out.end();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return Readable.from(out);
}
