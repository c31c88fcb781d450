// Uploads wait under DATA_DIR/imports between "upload" and "import" or "cancel"; one left
// there for more than a day was abandoned. The daily job 'evidence.sweep-uploads' deletes it.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Deletes uploads last written more than a day before `now`; returns how many went. */
export async function sweepAbandonedUploads(dataDir: string, now = new Date()): Promise<number> {
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
