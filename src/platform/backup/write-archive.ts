// Writes a backup of the whole database to FILE, atomically: into a temporary file beside it,
// flushed to disk, then renamed, so FILE is either a complete backup or not there at all.
// Every table is read in one read-only repeatable-read transaction: one consistent moment.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveError,
  headerLine,
  RowDigest,
  type TableEnd,
  type TableStart,
  type Trailer,
} from './archive-format.ts';
import {
  appliedMigrations,
  listTables,
  readSequences,
  streamRowLines,
  useStableTextOutput,
} from './backup.repository.ts';

export interface WriteSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

export async function writeArchive(
  db: Kysely<DB>,
  file: string,
  engine: 'embedded' | 'postgres',
  now = new Date(),
): Promise<WriteSummary> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${now.getTime()}.tmp`;
  // Backups hold health data: readable by the owner only.
  const out = createWriteStream(tmp, { mode: 0o600 });
  const gzip = createGzip();
  const written = pipeline(gzip, out);
  const whole = createHash('sha256');
  const write = async (line: string) => {
    whole.update(line).update('\n');
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let tables = 0;
  let rows = 0;
  try {
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        await useStableTextOutput(tx);
        const migrations = await appliedMigrations(tx);
        if (migrations.length === 0) {
          throw new ArchiveError(
            'The database has not been set up yet (no migrations applied): there is nothing to back up.',
          );
        }
        const list = await listTables(tx);
        await write(
          headerLine({
            format: ARCHIVE_FORMAT,
            formatVersion: ARCHIVE_FORMAT_VERSION,
            createdAt: now.toISOString(),
            engine,
            migrations,
            tables: list.map((t) => t.name),
          }),
        );
        for (const t of list) {
          const start: TableStart = { table: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) };
          await write(JSON.stringify(start));
          const digest = new RowDigest();
          await streamRowLines(tx, t, async (lines) => {
            for (const line of lines) {
              digest.add(line);
              await write(line);
            }
          });
          const d = digest.finish();
          const end: TableEnd = { tableEnd: t.name, rows: d.rows, sha256: d.sha256 };
          await write(JSON.stringify(end));
          tables++;
          rows += d.rows;
        }
        await write(JSON.stringify({ sequences: await readSequences(tx) }));
      });
    const trailer: Trailer = { end: true, tables, sha256: whole.digest('hex') };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await written;
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync(); // on disk before the rename makes it the backup
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    const { size } = await stat(file);
    return { file, tables, rows, bytes: size };
  } catch (err) {
    gzip.destroy();
    await written.catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
}
