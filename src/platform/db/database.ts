// Opens the one database the app uses: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded engine. Either way the app sees a `pg.Pool` behind Kysely, so the
// same SQL and the same driver serve both.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseKind } from '../config.ts';
import { EMBEDDED_SOCKET_PORT, startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import type { DB } from './schema.ts';

export interface Database {
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  readonly kind: DatabaseKind;
  /** The embedded engine, when that is what runs (tests dump it as a template). */
  readonly embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | {
      kind: 'embedded';
      dataDir?: string;
      loadFrom?: string;
      /** Where a notice goes (a stale lock taken over after a crash); standard error unless given. */
      log?: (line: string) => void;
    };

// pg returns int8 and numeric as strings to avoid precision loss; our counts and sums fit
// comfortably in a double, and `date` stays a plain 'YYYY-MM-DD' string (no time-zone shifts).
const typeOverrides = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number.parseInt(v, 10);
    if (oid === pg.types.builtins.NUMERIC) return (v: string) => Number.parseFloat(v);
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      types: typeOverrides,
    });
    pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
    await pool.query('select 1'); // fail at start, with the server's own message, not later
    return wrap(pool, 'postgres', undefined, async () => {});
  }

  let releaseLock = async () => {};
  let dataDir: string | undefined;
  if (target.dataDir) {
    dataDir = path.join(target.dataDir, 'pg');
    await mkdir(dataDir, { recursive: true });
    releaseLock = await lockDataDir(target.dataDir, target.log ?? ((line) => process.stderr.write(`${line}\n`)));
  }
  let embedded: EmbeddedServer;
  try {
    embedded = await startEmbeddedServer({ dataDir, loadFrom: target.loadFrom });
  } catch (err) {
    await releaseLock();
    throw err;
  }
  // One connection: the embedded engine runs one query at a time anyway, and a single
  // connection keeps transactions from interleaving.
  const pool = new pg.Pool({
    host: embedded.socketDir,
    port: EMBEDDED_SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    types: typeOverrides,
  });
  pool.on('error', () => {});
  return wrap(pool, 'embedded', embedded, async () => {
    await embedded.close();
    await releaseLock();
  });
}

function wrap(
  pool: pg.Pool,
  kind: DatabaseKind,
  embedded: EmbeddedServer | undefined,
  stop: () => Promise<void>,
): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    kind,
    embedded,
    close() {
      closing ??= (async () => {
        await db.destroy(); // ends the pool
        await stop();
      })();
      return closing;
    },
  };
}

/**
 * The embedded engine is single-process: refuse a second process on the same DATA_DIR. A lock
 * left by a process that is gone (killed, or the machine lost power) is taken over, and said so.
 */
async function lockDataDir(dataDir: string, log: (line: string) => void): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'embedded-db.lock');
  try {
    const pid = Number((await readFile(lockFile, 'utf8')).trim());
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
          'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
      );
    }
    log(
      `The embedded database in ${dataDir} was not closed cleanly (its lock names process ${pid || 'unknown'}, ` +
        'which is no longer running): taking the lock over. The database recovers from its write-ahead log as it opens.',
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
