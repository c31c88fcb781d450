// The organisation's export: one CSV per table plus a codebook, streamed in batches.
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { csvFile, csvStream, type CsvValue } from '../../../platform/csv/csv-writer.ts';
import { EXPORT_TABLES, type ExportTable } from './export.repository.ts';

const BATCH = 2000;

export function isExportTable(name: string): name is ExportTable {
  return Object.hasOwn(EXPORT_TABLES, name);
}

/** A table as a CSV stream (UTF-8 with a byte-order mark so Excel reads it right). */
export function exportTableCsv(db: Kysely<DB>, orgId: string, table: ExportTable): Readable {
  const spec = EXPORT_TABLES[table];
  const names = spec.columns.map((c) => c.name);
  return csvStream(
    names,
    (async function* () {
      let after = '';
      for (;;) {
        const page = await spec.page(db, orgId, after, BATCH);
        if (page.length === 0) return;
        yield page.map((r) => names.map((n) => r[n] as CsvValue));
        after = page[page.length - 1]!.k;
        if (page.length < BATCH) return;
      }
    })(),
    { bom: true },
  );
}

/** What every column of every file means. */
export function codebookCsv(): string {
  const rows: CsvValue[][] = [['file', 'column', 'meaning']];
  for (const [table, spec] of Object.entries(EXPORT_TABLES)) {
    rows.push([`${table}.csv`, '', spec.description]);
    for (const c of spec.columns) rows.push([`${table}.csv`, c.name, c.meaning]);
  }
  return csvFile(rows, { bom: true });
}

export function exportTables(): { table: ExportTable; description: string }[] {
  return (Object.keys(EXPORT_TABLES) as ExportTable[]).map((table) => ({
    table,
    description: EXPORT_TABLES[table].description,
  }));
}
