// The organisation's export: one CSV per table plus a codebook, streamed in batches.
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
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

/**
 * One table of the organisation's own data (or the codebook) as CSV, for a lead to download.
 * The export is written to the audit log before a byte is sent: it is personal data leaving.
 */
export async function exportOrgTable(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  table: ExportTable | 'codebook',
  ip: string,
): Promise<Readable | string> {
  await recordAudit(db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'organisation.exported',
    subjectType: 'table',
    subjectId: table,
    ip,
  });
  return table === 'codebook' ? codebookCsv() : exportTableCsv(db, org.id, table);
}
