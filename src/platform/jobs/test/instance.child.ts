// One app instance for the two-instance job test: builds the app with the probe module on
// DATABASE_URL, starts its job queue, says "ready", and closes cleanly on SIGTERM.
import { appModules, buildApp } from '../../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { probeModule } from './probe-module.ts';

const url = process.env.DATABASE_URL!;
const config = loadConfig({
  SESSION_SECRET: 'x'.repeat(40),
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  DATA_DIR: process.env.DATA_DIR,
});
const database = await openDatabase({ kind: 'postgres', url, maxConnections: 3 });
const app = await buildApp({
  config,
  database,
  logger: false,
  modules: [...appModules(database), probeModule],
  jobPollingSeconds: 0.5,
});
await app.ready();
await app.jobs.start();
console.log('ready');
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await database.close();
    process.exit(0);
  })();
});
