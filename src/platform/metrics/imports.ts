// How a module counts a completed import without knowing about the app's metrics: it calls
// `countImport(db, kind, rows)` with the database handle it was given. The app binds its
// metrics to that handle (`bindImportMetrics`), so each app counts only its own imports and
// an import with no metrics behind it (the command line, a seed's transaction) counts nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type ImportKind = 'evidence' | 'grants';

interface ImportSink {
  countImport(kind: ImportKind, rows: number): void;
}

const sinks = new WeakMap<Kysely<DB>, Set<ImportSink>>();

/** Counts imports made through this database handle in these metrics; returns the unbinding. */
export function bindImportMetrics(db: Kysely<DB>, sink: ImportSink): () => void {
  let set = sinks.get(db);
  if (!set) sinks.set(db, (set = new Set()));
  set.add(sink);
  return () => set.delete(sink);
}

/** One import completed through `db`, writing `rows` rows. Never throws. */
export function countImport(db: Kysely<DB>, kind: ImportKind, rows: number): void {
  for (const sink of sinks.get(db) ?? []) sink.countImport(kind, rows);
}
