// Runs the embedded PostgreSQL (PGlite, compiled to WebAssembly) in a worker thread and
// serves it on a private Unix socket, so the app talks to it with `pg` exactly as it talks
// to a PostgreSQL server, and a slow query never freezes the HTTP event loop.
import { readFile, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedWorkerData {
  /** Directory for a persistent database; undefined for one held in memory. */
  dataDir: string | undefined;
  /** A tarball from dumpDataDir to start from (test templates). */
  loadFrom: string | undefined;
  /** Full path of the Unix socket to listen on. */
  socketPath: string;
}

export type EmbeddedWorkerRequest = { type: 'dump'; file: string } | { type: 'close' };
export type EmbeddedWorkerReply =
  | { type: 'ready' }
  | { type: 'dumped' }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** Every extension the app loads; the regression test exercises them together. */
export const EMBEDDED_EXTENSIONS = { pg_trgm, cube, earthdistance, unaccent };

const data = workerData as EmbeddedWorkerData;
const port = parentPort!;

async function main(): Promise<void> {
  const loadDataDir = data.loadFrom ? new Blob([await readFile(data.loadFrom)]) : undefined;
  const db = await PGlite.create({
    ...(data.dataDir ? { dataDir: data.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: EMBEDDED_EXTENSIONS,
  });
  const server = new PGLiteSocketServer({ db, path: data.socketPath, maxConnections: 8 });
  await server.start();
  port.postMessage({ type: 'ready' } satisfies EmbeddedWorkerReply);

  port.on('message', async (msg: EmbeddedWorkerRequest) => {
    try {
      if (msg.type === 'dump') {
        const blob = await db.dumpDataDir('gzip');
        await writeFile(msg.file, Buffer.from(await blob.arrayBuffer()));
        port.postMessage({ type: 'dumped' } satisfies EmbeddedWorkerReply);
      } else if (msg.type === 'close') {
        await server.stop();
        await db.close();
        port.postMessage({ type: 'closed' } satisfies EmbeddedWorkerReply);
        port.close();
      }
    } catch (err) {
      port.postMessage({
        type: 'error',
        message: String((err as Error)?.message ?? err),
      } satisfies EmbeddedWorkerReply);
    }
  });
}

main().catch((err) => {
  port.postMessage({ type: 'error', message: String((err as Error)?.stack ?? err) } satisfies EmbeddedWorkerReply);
});
