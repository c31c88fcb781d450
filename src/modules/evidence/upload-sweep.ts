// Uploads used to wait under DATA_DIR/imports (they now wait in the database: see
// imports/upload-store.ts). Files left there by an older version are deleted by the daily job
// 'evidence.sweep-uploads' once they are a day old, so none stays on a server's disk for ever.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Deletes uploads last written more than a day before `now`; returns how many went. */
export async function sweepLegacyUploadFiles(dataDir: string, now = new Date()): Promise<number> {
  const dir = path.join(dataDir, 'imports');
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  let swept = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined); // gone meanwhile: an import finished it
    if (!info?.isFile() || now.getTime() - info.mtimeMs <= ABANDONED_AFTER_MS) continue;
    await rm(file, { force: true });
    swept++;
  }
  return swept;
}
