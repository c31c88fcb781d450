// Public pages of the site as a whole, the health check, static assets and the demo outbox.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentMigrationVersion } from '../../platform/db/migrate.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { access } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageContext } from '../../platform/http/page-context.ts';
import { TtlCache } from '../../platform/http/page-cache.ts';
import { renderDocument, sendPage } from '../../platform/http/render.ts';
import { networkPolicy } from '../network/index.ts';
import { DEFAULT_RETENTION_YEARS, NOTICE_DAYS } from '../evidence/index.ts';
import { loadHomePage, loadRecordsOfProcessing } from './site.service.ts';
import {
  AboutDataPage,
  AboutPage,
  AccessibilityPage,
  HomePage,
  OutboxPage,
  PrivacyPage,
  RecordsOfProcessingPage,
} from './site.views.tsx';

const ASSETS: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  (
    [
      ['styles.css', 'text/css; charset=utf-8'],
      ['favicon.svg', 'image/svg+xml'],
    ] as const
  ).map(([name, type]) => [name, { type, body: readFileSync(new URL(`../../ui/assets/${name}`, import.meta.url)) }]),
);

/** How long the anonymous home page may be served from memory. */
const HOME_CACHE_MS = 10_000;

export function siteRoutes(deps: Deps & { database: Pick<Database, 'kind' | 'pool'> }) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const homeCache = new TtlCache<string>(HOME_CACHE_MS);

    async function renderHome(req: FastifyRequest, reply: FastifyReply): Promise<string> {
      return renderDocument(<HomePage ctx={ctx(req, reply)} view={await loadHomePage(deps)} />);
    }

    app.get('/', open, async (req, reply) => {
      // Everyone who is not signed in sees the same page, so it is rendered once and shared.
      const shared = req.actor.kind === 'anonymous' && !req.flash;
      const html = shared ? await homeCache.get('home', () => renderHome(req, reply)) : await renderHome(req, reply);
      return reply.type('text/html; charset=utf-8').send(html);
    });

    app.get('/about', open, async (req, reply) => sendPage(reply, <AboutPage ctx={ctx(req, reply)} />));
    app.get('/about/data', open, async (req, reply) => sendPage(reply, <AboutDataPage ctx={ctx(req, reply)} />));
    app.get('/privacy', open, async (req, reply) =>
      sendPage(
        reply,
        <PrivacyPage ctx={ctx(req, reply)} defaultYears={DEFAULT_RETENTION_YEARS} noticeDays={NOTICE_DAYS} />,
      ),
    );
    app.get(
      '/network/records-of-processing',
      { config: { access: access.network(networkPolicy.coordinateNetwork) } },
      async (req, reply) =>
        sendPage(reply, <RecordsOfProcessingPage ctx={ctx(req, reply)} view={await loadRecordsOfProcessing(deps)} />),
    );
    app.get('/accessibility', open, async (req, reply) => sendPage(reply, <AccessibilityPage ctx={ctx(req, reply)} />));

    app.get('/assets/:file', open, async (req, reply) => {
      const asset = ASSETS[(req.params as { file: string }).file];
      if (!asset) throw notFound('file');
      return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(asset.body);
    });

    app.get('/healthz', open, async (_req, reply) => {
      const migration = await currentMigrationVersion(deps.database.pool);
      const jobs = await deps.jobs.status?.();
      return reply
        .header('cache-control', 'no-store')
        .send({ status: 'ok', database: deps.database.kind, migration, jobs });
    });

    if (deps.config.demo) {
      app.get('/dev/outbox', open, async (req, reply) =>
        sendPage(reply, <OutboxPage ctx={ctx(req, reply)} entries={await deps.mailer.outbox(50)} />),
      );
    }
  };
}
