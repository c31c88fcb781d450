// Starts the platform: open the database, migrate, (demo) seed, build the app, listen.
import type { FastifyInstance } from 'fastify';
import { appModules, buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { DEMO_PASSWORD, DEMO_SIGN_INS, hasAnyOrganisation, seedDemo } from './modules/demo/index.ts';

export function databaseTarget(config: Config) {
  return config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl, maxConnections: config.databasePoolSize } as const)
    : ({ kind: 'embedded', dataDir: config.dataDir } as const);
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The database was empty: this start created it. */
  firstStart: boolean;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  // Each step's time, printed once the server answers, so a slow start says where it went.
  const steps: string[] = [];
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };
  const database = await openDatabase(databaseTarget(config));
  step('database');
  try {
    const applied = await migrate(database.pool);
    step('migrations');
    if (applied.length) log(`Database (${database.kind}): applied migrations ${applied.join(', ')}.`);
    if (config.demo && !(await hasAnyOrganisation(database.db))) {
      const counts = await seedDemo(database.db, appModules(database));
      step('demo data');
      log(`Demo network created: ${counts.organisations} organisations, ${counts.people} people.`);
    }
    const app = await buildApp({ config, database });
    await app.listen({ port: config.port, host: config.host });
    step('web server');
    log(`Ready in ${steps.join(', ')}.`);
    await app.jobs.start(); // app.close() stops it
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      firstStart: applied.includes(1),
      close: () =>
        (closing ??= (async () => {
          await app.close();
          await database.close();
        })()),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Printed once, on the first start with an empty database: where to go next. */
export function firstStartLines(url: string, demo: boolean): string[] {
  return [
    'Where to go next:',
    `  ${url}/                 the home page: find support near a postcode or town`,
    `  ${url}/sign-in          sign in; each person lands where their work is`,
    `  ${url}/network          the network coordinators' page (applications, insight, help-now numbers)`,
    `  ${url}/methods          how every figure is worked out`,
    ...(demo ? [] : ['  To try everything with made-up people and organisations first: connectors serve --demo']),
  ];
}

export function demoSignInLines(): string[] {
  return [
    `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_SIGN_INS.map((s) => `  ${s.email.padEnd(32)} ${s.who}`),
  ];
}
