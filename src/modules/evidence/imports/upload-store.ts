// Where an upload waits between its steps (preview, check, import). One interface so another
// store could be swapped in; the default keeps the file in the database, so every instance of
// the app can read it and it is deleted with the import's end (or by the daily sweep).
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { deleteUpload, findUploadChunk, insertUploadChunk } from './uploads.repository.ts';

export interface UploadStore {
  /** Saves the bytes as they arrive; calls inspect on each chunk (sniffing, limits) before keeping it. */
  save(orgId: string, runId: string, bytes: AsyncIterable<Buffer>, inspect: (chunk: Buffer) => void): Promise<number>;
  /** A fresh stream over the stored bytes; read once per step. */
  open(orgId: string, runId: string): Readable;
  remove(orgId: string, runId: string): Promise<void>;
}

/** Chunks of about 1 MB: big enough to be few, small enough that no row is heavy to move. */
const CHUNK_BYTES = 1024 * 1024;

export function databaseUploadStore(db: Kysely<DB>): UploadStore {
  return {
    async save(orgId, runId, bytes, inspect) {
      let seq = 0;
      let total = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0 && seq > 0) return;
        await insertUploadChunk(db, orgId, runId, seq, Buffer.concat(pending));
        seq += 1;
        pending = [];
        pendingBytes = 0;
      };
      for await (const chunk of bytes) {
        inspect(chunk);
        pending.push(chunk);
        pendingBytes += chunk.length;
        total += chunk.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
      return total;
    },
    open(orgId, runId) {
      return Readable.from(
        (async function* () {
          for (let seq = 0; ; seq += 1) {
            const chunk = await findUploadChunk(db, orgId, runId, seq);
            if (!chunk) return;
            yield chunk;
          }
        })(),
      );
    },
    async remove(orgId, runId) {
      await deleteUpload(db, orgId, runId);
    },
  };
}
