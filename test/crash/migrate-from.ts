// The migration runner from a directory of the crash test's choosing (the app's migrations and a
// slow one of its own), in a process of its own so the test can kill it: `migrate-from.ts DIR`.
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { databaseTarget } from '../../src/server.ts';

const dir = process.argv[2]!;
const database = await openDatabase(databaseTarget(loadConfig(process.env)));
try {
  console.log('migrating');
  const applied = await migrate(database.pool, dir);
  console.log(`applied ${applied.join(', ')}`);
} finally {
  await database.close();
}
