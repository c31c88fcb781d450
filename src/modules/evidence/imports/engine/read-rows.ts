// One way to read any supported file: rows numbered as in the spreadsheet (header = row 1),
// blank rows skipped, cells trimmed, and - by default - each row keyed by its column heading.
// Everything streams: memory depends on the width of a row, not on the length of the file.

import { Readable, Transform } from 'node:stream';
import { FileReadError } from './file-read-error.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import type { TextEncoding } from './inspect-upload.ts';
import { readCsvCells } from './read-csv-rows.ts';
import type { NumberedCells } from './read-csv-rows.ts';
import { readXlsxCells } from './read-xlsx-rows.ts';
import { rowsInWorker } from './rows-in-worker.ts';

export interface FileSource {
  kind: 'csv' | 'xlsx';
  stream: Readable;
  /** CSV only; default: sniffed from the heading line (comma, semicolon or tab). */
  delimiter?: string;
  /** XLSX only; 1-based worksheet position, default 1 (the first). */
  sheet?: number;
  /** CSV only; how the bytes are text (see inspect-upload.ts). Default UTF-8. */
  encoding?: TextEncoding;
  limits?: { rows: number; columns: number };
  /** Parse in this thread rather than in a worker (the worker itself; never for uploads). */
  inProcess?: boolean;
}

/** The heading row: found among the first rows, since a title above the headings is common. */
export interface Heading {
  headers: string[];
  rowNumber: number;
}

/** How many non-blank rows at the top are looked at to find the headings. */
const HEADING_SEARCH_ROWS = 10;

export interface RecordRow {
  rowNumber: number;
  cells: Record<string, string>;
}

export interface ArrayRow {
  rowNumber: number;
  cells: string[];
}

export function readRows(source: FileSource, options: { header: false }): AsyncIterable<ArrayRow>;
export function readRows(
  source: FileSource,
  options?: { header?: true; onHeader?: (header: string[], rowNumber: number) => void },
): AsyncIterable<RecordRow>;
export function readRows(
  source: FileSource,
  options: { header?: boolean; onHeader?: (header: string[], rowNumber: number) => void } = {},
): AsyncIterable<RecordRow | ArrayRow> {
  const rows = nonBlankRows(source);
  return options.header === false ? rows : keyedByHeader(rows, options.onHeader);
}

/** Reads just the heading row (for suggesting a mapping) and then lets go of the file. */
export async function readHeader(source: FileSource): Promise<string[]> {
  return (await readHeading(source)).headers;
}

export async function readHeading(source: FileSource): Promise<Heading> {
  const top: NumberedCells[] = [];
  for await (const row of nonBlankRows(source)) {
    top.push(row);
    if (top.length >= HEADING_SEARCH_ROWS) break;
  }
  if (top.length === 0) return { headers: [], rowNumber: 1 };
  const at = headingIndex(top);
  return { headers: uniqueHeadings(top[at]!.cells), rowNumber: top[at]!.rowNumber };
}

/**
 * The first row that looks like headings: at least two filled cells, as many as half the widest
 * row near the top, and none of them a bare number (a title row has one cell; data has numbers).
 */
export function headingIndex(top: readonly NumberedCells[]): number {
  const filled = (r: NumberedCells) => r.cells.filter((c) => c !== '').length;
  const widest = Math.max(...top.map(filled));
  if (widest < 2) return 0;
  const index = top.findIndex(
    (r) => filled(r) >= Math.max(2, widest / 2) && !r.cells.some((c) => /^-?[\d.,/:]+$/.test(c)),
  );
  return index < 0 ? 0 : index;
}

/**
 * The file's non-blank rows, parsed in a worker thread (see rows-in-worker.ts) so that no file,
 * however hostile, holds up other requests; `inProcess` parses here instead (the worker itself).
 */
function nonBlankRows(source: FileSource): AsyncGenerator<NumberedCells> {
  return source.inProcess ? localNonBlankRows(source) : rowsInWorker(source);
}

/** Bytes to text in the file's encoding; UTF-8 passes through (csv-parse decodes it). */
function decoded(source: FileSource): Readable {
  const encoding = source.encoding ?? 'utf-8';
  if (encoding === 'utf-8') return source.stream;
  const decoder = new TextDecoder(encoding);
  const transform = new Transform({
    transform: (chunk: Buffer, _enc, done) => done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8')),
    flush: (done) => done(null, Buffer.from(decoder.decode(), 'utf8')),
  });
  source.stream.once('error', (error) => transform.destroy(error));
  return source.stream.pipe(transform);
}

/**
 * Which delimiter the heading line uses: a comma unless it has none and has semicolons (Excel
 * in much of Europe) or tabs (Excel's "Unicode text"). Quoted text is not counted.
 */
export function sniffDelimiter(start: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of start) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  if (counts[','] > 0) return ',';
  return counts['\t'] >= counts[';'] ? (counts['\t'] > 0 ? '\t' : ',') : ';';
}

/** A text stream whose first chunk has been looked at to choose the delimiter. */
async function sniffed(stream: Readable): Promise<{ stream: Readable; delimiter: string }> {
  const chunks = stream[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done
    ? ''
    : Buffer.isBuffer(first.value)
      ? first.value.subarray(0, 64 * 1024).toString('utf8')
      : String(first.value).slice(0, 64 * 1024);
  const delimiter = sniffDelimiter(head.replace(/^\uFEFF/, ''));
  const rest = Readable.from(
    (async function* () {
      if (!first.done) yield first.value as Buffer;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer;
    })(),
  );
  rest.once('close', () => stream.destroy());
  return { stream: rest, delimiter };
}

const ROW_TOO_WIDE = (row: number, columns: number) =>
  new FileReadError({
    row,
    column: null,
    problem: `Row ${row} has more than ${columns} columns, which is more than an import can take.`,
    howToFix: 'Remove the columns you do not need, or check the file is the right one.',
  });

/** Parsing, blank rows skipped and the limits checked, in this thread. */
export async function* localNonBlankRows(source: FileSource): AsyncGenerator<NumberedCells> {
  const limits = source.limits ?? IMPORT_LIMITS;
  let cells: AsyncIterable<NumberedCells>;
  if (source.kind === 'csv') {
    const text = decoded(source);
    const { stream, delimiter } = source.delimiter
      ? { stream: text, delimiter: source.delimiter }
      : await sniffed(text);
    cells = readCsvCells(stream, { delimiter });
  } else {
    cells = readXlsxCells(source.stream, { sheet: source.sheet });
  }
  let count = 0;
  for await (const row of cells) {
    if (row.cells.length > limits.columns && row.cells.slice(limits.columns).some((cell) => cell !== ''))
      throw ROW_TOO_WIDE(row.rowNumber, limits.columns);
    if (!row.cells.some((cell) => cell !== '')) continue;
    if (row.cells.some((cell) => cell.includes('\u0000'))) {
      throw new FileReadError({
        row: row.rowNumber,
        column: null,
        problem: `Row ${row.rowNumber} has a hidden "null" character, which is not text. This usually means the file was saved in a format we cannot read.`,
        howToFix: 'Open the file in a spreadsheet program and save it again as "CSV UTF-8" or as an Excel workbook.',
      });
    }
    count += 1;
    if (count > limits.rows + 1) {
      throw new FileReadError({
        row: row.rowNumber,
        column: null,
        problem: `The file has more than ${limits.rows.toLocaleString('en-GB')} rows.`,
        howToFix: 'Split it into smaller files and import them one at a time.',
      });
    }
    yield row;
  }
}

async function* keyedByHeader(
  rows: AsyncIterable<NumberedCells>,
  onHeader?: (header: string[], rowNumber: number) => void,
): AsyncGenerator<RecordRow> {
  let header: string[] | null = null;
  const top: NumberedCells[] = [];
  const keyed = (row: NumberedCells): RecordRow => {
    const cells: Record<string, string> = {};
    header!.forEach((heading, index) => {
      cells[heading] = row.cells[index] ?? '';
    });
    return { rowNumber: row.rowNumber, cells };
  };
  const settle = function* () {
    const at = headingIndex(top);
    header = uniqueHeadings(top[at]!.cells);
    onHeader?.(header, top[at]!.rowNumber);
    for (const row of top.slice(at + 1)) yield keyed(row);
  };
  for await (const row of rows) {
    if (header === null) {
      top.push(row);
      if (top.length >= HEADING_SEARCH_ROWS) yield* settle();
      continue;
    }
    yield keyed(row);
  }
  if (header === null && top.length > 0) yield* settle();
}

/**
 * Headings must be unique keys: blank headings become "Column C" (the spreadsheet letter) and
 * repeated ones get " (2)", " (3)" so no column silently hides another.
 */
export function uniqueHeadings(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  let lastNamed = -1;
  cells.forEach((cell, index) => {
    if (cell.trim() !== '') lastNamed = index;
  });
  return cells.slice(0, lastNamed + 1).map((cell, index) => {
    const base = cell.trim() === '' ? `Column ${columnLetter(index)}` : cell.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
