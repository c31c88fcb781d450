// Nightly: a backup into DATA_DIR/backups, keeping the newest NIGHTLY_BACKUPS_KEPT. On a
// PostgreSQL server it is written by whichever instance runs the job, into its own DATA_DIR.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../deps.ts';
import type { JobDefinition } from '../jobs/job-definition.ts';
import { ARCHIVE_FILE_PATTERN, archiveFileName } from './archive-format.ts';
import { writeArchive, type WriteSummary } from './write-archive.ts';

/** Two weeks of nights. A constant until configuration has a setting for it. */
export const NIGHTLY_BACKUPS_KEPT = 14;

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

/** Deletes all but the newest `keep` nightly backups (names sort by time); returns what it deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => ARCHIVE_FILE_PATTERN.test(n)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const n of old) await rm(path.join(dir, n), { force: true });
  return old;
}

export async function writeNightlyBackup(
  deps: Pick<Deps, 'db' | 'config'>,
  now = new Date(),
  keep = NIGHTLY_BACKUPS_KEPT,
): Promise<WriteSummary> {
  const dir = backupsDir(deps.config.dataDir);
  const summary = await writeArchive(deps.db, path.join(dir, archiveFileName(now)), deps.config.databaseKind, now);
  await pruneBackups(dir, keep);
  return summary;
}

export const nightlyBackupJob: JobDefinition = {
  name: 'backup.write-nightly',
  schedule: '20 2 * * *', // 02:20 UK time, before the other nightly jobs (03:xx)
  retryLimit: 2,
  run: async (deps) => {
    await writeNightlyBackup(deps);
  },
};
