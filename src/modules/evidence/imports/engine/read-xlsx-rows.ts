// Streams the first worksheet of an .xlsx file with exceljs's streaming reader, so large
// workbooks are never loaded whole. Styles are cached (they are small) because that is how
// exceljs knows which numbers are dates; shared strings are cached as exceljs requires.

import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileReadError } from './file-read-error.ts';
import { xlsxCellText } from './xlsx-cell-text.ts';
import type { NumberedCells } from './read-csv-rows.ts';

export async function* readXlsxCells(
  stream: Readable,
  options: { sheet?: number } = {},
): AsyncGenerator<NumberedCells> {
  const wanted = options.sheet ?? 1;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetNumber = 0;
  try {
    for await (const worksheet of reader) {
      sheetNumber += 1;
      if (sheetNumber < wanted) {
        // Drain sheets before the wanted one; they must be read to move on through the zip.
        for await (const _row of worksheet) void _row;
        continue;
      }
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        // exceljs row values are 1-based (index 0 unused) and may be sparse.
        const cells: string[] = [];
        for (let index = 1; index < values.length; index += 1) cells.push(xlsxCellText(values[index]));
        yield { rowNumber: row.number, cells };
      }
      return;
    }
  } catch (error) {
    throw FileReadError.notXlsx(error);
  } finally {
    if (!stream.destroyed) stream.destroy();
  }
}
