// Starts and stops the embedded database worker (see embedded.worker.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, EmbeddedWorkerReply, EmbeddedWorkerRequest } from './embedded.worker.ts';

export interface EmbeddedServer {
  /** Directory holding the socket: `pg` connects with host = this, port = 5432. */
  socketDir: string;
  dump(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir?: string;
  loadFrom?: string;
}

const SOCKET_PORT = 5432;
export const EMBEDDED_SOCKET_PORT = SOCKET_PORT;

export async function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir.
  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'rcpg-'));
  const workerData: EmbeddedWorkerData = {
    dataDir: options.dataDir,
    loadFrom: options.loadFrom,
    socketPath: path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
  };
  const worker = new Worker(new URL('./ts-worker.js', import.meta.url), {
    workerData: { ...workerData, __tsModule: new URL('./embedded.worker.ts', import.meta.url).href },
  });

  const next = (want: EmbeddedWorkerReply['type']) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (msg: EmbeddedWorkerReply) => {
        if (msg.type === want) {
          cleanup();
          resolve();
        } else if (msg.type === 'error') {
          cleanup();
          reject(new Error(`The embedded database failed: ${msg.message}`));
        }
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        if (want === 'closed') resolve();
        else reject(new Error(`The embedded database stopped unexpectedly (exit ${code}).`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });

  await next('ready');
  let closed = false;
  return {
    socketDir,
    async dump(file) {
      const done = next('dumped');
      worker.postMessage({ type: 'dump', file } satisfies EmbeddedWorkerRequest);
      await done;
    },
    async close() {
      if (closed) return;
      closed = true;
      const done = next('closed');
      worker.postMessage({ type: 'close' } satisfies EmbeddedWorkerRequest);
      await done;
      await worker.terminate();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}
