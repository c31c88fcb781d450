// Streams a CSV file as arrays of trimmed cells, numbered as the rows appear in a spreadsheet
// program (a quoted value containing line breaks is still one row). Handles a byte-order mark,
// Windows or Unix line ends, quoted fields, and rows with missing or extra cells.

import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { FileReadError } from './file-read-error.ts';

/** The longest row read, in characters. */
export const MAX_ROW_CHARACTERS = 1_000_000;

export interface NumberedCells {
  rowNumber: number;
  cells: string[];
}

export async function* readCsvCells(
  stream: Readable,
  options: { delimiter?: string } = {},
): AsyncGenerator<NumberedCells> {
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      // Stray quotes inside unquoted values (5'10") are common in hand-made sheets.
      relax_quotes: true,
      // Blank lines are kept so row numbers stay true; readRows skips them.
      skip_empty_lines: false,
      info: true,
      // One row (or a quote never closed) can't grow without end: a real row is a few KB.
      max_record_size: MAX_ROW_CHARACTERS,
    }),
  );
  // A failing source stream must fail the parse rather than leave it waiting for more data.
  stream.once('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      yield { rowNumber: info.records, cells: record.map((cell) => cell.trim()) };
    }
  } catch (error) {
    throw FileReadError.fromCsv(error);
  } finally {
    // If the caller stops early, let go of the file.
    if (!stream.destroyed) stream.destroy();
  }
}
