// HTTP routes of the public directory: find support, the search API, profiles, areas and the
// coverage map. A lead editing their organisation's entry: edit/edit.routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { pageContext } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { loadGeoData } from './domain/geo.data.ts';
import { slugify } from './domain/places.ts';
import { TtlCache } from '../../platform/http/page-cache.ts';
import { parseSearchQuery, type SearchQuery } from './directory.schemas.ts';
import * as service from './directory.service.ts';
import { loadFindSupportPage, type FindSupportOutcome } from './find-support.service.ts';
import { loadHelpNow } from './help-lines/help-lines.service.ts';
import { loadProfilePage } from './profile.pages.ts';
import { AreaPage, FindSupportPage, NetworkMapPage, ProfilePage } from './directory.views.tsx';
import {
  jsonForHtmlContexts,
  searchProblemSchema,
  searchQuerySchema,
  searchResponseSchema,
  toApiResponse,
} from './directory.api.ts';

/** How long search results and the map may be served from memory: the same for everyone. */
const PUBLIC_CACHE_MS = 30_000;

interface AreaRef {
  code: string;
  name: string;
  slug: string;
  region: string;
}

let areaIndex: { bySlug: Map<string, AreaRef>; byCode: Map<string, AreaRef> } | undefined;

/** Every UK local authority on the hex map, with a readable slug (English ones from the authority list). */
function areas() {
  if (areaIndex) return areaIndex;
  const geo = loadGeoData();
  const bySlug = new Map<string, AreaRef>();
  const byCode = new Map<string, AreaRef>();
  const add = (a: AreaRef) => {
    if (!byCode.has(a.code) && !bySlug.has(a.slug)) {
      bySlug.set(a.slug, a);
      byCode.set(a.code, a);
    }
  };
  for (const la of geo.localAuthorities) add({ code: la.code, name: la.name, slug: la.slug, region: la.regionName });
  for (const [code, hex] of Object.entries(geo.districtHexes.hexes))
    add({ code, name: hex.n, slug: slugify(hex.n), region: hex.region });
  areaIndex = { bySlug, byCode };
  return areaIndex;
}

export const areaHref = (code: string): string => `/areas/${areas().byCode.get(code)?.slug ?? code.toLowerCase()}`;

const cacheKey = (q: SearchQuery) =>
  JSON.stringify([
    q.near?.toUpperCase().replace(/\s+/g, ''),
    q.radius_km,
    q.type,
    q.day,
    q.mode,
    q.q?.toLowerCase(),
    q.page,
    q.per_page,
  ]);

export function directoryPublicRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const searches = new TtlCache<service.SearchOutcome>(PUBLIC_CACHE_MS);
    const shared = new TtlCache<unknown>(PUBLIC_CACHE_MS);
    const search = (q: SearchQuery) => searches.get(cacheKey(q), () => service.findSupport(deps.db, q));

    const pageSearches = new TtlCache<FindSupportOutcome>(PUBLIC_CACHE_MS);
    app.get('/find-support', open, async (req, reply) => {
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
      const parsed = parseSearchQuery(values);
      const asked = Object.values(values).some((v) => v.trim() !== '');
      let errors: FieldErrors = {};
      let outcome: FindSupportOutcome | undefined;
      if (!parsed.ok) errors = parsed.fields;
      else if (asked)
        outcome = await pageSearches.get(cacheKey(parsed.query), () => loadFindSupportPage(deps.db, parsed.query));
      const hrefWith = (changes: Record<string, string>) => {
        const p = new URLSearchParams(Object.entries({ ...values, ...changes }).filter(([, v]) => v !== ''));
        return `/find-support?${p.toString()}#results`;
      };
      const hrefFor = (page: number) => hrefWith({ page: page > 1 ? String(page) : '' });
      const status = !parsed.ok || outcome?.kind === 'problem' ? 400 : 200;
      const view = { values, errors, outcome, hrefFor, hrefWith, helpNow: await loadHelpNow(deps.db) };
      return sendPage(reply, <FindSupportPage ctx={ctx(req, reply)} view={view} />, status);
    });

    // Every visitor asking the same question gets the same bytes: the finished JSON is cached
    // per normalised question (a full postcode counts as its district), so a busy API mostly
    // serves a string from memory.
    const apiAnswers = new TtlCache<string>(PUBLIC_CACHE_MS);
    app.get(
      '/api/v1/directory',
      {
        // By token or without one; a token sent must be live, and counts against its own limit.
        config: { access: access.api('public') },
        schema: {
          summary: 'Active services of member organisations, nearest first',
          description:
            'With `near`, in-person services must have a venue within `radius_km`; services that run online come after the nearby ones with `distance_km: null` unless they also have a venue nearby. Distances are great-circle km from the centroid of the postcode district, rounded to 0.1 km. Results are shared between callers for up to 30 seconds.',
          tags: ['public'],
          operationId: 'searchDirectory',
          querystring: searchQuerySchema,
          response: { 200: { ...searchResponseSchema, description: 'One page of results' }, 400: searchProblemSchema },
        },
        // The schema above documents the query; parseSearchQuery (zod) is what checks it.
        validatorCompiler: () => () => true,
      },
      async (req, reply) => {
        const parsed = parseSearchQuery(req.query);
        if (!parsed.ok) throw new AppError('validation', 'Some query parameters are not right.', parsed.fields);
        const query = parsed.query;
        let district: string | undefined;
        if (query.near !== undefined) {
          const found = service.lookUpPlace(query.near);
          if (found.kind !== 'found') throw new AppError('validation', found.message, { near: found.message });
          district = found.place.outcode;
        }
        const key = JSON.stringify([
          district,
          query.radius_km,
          query.type,
          query.day,
          query.mode,
          query.q?.toLowerCase(),
          query.page,
          query.per_page,
        ]);
        const body = await apiAnswers.get(key, async () => {
          const outcome = await search(query);
          if (outcome.kind === 'place-problem')
            throw new AppError('validation', outcome.message, { near: outcome.message });
          return jsonForHtmlContexts(JSON.stringify(toApiResponse(query, outcome, deps.config.publicUrl)));
        });
        return reply
          .header('access-control-allow-origin', '*')
          .header('cache-control', 'public, max-age=30')
          .type('application/json; charset=utf-8')
          .send(body);
      },
    );

    app.get('/organisations/:slug', open, async (req, reply) => {
      const slug = String((req.params as { slug: string }).slug);
      const view = await loadProfilePage(deps.db, slug, deps.orgMarks);
      return sendPage(reply, <ProfilePage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/our-network', open, async (req, reply) => {
      const data = (await shared.get('map', () => service.loadNetworkMap(deps.db))) as service.NetworkMap;
      const view = {
        counts: data.counts,
        members: data.members,
        areasCovered: [...data.counts.values()].filter((n) => n > 0).length,
        hrefFor: areaHref,
      };
      return sendPage(reply, <NetworkMapPage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/areas/:area', open, async (req, reply) => {
      const area = areas().bySlug.get(String((req.params as { area: string }).area));
      if (!area) throw notFound('area');
      const orgs = await service.listMembersServingArea(deps.db, area.code);
      const region = loadGeoData().localAuthorityByCode.get(area.code)?.regionName ?? area.region;
      return sendPage(
        reply,
        <AreaPage
          ctx={ctx(req, reply)}
          view={{ name: area.name, code: area.code, region: REGION_OR_NATION[region] ?? region, orgs }}
        />,
      );
    });
  };
}

const REGION_OR_NATION: Record<string, string> = {
  W92000004: 'Wales',
  S92000003: 'Scotland',
  N92000002: 'Northern Ireland',
};
