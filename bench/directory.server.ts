// A bench server for the directory: the whole platform with the demo network, optionally plus
// a synthetic directory (`synthetic`: 2,000 organisations and 10,000 services), on its own
// fresh database (embedded, or a new database on the DATABASE_URL server, dropped at exit).
// Prints "READY <url>" when it can take load.
import { startDemoBenchServer } from './demo-server.ts';
import { seedDirectorySynthetic } from '../src/modules/directory/index.ts';

const mode = process.argv[2] ?? 'demo';
const { server, ready } = await startDemoBenchServer('dir');
if (mode === 'synthetic') {
  const started = Date.now();
  await seedDirectorySynthetic(server.database.db, { orgs: 2000, services: 10000, prefix: 'bench' });
  await server.database.pool.query('analyze');
  console.log(`SEEDED ${Date.now() - started}`);
}
ready();
