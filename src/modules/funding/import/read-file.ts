// Reads a grants file in any of the standard's forms into a package: its metadata and its
// grants, each with where it was in the file (grant number, or spreadsheet row).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { headingColumns, normaliseHeading, type Column, grantFromRow } from './headings.ts';

export interface ReadGrant {
  where: string;
  grant: unknown;
}

export interface ReadPackage {
  meta: Record<string, unknown>;
  grants: ReadGrant[];
  /** Column headings that are not in the standard, left out. */
  ignoredColumns: string[];
}

export class GrantFileError extends Error {
  override name = 'GrantFileError';
}

export type GrantFileKind = 'json' | 'csv' | 'xlsx';

export function grantFileKind(fileName: string): GrantFileKind | undefined {
  const m = /\.(json|csv|xlsx)$/i.exec(fileName);
  return m ? (m[1]!.toLowerCase() as GrantFileKind) : undefined;
}

export async function readGrantFile(kind: GrantFileKind, content: Buffer): Promise<ReadPackage> {
  if (kind === 'json') return readJson(content);
  const rows = kind === 'csv' ? await csvRows(content) : await xlsxRows(content);
  return fromRows(rows);
}

function readJson(content: Buffer): ReadPackage {
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new GrantFileError(`This is not valid JSON: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new GrantFileError('A 360Giving JSON file is one object with a "grants" list; this file is something else.');
  }
  const { grants, ...meta } = data as { grants?: unknown };
  if (!Array.isArray(grants)) throw new GrantFileError('This file has no "grants" list, so it is not a 360Giving package.');
  return { meta, grants: grants.map((grant, i) => ({ where: `Grant ${i + 1}`, grant })), ignoredColumns: [] };
}

type Row = { rowNumber: number; cells: string[] };

function fromRows(rows: Row[]): ReadPackage {
  const [header, ...data] = rows;
  if (!header) throw new GrantFileError('The file is empty: the first row should be the 360Giving column headings.');
  const map = headingColumns();
  const columns: (Column | undefined)[] = header.cells.map((h) => map.get(normaliseHeading(h)));
  const ignoredColumns = header.cells.filter((h, i) => h.trim() && !columns[i]);
  if (!columns.some((c) => c?.path[0] === 'id')) {
    throw new GrantFileError('The first row has no "Identifier" column, so these are not 360Giving column headings.');
  }
  const grants = data
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ where: `Row ${r.rowNumber}`, grant: grantFromRow(columns, r.cells) }));
  return { meta: {}, grants, ignoredColumns };
}

async function csvRows(content: Buffer): Promise<Row[]> {
  const rows: Row[] = [];
  const parser = Readable.from([content]).pipe(parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      rows.push({ rowNumber: info.lines, cells: record });
    }
  } catch (err) {
    throw new GrantFileError(`This is not a readable CSV file: ${(err as Error).message}`);
  }
  return rows;
}

async function xlsxRows(content: Buffer): Promise<Row[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: Row[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        rows.push({ rowNumber: row.number, cells });
      }
      break; // the first sheet holds the grants
    }
  } catch (err) {
    throw new GrantFileError(`This is not a readable Excel (.xlsx) file: ${(err as Error).message}`);
  }
  return rows;
}

/**
 * The text a cell shows. A formula gives its saved result, never the formula itself, and is
 * never worked out here; one with no saved result reads as empty.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text?: string }[]; formula?: unknown; sharedFormula?: unknown; result?: unknown; text?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((r) => r.text ?? '').join('').trim();
    if ('formula' in cell || 'sharedFormula' in cell) {
      const r = cell.result;
      return r !== null && typeof r === 'object' && !(r instanceof Date) ? '' : cellText(r);
    }
    if ('text' in cell) return cellText(cell.text);
  }
  return '';
}
