// The Open Referral UK 3.0 feed at /oruk: open to all (CORS *), JSON, paged, UUID ids, 404
// for unknown ids. Only member organisations' active services appear.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { access } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { normalisePageRequest, orukPage, paginate, type PageRequest } from './domain/oruk.page.ts';
import * as oruk from './domain/oruk.serialise.ts';
import { SERVICE_TYPE_TAXONOMY, SERVICE_TYPES, serviceTypeById } from './domain/service-types.ts';
import { isUuid } from './domain/uuid.ts';
import { htmlSafeJson } from './directory.api.ts';
import { TtlCache } from '../../platform/http/page-cache.ts';
import * as feed from './oruk.service.ts';
import { organisationForFeed, servicesForFeed } from './oruk.service.ts';

/** How long a feed response may be served from memory. */
const FEED_CACHE_MS = 30_000;

const ServicesQuery = z.object({
  search: z.string().trim().max(100).optional(),
  organization_id: z.string().optional(),
  taxonomy_term_id: z.string().optional(),
  taxonomy_id: z.string().optional(),
  modified_after: z.string().optional(),
  full: z.string().optional(),
});

function pageOf(req: FastifyRequest): PageRequest {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return normalisePageRequest(q.page, q.per_page);
}

function idParam(req: FastifyRequest): string {
  const id = String((req.params as { id?: string }).id ?? '');
  if (!isUuid(id)) throw notFound();
  return id.toLowerCase();
}

export function orukRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const open = { config: { access: access.public } };
    const cache = new TtlCache<unknown>(FEED_CACHE_MS);
    const publicUrl = deps.config.publicUrl;

    app.addHook('onSend', async (req, reply, payload) => {
      reply.header('access-control-allow-origin', '*');
      return htmlSafeJson(req, reply, payload);
    });

    /** The same URL gives the same JSON to everyone for a few seconds. */
    const cached = (req: FastifyRequest, make: () => Promise<unknown>) => cache.get(req.url, make);

    app.get('/oruk', open, async () => oruk.apiDetails());

    app.get('/oruk/services', open, async (req) =>
      cached(req, async () => {
        const parsed = ServicesQuery.safeParse(req.query ?? {});
        if (!parsed.success) throw new AppError('validation', 'Some query parameters were not understood.');
        const q = parsed.data;
        const page = pageOf(req);
        // Filters that can match nothing here give an empty page rather than an error.
        let typeCode: string | undefined;
        if (q.taxonomy_term_id) typeCode = serviceTypeById(q.taxonomy_term_id)?.code ?? 'none';
        const noMatch =
          (q.taxonomy_id !== undefined && q.taxonomy_id !== SERVICE_TYPE_TAXONOMY.id) ||
          (q.organization_id !== undefined && !isUuid(q.organization_id));
        let modifiedAfter: Date | undefined;
        if (q.modified_after) {
          modifiedAfter = new Date(q.modified_after);
          if (Number.isNaN(modifiedAfter.getTime()))
            throw new AppError('validation', 'modified_after must be a date and time, like 2026-01-31T00:00:00Z.', {
              modified_after: 'Not a date and time',
            });
        }
        if (noMatch) return orukPage([], 0, page);
        const { services, total } = await feed.pageFeedServices(
          deps.db,
          {
            search: q.search || undefined,
            organizationId: q.organization_id,
            typeCode,
            modifiedAfter,
            limit: page.perPage,
            offset: (page.page - 1) * page.perPage,
          },
          publicUrl,
        );
        const full = q.full === 'true';
        return orukPage(
          services.map((s) => (full ? oruk.service(s) : oruk.serviceListItem(s))),
          total,
          page,
        );
      }),
    );

    app.get('/oruk/services/:id', open, async (req) =>
      cached(req, async () => {
        const [s] = await servicesForFeed(deps.db, [idParam(req)], publicUrl);
        if (!s) throw notFound('service');
        return oruk.service(s);
      }),
    );

    app.get('/oruk/organizations', open, async (req) =>
      cached(req, async () => {
        const page = pageOf(req);
        const { orgs, total } = await feed.pageFeedOrganisations(
          deps.db,
          page.perPage,
          (page.page - 1) * page.perPage,
          publicUrl,
        );
        return orukPage(
          orgs.map((o) => oruk.organizationListItem(o)),
          total,
          page,
        );
      }),
    );

    app.get('/oruk/organizations/:id', open, async (req) =>
      cached(req, async () => {
        const org = await organisationForFeed(deps, idParam(req), publicUrl);
        if (!org) throw notFound('organisation');
        return oruk.organization(org);
      }),
    );

    app.get('/oruk/service_at_locations', open, async (req) =>
      cached(req, async () => {
        const page = pageOf(req);
        const found = await feed.pageFeedServiceAtLocations(
          deps.db,
          page.perPage,
          (page.page - 1) * page.perPage,
          publicUrl,
        );
        const items = found.items.map((x) => oruk.serviceAtLocationListItem(x.service, x.location));
        return orukPage(items, found.total, page);
      }),
    );

    app.get('/oruk/service_at_locations/:id', open, async (req) =>
      cached(req, async () => {
        const found = await feed.findFeedServiceAtLocation(deps.db, idParam(req), publicUrl);
        if (!found) throw notFound('service at location');
        return oruk.serviceAtLocation(found.service.id, found.location);
      }),
    );

    app.get('/oruk/taxonomies', open, async (req) => paginate([oruk.taxonomy({ withTerms: false })], pageOf(req)));

    app.get('/oruk/taxonomies/:id', open, async (req) => {
      if (idParam(req) !== SERVICE_TYPE_TAXONOMY.id) throw notFound('taxonomy');
      return oruk.taxonomy({ withTerms: true });
    });

    app.get('/oruk/taxonomy_terms', open, async (req) => paginate(SERVICE_TYPES.map(oruk.taxonomyTerm), pageOf(req)));

    app.get('/oruk/taxonomy_terms/:id', open, async (req) => {
      const type = serviceTypeById(idParam(req));
      if (!type) throw notFound('taxonomy term');
      return oruk.taxonomyTerm(type);
    });
  };
}
