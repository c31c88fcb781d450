// One way to read any supported file: rows numbered as in the spreadsheet (header = row 1),
// blank rows skipped, cells trimmed, and - by default - each row keyed by its column heading.
// Everything streams: memory depends on the width of a row, not on the length of the file.

import type { Readable } from 'node:stream';
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
}

export interface RecordRow {
  rowNumber: number;
  cells: Record<string, string>;
}

export interface ArrayRow {
  rowNumber: number;
  cells: string[];
}

export function readRows(source: FileSource, options: { header: false }): AsyncIterable<ArrayRow>;
export function readRows(source: FileSource, options?: { header?: true; onHeader?: (header: string[]) => void }): AsyncIterable<RecordRow>;
export function readRows(source: FileSource, options: { header?: boolean; onHeader?: (header: string[]) => void } = {}): AsyncIterable<RecordRow | ArrayRow> {
  const rows = nonBlankRows(source);
  return options.header === false ? rows : keyedByHeader(rows, options.onHeader);
}

/** Reads just the heading row (for suggesting a mapping) and then lets go of the file. */
export async function readHeader(source: FileSource): Promise<string[]> {
  for await (const row of nonBlankRows(source)) return uniqueHeadings(row.cells);
  return [];
}

async function* nonBlankRows(source: FileSource): AsyncGenerator<NumberedCells> {
  const cells = source.kind === 'csv' ? readCsvCells(source.stream, { delimiter: source.delimiter }) : readXlsxCells(source.stream, { sheet: source.sheet });
  for await (const row of cells) {
    if (row.cells.some((cell) => cell !== '')) yield row;
  }
}

async function* keyedByHeader(rows: AsyncIterable<NumberedCells>, onHeader?: (header: string[]) => void): AsyncGenerator<RecordRow> {
  let header: string[] | null = null;
  for await (const row of rows) {
    if (header === null) {
      header = uniqueHeadings(row.cells);
      onHeader?.(header);
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((heading, index) => {
      cells[heading] = row.cells[index] ?? '';
    });
    yield { rowNumber: row.rowNumber, cells };
  }
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
