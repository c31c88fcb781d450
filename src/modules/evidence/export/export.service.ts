// The organisation's export: one CSV per table plus a codebook, streamed in batches.
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { EXPORT_TABLES, type ExportTable } from './export.repository.ts';

const BATCH = 2000;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting = + - @ or a tab)
 * gets a leading apostrophe, so an export cannot attack whoever opens it.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function isExportTable(name: string): name is ExportTable {
  return Object.hasOwn(EXPORT_TABLES, name);
}

/** A table as a CSV stream (UTF-8 with a byte-order mark so Excel reads it right). */
export function exportTableCsv(db: Kysely<DB>, orgId: string, table: ExportTable): Readable {
  const spec = EXPORT_TABLES[table];
  const names = spec.columns.map((c) => c.name);
  return Readable.from(
    (async function* () {
      yield `\uFEFF${csvLine(names)}`;
      let after = '';
      for (;;) {
        const page = await spec.page(db, orgId, after, BATCH);
        if (page.length === 0) return;
        yield page.map((r) => csvLine(names.map((n) => r[n]))).join('');
        after = page[page.length - 1]!.k;
        if (page.length < BATCH) return;
      }
    })(),
  );
}

/** What every column of every file means. */
export function codebookCsv(): string {
  let out = `\uFEFF${csvLine(['file', 'column', 'meaning'])}`;
  for (const [table, spec] of Object.entries(EXPORT_TABLES)) {
    out += csvLine([`${table}.csv`, '', spec.description]);
    for (const c of spec.columns) out += csvLine([`${table}.csv`, c.name, c.meaning]);
  }
  return out;
}

export function exportTables(): { table: ExportTable; description: string }[] {
  return (Object.keys(EXPORT_TABLES) as ExportTable[]).map((table) => ({ table, description: EXPORT_TABLES[table].description }));
}
