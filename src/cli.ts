// The `connectors` command: serve, migrate, seed, and the data tools of each module.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runFiguresCommand, runPoolCommand } from './modules/insight/index.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { appModules } from './app.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { jobsReport } from './platform/jobs/jobs.command.ts';
import { hasAnyOrganisation, seedDemo, seedSynthetic } from './modules/demo/index.ts';
import { runImportCommand } from './modules/evidence/index.ts';
import { runGrantImportCommand } from './modules/funding/index.ts';
import { runBackupCommand, runMoveToPostgresCommand, runRestoreCommand } from './platform/backup/index.ts';
import { databaseTarget, demoSignInLines, firstStartLines, startServer } from './server.ts';

const HELP = `Usage: connectors <command> [options]

Commands:
  serve [--demo]                         Start the web server (--demo: demo data and banner)
  migrate                                Apply database migrations
  seed demo                              Add the fictional demo network to an empty database
  seed synthetic --orgs N --people M [--assessments K]
                                         Add a large synthetic network (for benchmarks)
  pool FILE.csv [--method REML|DL] [--ci hk|wald] [--json]
                                         Pool per-organisation mean changes (random effects)
  import participants|assessments|activities --org SLUG FILE [--dry-run] [--skip-invalid] [--mapping FILE.json]
  import grants FILE [--publisher NAME] [--licence URL]   a funder's 360Giving file (JSON, CSV or XLSX)
                                         Import a CSV or XLSX file (all or nothing unless --skip-invalid)
  figures publish [--on YYYY-MM-DD]      Publish the outside figures now (the first release; otherwise monthly)
  jobs                                   List the scheduled and one-off jobs and their last runs
  backup FILE                            Write a backup of the whole database to FILE
  restore FILE [--replace]               Restore a backup (--replace: over a database that holds data)
  move-to-postgres DATABASE_URL          Copy the embedded database into an empty PostgreSQL database
  help                                   Show this message

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL,
SESSION_SECRET, SMTP_URL, LOG_LEVEL and TRUST_PROXY (each explained in the operations guide).`;

type Io = { out: (s: string) => void; err: (s: string) => void };

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { demo: { type: 'boolean', default: false } },
        strict: true,
      });
      const config = loadConfig(env, { demo: values.demo });
      const server = await startServer(config, io.out);
      io.out(`Recovery Connectors is running at ${server.url} (database: ${server.database.kind}).`);
      if (server.firstStart) for (const line of firstStartLines(server.url, config.demo)) io.out(line);
      if (config.demo) for (const line of demoSignInLines()) io.out(line);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          io.out(`${signal} received: finishing requests and closing.`);
          server.close().then(resolve, (e) => {
            io.err(String(e));
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      return 0;
    }
    case 'migrate': {
      const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
      const database = await openDatabase(databaseTarget(config));
      try {
        const applied = await migrate(database.pool);
        io.out(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'seed': {
      const [kind, ...opts] = rest;
      const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
      if (kind !== 'demo' && kind !== 'synthetic') {
        io.err('Say what to seed: `connectors seed demo` or `connectors seed synthetic --orgs N --people M`.');
        return 2;
      }
      const { values } = parseArgs({
        args: opts,
        options: { orgs: { type: 'string' }, people: { type: 'string' }, assessments: { type: 'string' } },
        strict: true,
      });
      const database = await openDatabase(databaseTarget(config));
      try {
        await migrate(database.pool);
        if (kind === 'demo') {
          if (await hasAnyOrganisation(database.db)) {
            io.err('The database already has organisations; the demo network goes only into an empty one.');
            return 1;
          }
          const c = await seedDemo(database.db, appModules(database));
          io.out(`Demo network created: ${c.organisations} organisations, ${c.people} people.`);
          for (const line of demoSignInLines()) io.out(line);
        } else {
          const orgs = Number(values.orgs ?? '100');
          const people = Number(values.people ?? '500');
          if (!Number.isInteger(orgs) || orgs < 1 || !Number.isInteger(people) || people < 0) {
            io.err('--orgs must be a whole number of 1 or more, and --people a whole number of 0 or more.');
            return 2;
          }
          const started = Date.now();
          const assessments = Number(values.assessments ?? '0');
          const c = await seedSynthetic(database.db, {
            orgs,
            people,
            assessments,
            prefix: `s${Date.now().toString(36)}`,
          });
          io.out(
            `Synthetic network added: ${c.organisations} organisations, ${c.people} people, ${c.assessments} questionnaires in ${Date.now() - started} ms.`,
          );
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'jobs': {
      const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
      const database = await openDatabase(databaseTarget(config));
      try {
        await migrate(database.pool);
        for (const line of await jobsReport(
          database.db,
          appModules(database).flatMap((m) => m.jobs ?? []),
        ))
          io.out(line);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'figures': {
      const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
      const database = await openDatabase(databaseTarget(config));
      try {
        await migrate(database.pool);
        return await runFiguresCommand(rest, database.db, io);
      } finally {
        await database.close();
      }
    }
    case 'backup':
      return runBackupCommand(rest, env, io);
    case 'restore':
      return runRestoreCommand(rest, env, io);
    case 'move-to-postgres':
      return runMoveToPostgresCommand(rest, env, io);
    case 'import':
      if (rest[0] === 'grants') return runGrantImportCommand(rest.slice(1), env, io);
      return runImportCommand(rest, env, io);
    case 'pool':
      return runPoolCommand(rest, { stdout: io.out, stderr: io.err, readFile: (f) => readFile(f, 'utf8') });
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return 0;
    default:
      io.err(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

/** Runs the command line of this process and exits with its code. */
export async function main(): Promise<void> {
  try {
    const code = await runCli(process.argv.slice(2), process.env, {
      out: (s) => console.log(s),
      err: (s) => console.error(s),
    });
    process.exit(code);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith('/src/cli.ts')) await main();
