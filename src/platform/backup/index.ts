// Backup and restore: the nightly job, registered like a module's (it has no pages or tables).
import type { ModuleDefinition } from '../modules.ts';
import { nightlyBackupJob } from './nightly-backup.job.ts';

export const backupModule: ModuleDefinition = {
  name: 'backup',
  routes: () => async () => {},
  jobs: [nightlyBackupJob],
  migrationsRange: [0, 0], // owns no migrations
};

export { runBackupCommand, runMoveToPostgresCommand, runRestoreCommand } from './backup.command.ts';
