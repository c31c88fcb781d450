// Builds the web app from its parts: platform first, then each module, passed what it needs.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import type { Deps } from './platform/deps.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { registerPlatform } from './platform/http/platform.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './platform/http/request-id.ts';
import { registerMetricsRoute, registerRequestMetrics } from './platform/http/metrics-endpoint.ts';
import { createMetrics } from './platform/metrics/metrics.ts';
import { bindImportMetrics } from './platform/metrics/imports.ts';
import { ErrorPage } from './ui/error-page.tsx';
import { mergeOrgMarks, type ModuleDefinition } from './platform/modules.ts';
import { createJobQueue, type PlatformJobQueue } from './platform/jobs/job-queue.ts';
import { backupModule } from './platform/backup/index.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { directoryModule } from './modules/directory/index.ts';
import { findOrgBySlug, networkModule } from './modules/network/index.ts';
import { siteModule } from './modules/site/index.ts';
import { evidenceModule } from './modules/evidence/index.ts';
import { insightModule } from './modules/insight/index.ts';
import { standardsModule } from './modules/standards/index.ts';
import { eventsModule } from './modules/events/index.ts';
import { learningModule } from './modules/learning/index.ts';
import { fundingModule } from './modules/funding/index.ts';
import { voiceModule } from './modules/voice/index.ts';
import { apiModule } from './modules/api/index.ts';
import path from 'node:path';

/** One-time links carry their token in the path; logs show the route, never the token. */
export function redactTokens(url: string): string {
  return url
    .replace(/^(\/(?:sign-in\/email|password\/reset|invitations|complete|events\/r)\/)[^/?#]+/, '$1[token]')
    .replace(/([?&]next=(?:\/|%2F)invitations(?:\/|%2F))[^&#]+/i, '$1[token]');
}

/** Every module of the app. Adding a module is one line here; the order does not matter. */
export function appModules(database: Pick<Database, 'kind' | 'pool'>): ModuleDefinition[] {
  return [
    siteModule(database),
    accountsModule,
    networkModule,
    directoryModule,
    evidenceModule,
    insightModule,
    eventsModule,
    standardsModule,
    learningModule,
    fundingModule,
    voiceModule,
    apiModule,
    backupModule,
  ];
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export interface AppOptions {
  config: Config;
  database: Database;
  mailer?: Mailer;
  /** false to silence request logs (tests, benchmarks). */
  logger?: boolean;
  /** Where log lines go; standard output unless a test captures them. */
  logStream?: { write(line: string): void };
  /** The modules to build from; all of them unless a test says otherwise. */
  modules?: ModuleDefinition[];
  /** How often job workers poll, once the queue is started (tests use less than the 5 s default). */
  jobPollingSeconds?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue: it queues jobs from the start; `start()` makes this instance run them too. */
    jobs: PlatformJobQueue;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const mailer =
    options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox') });
  const modules = options.modules ?? appModules(database);
  const jobs = createJobQueue({
    pool: database.pool,
    db: database.db,
    definitions: modules.flatMap((m) => m.jobs ?? []),
    deps: () => deps,
    pollingIntervalSeconds: options.jobPollingSeconds,
    onError: (err) => app.log.error({ err }, 'job queue'),
  });
  const deps: Deps = {
    db: database.db,
    mailer,
    config,
    jobs,
    links: {
      workspace: modules.flatMap((m) => m.workspaceLinks ?? []),
      network: modules.flatMap((m) => m.networkLinks ?? []),
    },
    orgMarks: mergeOrgMarks(modules),
  };

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            serializers: { req: (req) => ({ method: req.method, url: redactTokens(req.url) }) },
          },
    bodyLimit: 1024 * 1024,
    // A hop count as the function Fastify would make of it (its types take no number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: requestIdFor,
  });

  app.decorate('jobs', jobs);
  app.addHook('onReady', () => jobs.prepare());
  app.addHook('onClose', () => jobs.stop());

  const headers = securityHeaders(config);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // Metrics only when Prometheus has a token to read them with; otherwise nothing is collected.
  const metrics =
    config.metricsToken === undefined
      ? undefined
      : createMetrics({
          pool: database.pool,
          engine: database.kind,
          jobStatus: () => jobs.status(),
          onError: (err) => app.log.error({ err }, 'metrics: could not read the job queue'),
        });
  if (metrics) {
    registerRequestMetrics(app, metrics);
    const unbindImports = bindImportMetrics(database.db, metrics);
    app.addHook('onClose', async () => void unbindImports());
  }
  await registerPlatform(app, {
    config,
    db: database.db,
    errorPage: ErrorPage,
    findOrgBySlug: (slug) => findOrgBySlug(database.db, slug),
  });
  // Before the modules, so the OpenAPI document sees every /api/v1 route.
  await registerOpenApi(app, { publicUrl: config.publicUrl, version: '1' });
  if (metrics && config.metricsToken) registerMetricsRoute(app, metrics, config.metricsToken);

  for (const module of modules) await app.register(module.routes(deps));
  return app;
}
