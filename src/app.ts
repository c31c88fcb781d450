// Builds the web app from its parts: platform first, then each module, passed what it needs.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import type { Deps } from './platform/deps.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { registerPlatform } from './platform/http/platform.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import type { ModuleDefinition } from './platform/modules.ts';
import { createInlineJobQueue } from './platform/jobs/inline-queue.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { directoryModule } from './modules/directory/index.ts';
import { findOrgBySlug, networkModule } from './modules/network/index.ts';
import { siteModule } from './modules/site/index.ts';
import { evidenceModule } from './modules/evidence/index.ts';
import { insightModule } from './modules/insight/index.ts';
import { learningModule } from './modules/learning/index.ts';
import path from 'node:path';

/** One-time links carry their token in the path; logs show the route, never the token. */
export function redactTokens(url: string): string {
  return url.replace(/^(\/(?:sign-in\/email|password\/reset|invitations|complete)\/)[^/?#]+/, '$1[token]');
}

/** Every module of the app. Adding a module is one line here; the order does not matter. */
export function appModules(database: Pick<Database, 'kind' | 'pool'>): ModuleDefinition[] {
  return [siteModule(database), accountsModule, networkModule, directoryModule, evidenceModule, insightModule, learningModule];
}

export interface AppOptions {
  config: Config;
  database: Database;
  mailer?: Mailer;
  /** false to silence request logs (tests, benchmarks). */
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox') });
  const modules = appModules(database);
  const jobs = createInlineJobQueue(
    modules.flatMap((m) => m.jobs ?? []),
    () => deps,
  );
  const deps: Deps = {
    db: database.db,
    mailer,
    config,
    jobs,
    links: {
      workspace: modules.flatMap((m) => m.workspaceLinks ?? []),
      network: modules.flatMap((m) => m.networkLinks ?? []),
    },
  };

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, serializers: { req: (req) => ({ method: req.method, url: redactTokens(req.url) }) } },
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });

  const headers = securityHeaders(config);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await registerPlatform(app, { config, db: database.db, findOrgBySlug: (slug) => findOrgBySlug(database.db, slug) });

  for (const module of modules) await app.register(module.routes(deps));
  return app;
}
