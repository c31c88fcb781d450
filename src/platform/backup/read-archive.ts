// Reads an archive line by line and checks it as it goes: the header, each table's rows against
// their checksum, the sequences and the trailer's checksum of the whole. With no callbacks it is
// the verification pass; restore reads it a second time with callbacks that insert the rows
// (and its transaction is rolled back if anything fails the checks on that pass).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import {
  ARCHIVE_FORMAT_VERSION,
  ArchiveError,
  isHeader,
  isTableEnd,
  isTableStart,
  isTrailer,
  RowDigest,
  type ArchiveHeader,
  type SequenceValue,
  type TableDigest,
  type TableStart,
} from './archive-format.ts';

export interface ReadCallbacks {
  onTableStart?(start: TableStart): Promise<void> | void;
  /** Row lines of the current table, a batch at a time. */
  onRows?(lines: string[]): Promise<void>;
}

export interface VerifiedArchive {
  header: ArchiveHeader;
  tables: Map<string, TableDigest & { columns: string[] }>;
  sequences: SequenceValue[];
  rows: number;
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;

/** The file's text lines, decompressed, with zlib's and the file system's errors made plain. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const name = path.basename(file);
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let first = true;
  try {
    for await (const chunk of gunzip) {
      first = false;
      const text = decoder.write(chunk as Buffer);
      // A row may be megabytes (a picture): only split when a line has ended.
      if (!text.includes('\n')) {
        pending += text;
        continue;
      }
      const parts = (pending + text).split('\n');
      pending = parts.pop()!;
      for (const line of parts) yield line;
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new ArchiveError(`There is no file called ${file}.`);
    if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message)) {
      throw new ArchiveError(
        `${name} ends too early: it was probably cut short (a full disk, or a copy that did not finish). Use another backup.`,
      );
    }
    if (e.code?.startsWith('Z_') && first) {
      throw new ArchiveError(`${name} is not a Recovery Connectors backup (it is not a compressed backup file).`);
    }
    if (e.code?.startsWith('Z_')) {
      throw new ArchiveError(`${name} is damaged: it could not be decompressed (${e.message}). Use another backup.`);
    }
    throw err;
  } finally {
    source.destroy();
  }
  pending += decoder.end();
  if (pending) yield pending; // a last line without its newline: the trailer check catches it
}

function parseControl(line: string, name: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ArchiveError(`${name} is damaged: a line of it is not readable. Use another backup.`);
  }
}

export async function readArchive(file: string, callbacks: ReadCallbacks = {}): Promise<VerifiedArchive> {
  const name = path.basename(file);
  const damaged = (what: string) => new ArchiveError(`${name} is damaged: ${what}. Use another backup.`);
  const whole = createHash('sha256');
  let header: ArchiveHeader | undefined;
  const tables = new Map<string, TableDigest & { columns: string[] }>();
  let sequences: SequenceValue[] | undefined;
  let current: { start: TableStart; digest: RowDigest } | undefined;
  let batch: string[] = [];
  let batchChars = 0;
  let rows = 0;
  let ended = false;

  const flush = async () => {
    if (batch.length && callbacks.onRows) await callbacks.onRows(batch);
    batch = [];
    batchChars = 0;
  };

  for await (const line of linesOf(file)) {
    if (ended) throw damaged('there is more after its end');
    if (!header) {
      const h = line.startsWith('{') ? parseControl(line, name) : undefined;
      if (!isHeader(h)) throw new ArchiveError(`${name} is not a Recovery Connectors backup.`);
      if (h.formatVersion > ARCHIVE_FORMAT_VERSION) {
        throw new ArchiveError(
          `${name} was written in a newer backup format (version ${h.formatVersion}) than this installation reads (version ${ARCHIVE_FORMAT_VERSION}). Upgrade Recovery Connectors, then restore again.`,
        );
      }
      header = h;
      whole.update(line).update('\n');
      continue;
    }
    if (current && line.startsWith('[')) {
      current.digest.add(line);
      whole.update(line).update('\n');
      batch.push(line);
      batchChars += line.length;
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      continue;
    }
    const v = parseControl(line, name);
    if (current) {
      if (!isTableEnd(v) || v.tableEnd !== current.start.table)
        throw damaged(`table ${current.start.table} is not complete`);
      await flush();
      const got = current.digest.finish();
      if (got.rows !== v.rows || got.sha256 !== v.sha256) {
        throw damaged(`the rows of table ${current.start.table} do not match their checksum`);
      }
      tables.set(current.start.table, { ...got, columns: current.start.columns.map((c) => c.name) });
      rows += got.rows;
      current = undefined;
    } else if (isTableStart(v)) {
      const expected = header.tables[tables.size];
      if (v.table !== expected) throw damaged(`table ${v.table} is out of place`);
      current = { start: v, digest: new RowDigest() };
      await callbacks.onTableStart?.(v);
    } else if (typeof v === 'object' && v !== null && Array.isArray((v as { sequences?: unknown }).sequences)) {
      if (tables.size !== header.tables.length) throw damaged('some tables are missing');
      sequences = (v as { sequences: SequenceValue[] }).sequences;
    } else if (isTrailer(v)) {
      if (!sequences || v.tables !== tables.size) throw damaged('some tables are missing');
      if (v.sha256 !== whole.digest('hex')) throw damaged('it does not match its checksum');
      ended = true;
      continue;
    } else {
      throw damaged('a line of it is not where it should be');
    }
    whole.update(line).update('\n');
  }
  if (!header) throw new ArchiveError(`${name} is empty: it is not a Recovery Connectors backup.`);
  if (!ended) {
    throw new ArchiveError(
      `${name} ends too early: it was probably cut short (a full disk, or a copy that did not finish). Use another backup.`,
    );
  }
  return { header, tables, sequences: sequences!, rows };
}

/** The verification pass: reads the whole file and checks every checksum, writing nothing. */
export function verifyArchive(file: string): Promise<VerifiedArchive> {
  return readArchive(file);
}
