// Servers for benchmarks, each run as its own process so the load generator does not share
// its event loop: `bare` is a plain Fastify route rendering a trivial JSX page (the baseline);
// `app` is the whole platform with the demo network (embedded, or DATABASE_URL).
// Prints "READY <url>" (and "SESSION <token>" for a signed-in lead) when it can take load.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { renderDocument } from '../src/platform/http/render.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSession } from '../src/platform/auth/session.store.ts';
import { startServer } from '../src/server.ts';

const mode = process.argv[2];

if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(
      renderDocument(
        <html lang="en-GB">
          <head>
            <title>Bare</title>
          </head>
          <body>
            <main>
              <h1>Hello</h1>
              <p>A trivial page, for comparison.</p>
            </main>
          </body>
        </html>,
      ),
    ),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  console.log(`READY http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`);
} else if (mode === 'app') {
  const dataDir = process.env.DATA_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'rc-bench-')));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' }, { demo: true });
  const server = await startServer(config, () => {});
  const lead = await server.database.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'lead@demo.example')
    .executeTakeFirstOrThrow();
  console.log(`SESSION ${await createSession(server.database.db, lead.id, 'bench')}`);
  console.log(`READY ${server.url}`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else {
  console.error('usage: servers.ts bare|app');
  process.exit(2);
}
