import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter, readHeader, readRows, uniqueHeadings } from './read-rows.ts';
import type { FileSource } from './read-rows.ts';
import { FileReadError } from './file-read-error.ts';
import { fixtureStream } from './test-support.ts';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const csv = (text: string): FileSource => ({ kind: 'csv', stream: Readable.from([Buffer.from(text)]) });

test('CSV: byte-order mark, CRLF, blank rows, quotes and stray spaces; row numbers as in a spreadsheet', async () => {
  const rows = await collect(
    readRows(csv('\uFEFFCode , Name\r\n A1 ,"Smith, Jo "\r\n\r\n , \r\n"B2","two\r\nlines"\r\nC3\r\n')),
  );
  assert.deepEqual(rows, [
    { rowNumber: 2, cells: { Code: 'A1', Name: 'Smith, Jo' } },
    { rowNumber: 5, cells: { Code: 'B2', Name: 'two\r\nlines' } },
    { rowNumber: 6, cells: { Code: 'C3', Name: '' } },
  ]);
});

test('CSV rows as arrays include the header as row 1', async () => {
  const rows = await collect(readRows(csv('a,b\n1,2\n'), { header: false }));
  assert.deepEqual(rows, [
    { rowNumber: 1, cells: ['a', 'b'] },
    { rowNumber: 2, cells: ['1', '2'] },
  ]);
});

test('the messy fixture keeps true row numbers around its blank rows', async () => {
  const rows = await collect(readRows({ kind: 'csv', stream: fixtureStream('messy-assessments.csv') }));
  assert.deepEqual(
    rows.map((row) => row.rowNumber),
    [2, 3, 5, 6, 7, 9, 10, 11, 12, 13],
  );
  assert.equal(rows[0]?.cells['Participant Code'], 'HS-001');
  assert.equal(rows[1]?.cells['Participant Code'], 'hs-002');
});

test('blank and repeated headings get distinct names', () => {
  assert.deepEqual(uniqueHeadings(['Date', '', 'Date', 'Score', '', '']), ['Date', 'Column B', 'Date (2)', 'Score']);
  assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnLetter), ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

test('readHeader returns just the headings', async () => {
  assert.deepEqual(await readHeader(csv('\r\nDate,Activity\r\n01/02/2024,Group\r\n')), ['Date', 'Activity']);
});

test('a broken CSV becomes one plain-English problem', async () => {
  await assert.rejects(collect(readRows(csv('a,b\n1,"never closed\n2,3\n'))), (error: unknown) => {
    assert.ok(error instanceof FileReadError);
    assert.equal(
      error.problem.problem,
      'A quoted value near row 2 is never closed, so the rest of the file cannot be read.',
    );
    return true;
  });
});

test('XLSX: first worksheet, true row numbers, dates as ISO, numbers as text', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Code', 'Date', 'Score', 'Done']);
  sheet.addRow(['  P1 ', new Date(Date.UTC(2024, 1, 3)), 12.5, true]);
  sheet.addRow([]);
  sheet.addRow(['P2', 45000, { formula: '2*3', result: 6 }, { richText: [{ text: 'ye' }, { text: 's' }] }]);
  workbook.addWorksheet('Other').addRow(['not read']);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const rows = await collect(readRows({ kind: 'xlsx', stream: Readable.from([buffer]) }));
  assert.deepEqual(rows, [
    { rowNumber: 2, cells: { Code: 'P1', Date: '2024-02-03', Score: '12.5', Done: 'TRUE' } },
    { rowNumber: 4, cells: { Code: 'P2', Date: '45000', Score: '6', Done: 'yes' } },
  ]);
  const second = await collect(
    readRows({ kind: 'xlsx', stream: Readable.from([buffer]), sheet: 2 }, { header: false }),
  );
  assert.deepEqual(second, [{ rowNumber: 1, cells: ['not read'] }]);
});

test('a file that is not really an XLSX becomes one plain-English problem', async () => {
  await assert.rejects(
    collect(readRows({ kind: 'xlsx', stream: Readable.from([Buffer.from('Code,Date\n')]) })),
    (error: unknown) => {
      assert.ok(error instanceof FileReadError);
      assert.equal(error.problem.problem, 'The file could not be read as an Excel workbook (.xlsx).');
      return true;
    },
  );
});
