// Builds the web app from its parts: platform first, then each module, passed what it needs.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import type { Deps } from './platform/deps.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { registerPlatform } from './platform/http/platform.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import type { WorkspaceLink } from './platform/http/access.ts';
import { accountRoutes } from './modules/accounts/index.ts';
import { directoryRoutes, directoryWorkspaceLinks } from './modules/directory/index.ts';
import { findOrgBySlug, networkRoutes } from './modules/network/index.ts';
import { siteRoutes } from './modules/site/index.ts';
import { evidenceRoutes, evidenceWorkspaceLinks } from './modules/evidence/index.ts';
import { insightRoutes, insightWorkspaceLinks } from './modules/insight/index.ts';
import path from 'node:path';

/** One-time links carry their token in the path; logs show the route, never the token. */
export function redactTokens(url: string): string {
  return url.replace(/^(\/(?:sign-in\/email|password\/reset|invitations|complete)\/)[^/?#]+/, '$1[token]');
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
  const deps: Deps = { db: database.db, mailer, config };

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

  await app.register(siteRoutes({ ...deps, database }));
  await app.register(accountRoutes(deps));
  // Each module's links on an organisation's workspace page.
  const workspaceLinks: WorkspaceLink[] = [];
  await app.register(directoryRoutes(deps));
  workspaceLinks.push(...directoryWorkspaceLinks);
  await app.register(evidenceRoutes(deps));
  workspaceLinks.push(...evidenceWorkspaceLinks);
  await app.register(insightRoutes(deps));
  workspaceLinks.push(...insightWorkspaceLinks);
  await app.register(networkRoutes(deps, { workspaceLinks }));
  return app;
}
