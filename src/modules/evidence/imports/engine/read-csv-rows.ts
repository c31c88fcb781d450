// Streams a CSV file as arrays of trimmed cells, numbered as the rows appear in a spreadsheet
// program (a quoted value containing line breaks is still one row). Handles a byte-order mark,
// Windows or Unix line ends, quoted fields, and rows with missing or extra cells.

import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { FileReadError } from './file-read-error.ts';

export interface NumberedCells {
  rowNumber: number;
  cells: string[];
}

export async function* readCsvCells(stream: Readable, options: { delimiter?: string } = {}): AsyncGenerator<NumberedCells> {
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
