// `connectors backup FILE`, `connectors restore FILE [--replace]` and
// `connectors move-to-postgres DATABASE_URL`: the commands over write, restore and compare.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DatabaseTarget } from '../db/database.ts';
import { listMigrations, migrate } from '../db/migrate.ts';
import { ArchiveError, archiveFileName } from './archive-format.ts';
import { compareDigests, tableDigests } from './compare.ts';
import { backupsDir } from './nightly-backup.job.ts';
import { verifyArchive } from './read-archive.ts';
import { checkSchemaVersion, restoreArchive } from './restore.ts';
import { writeArchive } from './write-archive.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };

const count = (n: number) => n.toLocaleString('en-GB');
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// The commands need no session secret; the configuration asks for one, so give it a stand-in.
const configOf = (env: NodeJS.ProcessEnv) => loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });

const targetOf = (config: Config): DatabaseTarget =>
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir };

/** A failed restore's database error, in words an operator can act on. */
function restoreFailure(err: unknown): string {
  if (err instanceof ArchiveError) return err.message;
  const e = err as { code?: string; message?: string };
  if (e.code === '55P03') {
    return 'The database is in use, so the restore waited and then gave up. Stop every running instance of Recovery Connectors, then restore again. Nothing was changed.';
  }
  if (e.code === '42501') {
    return `The database user may not rebuild the schema (${e.message}). Restore as the database's owner. Nothing was changed.`;
  }
  return `The restore failed, so nothing was changed: ${e.message ?? String(err)}`;
}

function onePath(args: string[], usage: string, io: Io): { file: string; values: { replace?: boolean } } | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { replace: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`${(err as Error).message}\nUsage: ${usage}`);
    return undefined;
  }
  if (parsed.positionals.length !== 1) {
    io.err(`Usage: ${usage}`);
    return undefined;
  }
  return { file: path.resolve(parsed.positionals[0]!), values: parsed.values };
}

export async function runBackupCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const parsed = onePath(args, 'connectors backup FILE', io);
  if (!parsed || parsed.values.replace !== undefined) {
    if (parsed) io.err('Usage: connectors backup FILE');
    return 2;
  }
  if (existsSync(parsed.file)) {
    io.err(`${parsed.file} already exists. Choose a new name for the backup, or move the old file away first.`);
    return 1;
  }
  const config = configOf(env);
  const database = await openDatabase(targetOf(config));
  try {
    const s = await writeArchive(database.db, parsed.file, database.kind);
    io.out(`Backup written to ${s.file}: ${count(s.tables)} tables, ${count(s.rows)} rows, ${size(s.bytes)}.`);
    io.out('It holds personal and health information: keep it encrypted and where only you can read it.');
    return 0;
  } catch (err) {
    if (err instanceof ArchiveError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

export async function runRestoreCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const parsed = onePath(args, 'connectors restore FILE [--replace]', io);
  if (!parsed) return 2;
  if (!existsSync(parsed.file)) {
    io.err(`There is no file called ${parsed.file}.`);
    return 1;
  }
  const config = configOf(env);
  // The whole file is checked before the database is opened: a bad file changes nothing anywhere.
  let verified;
  try {
    verified = await verifyArchive(parsed.file);
    checkSchemaVersion(verified.header.migrations, await listMigrations());
  } catch (err) {
    io.err(restoreFailure(err));
    return 1;
  }
  const database = await openDatabase(targetOf(config));
  try {
    const s = await restoreArchive(database.db, parsed.file, { replace: parsed.values.replace ?? false, verified });
    io.out(
      `Restored ${path.basename(parsed.file)} (made ${s.header.createdAt.replace('T', ' ').slice(0, 16)} UTC): ` +
        `${count(s.tables)} tables, ${count(s.rows)} rows.`,
    );
    if (s.migratedAfter.length) io.out(`Then brought up to date with: ${s.migratedAfter.join(', ')}.`);
    io.out('Jobs waiting in the queue are not kept in backups; the scheduled ones start again with the server.');
    return 0;
  } catch (err) {
    io.err(restoreFailure(err));
    return 1;
  } finally {
    await database.close();
  }
}

export async function runMoveToPostgresCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const usage = 'connectors move-to-postgres DATABASE_URL';
  const url = args.length === 1 ? args[0]! : undefined;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    io.err(`Usage: ${usage} (the new, empty database, as postgres://user:password@host:5432/name)`);
    return 2;
  }
  const config = configOf(env);
  if (config.databaseUrl) {
    io.err(
      'DATABASE_URL is set, so this installation already uses a PostgreSQL server. move-to-postgres copies the ' +
        'embedded database in DATA_DIR: run it without DATABASE_URL set.',
    );
    return 1;
  }
  const source = await openDatabase({ kind: 'embedded', dataDir: config.dataDir });
  let target;
  try {
    await migrate(source.pool);
    // Kept afterwards, outside the nightly rotation: the copy that went to the server.
    const file = path.join(backupsDir(config.dataDir), archiveFileName(new Date()).replace(/^backup-/, 'moved-'));
    const written = await writeArchive(source.db, file, 'embedded');
    io.out(`Copied the embedded database: ${count(written.tables)} tables, ${count(written.rows)} rows (${file}).`);
    try {
      target = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
    } catch (err) {
      io.err(`Could not connect to the PostgreSQL server: ${(err as Error).message}`);
      return 1;
    }
    try {
      await restoreArchive(target.db, file, { replace: false });
    } catch (err) {
      io.err(restoreFailure(err));
      return 1;
    }
    const results = compareDigests(await tableDigests(source.db), await tableDigests(target.db));
    const differ = results.filter((r) => !r.same);
    for (const r of differ) {
      io.err(
        `  ${r.table}: ${r.source ? count(r.source.rows) : 'missing'} rows here, ${r.target ? count(r.target.rows) : 'missing'} on the server` +
          (r.source && r.target && r.source.rows === r.target.rows ? ' (same count, different contents)' : ''),
      );
    }
    if (differ.length) {
      io.err(
        `${differ.length} of ${results.length} tables differ after the copy (listed above). Keep using the embedded database and ask for help.`,
      );
      return 1;
    }
    const rows = results.reduce((n, r) => n + (r.source?.rows ?? 0), 0);
    io.out(`Checked: all ${count(results.length)} tables match, row for row (${count(rows)} rows).`);
    io.out(
      'Next: stop using the embedded database by setting DATABASE_URL to this server, then start Recovery Connectors again. The embedded database in DATA_DIR is left as it was.',
    );
    return 0;
  } finally {
    await target?.close();
    await source.close();
  }
}
