// One way to read any supported file: rows numbered as in the spreadsheet (header = row 1),
// blank rows skipped, cells trimmed, and - by default - each row keyed by its column heading.
// Everything streams: memory depends on the width of a row, not on the length of the file.

import { Transform, type Readable } from 'node:stream';
import { FileReadError } from './file-read-error.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import type { TextEncoding } from './inspect-upload.ts';
import { readCsvCells } from './read-csv-rows.ts';
import type { NumberedCells } from './read-csv-rows.ts';
import { readXlsxCells } from './read-xlsx-rows.ts';

export interface FileSource {
  kind: 'csv' | 'xlsx';
  stream: Readable;
  /** CSV only; default ','. */
  delimiter?: string;
  /** XLSX only; 1-based worksheet position, default 1 (the first). */
  sheet?: number;
  /** CSV only; how the bytes are text (see inspect-upload.ts). Default UTF-8. */
  encoding?: TextEncoding;
  limits?: { rows: number; columns: number };
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
export function readRows(source: FileSource, options?: { header?: true; onHeader?: (header: string[], rowNumber: number) => void }): AsyncIterable<RecordRow>;
export function readRows(source: FileSource, options: { header?: boolean; onHeader?: (header: string[], rowNumber: number) => void } = {}): AsyncIterable<RecordRow | ArrayRow> {
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
  const index = top.findIndex((r) => filled(r) >= Math.max(2, widest / 2) && !r.cells.some((c) => /^-?[\d.,/:]+$/.test(c)));
  return index < 0 ? 0 : index;
}

function decoded(source: FileSource): Readable {
  if (source.encoding !== 'windows-1252') return source.stream;
  // Windows-1252 is one byte per character, so each chunk decodes on its own.
  const decoder = new TextDecoder('windows-1252');
  const transform = new Transform({ transform: (chunk: Buffer, _enc, done) => done(null, Buffer.from(decoder.decode(chunk), 'utf8')) });
  source.stream.once('error', (error) => transform.destroy(error));
  return source.stream.pipe(transform);
}

async function* nonBlankRows(source: FileSource): AsyncGenerator<NumberedCells> {
  const limits = source.limits ?? IMPORT_LIMITS;
  const cells = source.kind === 'csv' ? readCsvCells(decoded(source), { delimiter: source.delimiter }) : readXlsxCells(source.stream, { sheet: source.sheet });
  let count = 0;
  for await (const row of cells) {
    if (row.cells.length > limits.columns && row.cells.slice(limits.columns).some((cell) => cell !== '')) {
      throw new FileReadError({ row: row.rowNumber, column: null, problem: `Row ${row.rowNumber} has more than ${limits.columns} columns, which is more than an import can take.`, howToFix: 'Remove the columns you do not need, or check the file is the right one.' });
    }
    if (!row.cells.some((cell) => cell !== '')) continue;
    count += 1;
    if (count > limits.rows + 1) {
      throw new FileReadError({ row: row.rowNumber, column: null, problem: `The file has more than ${limits.rows.toLocaleString('en-GB')} rows.`, howToFix: 'Split it into smaller files and import them one at a time.' });
    }
    yield row;
  }
}

async function* keyedByHeader(rows: AsyncIterable<NumberedCells>, onHeader?: (header: string[], rowNumber: number) => void): AsyncGenerator<RecordRow> {
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
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
