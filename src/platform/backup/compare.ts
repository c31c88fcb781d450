// Every table's row count and checksum, worked out from a live database exactly as an archive
// records them, so two databases (or a database and a backup) can be compared table by table.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { RowDigest, type TableDigest } from './archive-format.ts';
import { listTables, streamRowLines, useStableTextOutput } from './backup.repository.ts';

export async function tableDigests(db: Kysely<DB>): Promise<Map<string, TableDigest>> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      await useStableTextOutput(tx);
      const out = new Map<string, TableDigest>();
      for (const t of await listTables(tx)) {
        const digest = new RowDigest();
        await streamRowLines(tx, t, async (lines) => {
          for (const line of lines) digest.add(line);
        });
        out.set(t.name, digest.finish());
      }
      return out;
    });
}

export interface TableComparison {
  table: string;
  source: TableDigest | undefined;
  target: TableDigest | undefined;
  same: boolean;
}

/** One entry per table found in either, in name order. */
export function compareDigests(
  source: ReadonlyMap<string, TableDigest>,
  target: ReadonlyMap<string, TableDigest>,
): TableComparison[] {
  const names = [...new Set([...source.keys(), ...target.keys()])].sort();
  return names.map((table) => {
    const s = source.get(table);
    const t = target.get(table);
    return { table, source: s, target: t, same: !!s && !!t && s.rows === t.rows && s.sha256 === t.sha256 };
  });
}
