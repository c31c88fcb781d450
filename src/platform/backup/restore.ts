// Restores an archive into a database, in one transaction, so a failure leaves it as it was.
// The archive is checked in full first. Inside the transaction the app's schema is dropped and
// built again by this installation's migrations up to the backup's schema version, the rows go in
// (foreign keys and triggers set aside, then put back, which checks every reference), sequences
// are set, and the migrations the backup predates run last, over the restored rows, as an
// upgrade would.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { listMigrations, type Migration } from '../db/migrate.ts';
import { ArchiveError, type ArchiveHeader, type MigrationRef } from './archive-format.ts';
import {
  addForeignKeys,
  applyMigration,
  dropAppSchemas,
  dropForeignKeys,
  insertRowLines,
  listTables,
  prepareRestore,
  setSequence,
  setUserTriggers,
  tablesWithRows,
  truncateTables,
  useStableTextOutput,
  type TableInfo,
} from './backup.repository.ts';
import { readArchive, verifyArchive, type VerifiedArchive } from './read-archive.ts';

export interface RestoreOptions {
  /** Replace whatever the database holds (otherwise a database with data is refused). */
  replace?: boolean;
  migrationsDir?: string;
  /** The result of verifyArchive(file), when the caller checked the file before opening the database. */
  verified?: VerifiedArchive;
}

export interface RestoreSummary {
  header: ArchiveHeader;
  tables: number;
  rows: number;
  /** Migrations newer than the backup, run over its rows after they went in. */
  migratedAfter: string[];
}

/** Refuses a backup from a newer schema: one with migrations this installation does not have. */
export function checkSchemaVersion(archived: readonly MigrationRef[], install: readonly Migration[]): void {
  const known = new Map(install.map((m) => [m.version, m.name]));
  const unknown = archived.filter((m) => known.get(m.version) !== m.name);
  if (unknown.length) {
    throw new ArchiveError(
      `This backup comes from a newer version of Recovery Connectors: it has database changes this ` +
        `installation does not know (${unknown.map((m) => m.name).join(', ')}). Upgrade this installation ` +
        'to the version that made the backup, or a later one, then restore again.',
    );
  }
}

/**
 * Tables holding rows someone entered. Rows the migrations write themselves (help lines, shipped
 * reference data) do not count: a new, migrated database has them and is still empty.
 */
export async function tablesHoldingData(db: Kysely<DB>, install: readonly Migration[]): Promise<string[]> {
  const filledByMigrations = new Set(
    install.flatMap((m) =>
      [...m.sql.matchAll(/\binsert\s+into\s+([a-z_][a-z0-9_]*)/gi)].map((x) => x[1]!.toLowerCase()),
    ),
  );
  const tables = (await listTables(db)).filter((t) => !filledByMigrations.has(t.name));
  return tablesWithRows(db, tables);
}

export async function restoreArchive(
  db: Kysely<DB>,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const verified = options.verified ?? (await verifyArchive(file));
  const install = await listMigrations(options.migrationsDir);
  checkSchemaVersion(verified.header.migrations, install);
  if (!options.replace) {
    const held = await tablesHoldingData(db, install);
    if (held.length) {
      const some = held.slice(0, 5).join(', ') + (held.length > 5 ? ` and ${held.length - 5} more` : '');
      throw new ArchiveError(
        `This database already holds data (in ${some}), so the backup was not restored over it. ` +
          'Restore into a new, empty database, or add --replace to replace everything in this one with the backup.',
      );
    }
  }
  const archived = new Set(verified.header.migrations.map((m) => m.version));
  const before = install.filter((m) => archived.has(m.version));
  const after = install.filter((m) => !archived.has(m.version));

  await db.transaction().execute(async (tx) => {
    await prepareRestore(tx);
    await useStableTextOutput(tx);
    await dropAppSchemas(tx);
    for (const m of before) await applyMigration(tx, m);

    const tables = await listTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const expected = [...verified.header.tables].sort().join(',');
    if ([...byName.keys()].sort().join(',') !== expected) {
      throw new ArchiveError(
        "The backup's tables are not the ones this installation's migrations make for its schema version; " +
          'it may come from a changed copy of the software. Nothing was restored.',
      );
    }
    const foreignKeys = await dropForeignKeys(tx);
    await setUserTriggers(tx, tables, false);
    await truncateTables(tx, tables);

    let current: TableInfo | undefined;
    const second = await readArchive(file, {
      onTableStart: (start) => {
        current = byName.get(start.table)!;
        const ours = current.columns.map((c) => c.name).join(', ');
        const theirs = start.columns.map((c) => c.name).join(', ');
        if (ours !== theirs) {
          throw new ArchiveError(
            `The backup's table ${start.table} has the columns ${theirs}, but this installation makes ${ours}. Nothing was restored.`,
          );
        }
      },
      onRows: (lines) => insertRowLines(tx, current!, lines),
    });

    await addForeignKeys(tx, foreignKeys);
    await setUserTriggers(tx, tables, true);
    for (const s of second.sequences) await setSequence(tx, s);
    for (const m of after) await applyMigration(tx, m);
  });

  return {
    header: verified.header,
    tables: verified.tables.size,
    rows: verified.rows,
    migratedAfter: after.map((m) => m.name),
  };
}
