// The backup archive, format version 1 (documented in docs/OPERATIONS.md, "Backup and restore").
// A gzip-compressed UTF-8 text file of one JSON value per line:
//
//   header        {"format":"recovery-connectors-backup","formatVersion":1,"createdAt",
//                  "engine","migrations":[{"version","name"}],"tables":[names]}
//   per table     {"table":name,"columns":[{"name","type"}]}
//                 one line per row: a JSON array of each column's PostgreSQL text form, or null
//                 {"tableEnd":name,"rows":N,"sha256":hex of the row lines, each with its "\n"}
//   sequences     {"sequences":[{"name","lastValue","isCalled"}]}
//   trailer       {"end":true,"tables":N,"sha256":hex of every byte before the trailer}
//
// Rows are kept as PostgreSQL's own text form (value::text) and read back with a cast from text,
// so every type (timestamps, numeric, bytea, arrays, cube, jsonb) survives exactly, on either
// engine. Pure: no I/O here.
import { createHash, type Hash } from 'node:crypto';

export const ARCHIVE_FORMAT = 'recovery-connectors-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
/** File names the nightly job writes and prunes: backup-2026-12-03T023000Z.jsonl.gz. */
export const ARCHIVE_FILE_PATTERN = /^backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.jsonl\.gz$/;

export interface MigrationRef {
  version: number;
  name: string;
}

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: 'embedded' | 'postgres';
  migrations: MigrationRef[];
  tables: string[];
}

export interface ColumnRef {
  name: string;
  /** format_type() of the column, for reference; restore casts to the target's own type. */
  type: string;
}

export interface TableStart {
  table: string;
  columns: ColumnRef[];
}

export interface TableEnd {
  tableEnd: string;
  rows: number;
  sha256: string;
}

export interface SequenceValue {
  name: string;
  /** As text: a bigint may not fit a JavaScript number. */
  lastValue: string;
  isCalled: boolean;
}

export interface Trailer {
  end: true;
  tables: number;
  sha256: string;
}

/** Rows and checksum of one table, as the archive records them or a database gives them. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

/** A backup that cannot be used, with a message for the person running the command. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

/** The checksum of a table's rows: SHA-256 over each row line followed by "\n". */
export class RowDigest {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;
  add(line: string): void {
    this.hash.update(line).update('\n');
    this.rows++;
  }
  finish(): TableDigest {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

export function headerLine(h: ArchiveHeader): string {
  return JSON.stringify(h);
}

export function isHeader(v: unknown): v is ArchiveHeader {
  const h = v as ArchiveHeader;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.format === ARCHIVE_FORMAT &&
    typeof h.formatVersion === 'number' &&
    Array.isArray(h.migrations) &&
    Array.isArray(h.tables)
  );
}

export function isTableStart(v: unknown): v is TableStart {
  return typeof v === 'object' && v !== null && typeof (v as TableStart).table === 'string';
}

export function isTableEnd(v: unknown): v is TableEnd {
  return typeof v === 'object' && v !== null && typeof (v as TableEnd).tableEnd === 'string';
}

export function isTrailer(v: unknown): v is Trailer {
  return typeof v === 'object' && v !== null && (v as Trailer).end === true;
}

/** A name for a new archive, sortable by time: backup-2026-12-03T023000Z.jsonl.gz. */
export function archiveFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  // 20261203T023000Z → 2026-12-03T023000Z (dashes in the date keep it readable)
  return `backup-${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}${stamp.slice(8)}.jsonl.gz`;
}
