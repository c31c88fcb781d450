// The template as files: a CSV with the heading row only (a sample row would be imported as a
// real person), and a workbook whose first sheet is the same heading row (the sheet an import
// reads) with a second sheet of notes: each column, whether it is needed, what to put, an example.
import ExcelJS from 'exceljs';
import { csvFile } from '../../../../platform/csv/csv-writer.ts';
import type { TemplateColumn } from './import-template.ts';

export function templateCsv(columns: readonly TemplateColumn[]): string {
  return csvFile([columns.map((c) => c.heading)], { bom: true });
}

export async function templateXlsx(columns: readonly TemplateColumn[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Recovery Connectors';
  workbook.title = title;
  const data = workbook.addWorksheet('Your data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(columns.map((c) => c.heading)).font = { bold: true };
  columns.forEach((c, i) => (data.getColumn(i + 1).width = Math.max(12, Math.min(40, c.heading.length + 4))));
  const notes = workbook.addWorksheet('Notes');
  notes.addRow([title]).font = { bold: true, size: 14 };
  notes.addRow([
    'Put one row per record on the first sheet, under the headings. Leave the headings as they are, or keep your own: you can choose which column is which when you upload.',
  ]);
  notes.addRow([]);
  notes.addRow(['Column', 'Needed', 'What to put in it', 'Example']).font = { bold: true };
  for (const c of columns) notes.addRow([c.heading, c.needed, c.whatToPut, c.example]);
  notes.getColumn(1).width = 30;
  notes.getColumn(2).width = 22;
  notes.getColumn(3).width = 80;
  notes.getColumn(4).width = 18;
  notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
