// Reads a grants file in any of the standard's forms into a package: its metadata and its
// grants, each with where it was in the file (grant number, or spreadsheet row).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { headingColumns, normaliseHeading, type Column, grantFromRow } from './headings.ts';
import { JsonPackageError, scanJsonPackage } from './json-stream.ts';

export interface ReadGrant {
  where: string;
  grant: unknown;
}

/** What a file says besides its grants, filled in as it is read. */
export interface FileDetails {
  meta: Record<string, unknown>;
  /** Column headings that are not in the standard, left out. */
  ignoredColumns: string[];
}

export class GrantFileError extends Error {
  override name = 'GrantFileError';
}

export type GrantFileKind = 'json' | 'csv' | 'xlsx';

/** Opens the file from its start; called once for each pass over it. */
export type OpenFile = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export function grantFileKind(fileName: string): GrantFileKind | undefined {
  const m = /\.(json|csv|xlsx)$/i.exec(fileName);
  return m ? (m[1]!.toLowerCase() as GrantFileKind) : undefined;
}

/** A file held in memory, handed out in 64 kB pieces as a stream would. */
export function openBuffer(content: Buffer): OpenFile {
  return function* () {
    for (let at = 0; at < content.length; at += 65_536) yield content.subarray(at, at + 65_536);
  };
}

/** The grants of a file one at a time, each with where it was; `details` is complete once they are all read. */
export async function* readGrantFile(
  kind: GrantFileKind,
  open: OpenFile,
  details: FileDetails,
): AsyncGenerator<ReadGrant> {
  if (kind === 'json') {
    try {
      for await (const item of scanJsonPackage(open())) {
        if (item.type === 'meta') {
          details.meta[item.key] = item.value;
          continue;
        }
        let grant: unknown;
        try {
          grant = JSON.parse(item.text);
        } catch (err) {
          // Each grant is parsed on its own, so a broken one is named by its place.
          grant = new UnreadableGrant(err instanceof RangeError ? 'is nested too deeply to read' : 'is not valid JSON');
        }
        yield { where: `Grant ${item.index + 1}`, grant };
      }
    } catch (err) {
      if (err instanceof JsonPackageError) throw new GrantFileError(err.message);
      throw err;
    }
    return;
  }
  const rows = kind === 'csv' ? csvRows(open) : xlsxRows(open);
  let columns: (Column | undefined)[] | undefined;
  for await (const row of rows) {
    if (!columns) {
      const map = headingColumns();
      columns = row.cells.map((h) => map.get(normaliseHeading(h)));
      details.ignoredColumns = row.cells.filter((h, i) => h.trim() && !columns![i]);
      if (!columns.some((c) => c?.path[0] === 'id')) {
        throw new GrantFileError(
          'The first row has no "Identifier" column, so these are not 360Giving column headings.',
        );
      }
      continue;
    }
    if (!row.cells.some((c) => c.trim() !== '')) continue;
    yield { where: `Row ${row.rowNumber}`, grant: grantFromRow(columns, row.cells) };
  }
  if (!columns) throw new GrantFileError('The file is empty: the first row should be the 360Giving column headings.');
}

/** A grant that could not be read at all, so the check names it rather than the whole file. */
export class UnreadableGrant {
  constructor(readonly reason: string) {}
}

type Row = { rowNumber: number; cells: string[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function* csvRows(open: OpenFile): AsyncGenerator<Row> {
  // A CSV is read as UTF-8, as the standard asks; a file saved in another encoding is refused
  // (with the row it went wrong on) instead of importing names with broken letters.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    info: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
  });
  const feed = (async () => {
    let first = true;
    let carry = new Uint8Array(0);
    for await (const piece of open()) {
      let bytes: Uint8Array = carry.length ? Buffer.concat([carry, piece]) : piece;
      if (first) {
        first = false;
        if (
          bytes.length >= 2 &&
          ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        ) {
          parser.destroy(
            new GrantFileError('This file is saved as UTF-16. Save it again as "CSV UTF-8" and import it again.'),
          );
          return;
        }
      }
      // Keep an incomplete UTF-8 character at the end for the next piece.
      let cut = bytes.length;
      for (let k = 1; k <= 3 && k <= bytes.length; k++) {
        const b = bytes[bytes.length - k]!;
        if ((b & 0xc0) === 0xc0) {
          const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
          if (k < need) cut = bytes.length - k;
          break;
        }
        if ((b & 0x80) === 0) break;
      }
      carry = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        parser.destroy(
          new GrantFileError(
            'This file is not saved as UTF-8, so names and places would come out with broken letters. Save it again as "CSV UTF-8" and import it again.',
          ),
        );
        return;
      }
      if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
    }
    if (carry.length) {
      parser.destroy(new GrantFileError('This file is not saved as UTF-8: it ends part-way through a letter.'));
      return;
    }
    parser.end();
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { rowNumber: info.lines, cells: record };
    }
  } catch (err) {
    if (err instanceof GrantFileError) throw err;
    throw new GrantFileError(`This is not a readable CSV file: ${(err as Error).message}`);
  } finally {
    await feed.catch(() => undefined);
  }
}

async function* xlsxRows(open: OpenFile): AsyncGenerator<Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(open()), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { rowNumber: row.number, cells };
      }
      break; // the first sheet holds the grants
    }
  } catch (err) {
    if (err instanceof GrantFileError) throw err;
    throw new GrantFileError(`This is not a readable Excel (.xlsx) file: ${(err as Error).message}`);
  }
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
  // An Excel date becomes a date-time at midnight UTC, as 360Giving's own converter writes it.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${value.toISOString().slice(0, 19)}+00:00`;
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text?: string }[];
      formula?: unknown;
      sharedFormula?: unknown;
      result?: unknown;
      text?: unknown;
    };
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((r) => r.text ?? '')
        .join('')
        .trim();
    if ('formula' in cell || 'sharedFormula' in cell) {
      const r = cell.result;
      return r !== null && typeof r === 'object' && !(r instanceof Date) ? '' : cellText(r);
    }
    if ('text' in cell) return cellText(cell.text);
  }
  return '';
}
