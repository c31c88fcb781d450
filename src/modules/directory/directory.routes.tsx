// HTTP routes of the public directory (find support, the search API, profiles, areas, the
// coverage map) and of a lead editing their organisation's entry.
import { listUpcomingPublicEvents } from '../events/index.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { formValues } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { loadGeoData } from './domain/geo.data.ts';
import { slugify, type LocalAuthority } from './domain/places.ts';
import { TtlCache } from '../../platform/http/page-cache.ts';
import { editOrgDirectory } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import * as edit from './directory.edit.repository.ts';
import {
  parseProfileForm,
  parseSearchQuery,
  parseServiceForm,
  serviceParam,
  type SearchQuery,
} from './directory.schemas.ts';
import * as service from './directory.service.ts';
import { loadFindSupportPage, type FindSupportOutcome } from './find-support.service.ts';
import { loadHelpNow } from './help-lines/help-lines.service.ts';
import { ProfileEditPage, ServiceFormPage, ServicesPage } from './directory.edit.views.tsx';
import { AreaPage, FindSupportPage, NetworkMapPage, ProfilePage } from './directory.views.tsx';
import { jsonForHtmlContexts, searchResponseSchema, toApiResponse } from './directory.api.ts';

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

function areasByRegion(): { region: string; areas: LocalAuthority[] }[] {
  const groups = new Map<string, LocalAuthority[]>();
  for (const la of loadGeoData().localAuthorities)
    groups.set(la.regionName, [...(groups.get(la.regionName) ?? []), la]);
  return [...groups].map(([region, list]) => ({
    region,
    areas: [...list].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  }));
}

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
      { ...open, schema: { response: { 200: searchResponseSchema } } },
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
      const {
        profile: p,
        areas: served,
        services,
        lastUpdated,
        marks,
        logo,
      } = await service.loadPublicProfile(deps.db, slug, deps.orgMarks);
      const view = {
        slug: p.slug,
        name: p.name,
        summary: p.summary,
        town: p.town,
        region: p.region,
        sizeBand: p.size_band,
        founded: p.founded_year,
        charityNumber: p.charity_number ?? '',
        companyNumber: p.company_number ?? '',
        website: p.website ?? '',
        email: p.email ?? '',
        phone: p.phone ?? '',
        socialLinks: (p.social_links ?? '')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
        livedExperience: p.lived_experience ?? '',
        areas: served.map((a) => ({ name: a.name, slug: a.slug })),
        marks,
        lastUpdated,
        logo,
        helpNow: await loadHelpNow(deps.db),
        upcomingEvents: await listUpcomingPublicEvents(deps.db, { orgId: p.id, limit: 3 }),
        services: services.map((s) => ({
          id: s.row.id,
          name: s.row.name,
          description: s.row.description,
          whoFor: s.row.who_for,
          howToJoin: s.row.how_to_join,
          mode: s.row.mode as 'in_person' | 'online' | 'both',
          free: s.row.free,
          costNote: s.row.cost_note,
          url: s.row.url,
          types: s.types,
          venues: s.venues,
          times: s.times,
          nextSession: s.nextSession,
        })),
      };
      return sendPage(reply, <ProfilePage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/our-network', open, async (req, reply) => {
      const data = (await shared.get('map', async () => {
        const [counts, members] = await Promise.all([repo.memberCountsByArea(deps.db), repo.countMembers(deps.db)]);
        return { counts, members };
      })) as { counts: Map<string, number>; members: number };
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
      const orgs = await repo.membersServingArea(deps.db, area.code);
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

export function directoryEditRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const lead = { config: { access: access.org(editOrgDirectory) } };
    const knownAreas = new Set(loadGeoData().localAuthorities.map((la) => la.code));

    async function profileValues(orgId: string): Promise<Record<string, string>> {
      const p = await edit.getOwnProfile(deps.db, orgId);
      const values: Record<string, string> = {
        name: p.name,
        summary: p.summary,
        size_band: p.size_band,
        founded_year: p.founded_year ? String(p.founded_year) : '',
        charity_number: p.charity_number ?? '',
        company_number: p.company_number ?? '',
        website: p.website ?? '',
        email: p.email ?? '',
        phone: p.phone ?? '',
        social_links: p.social_links ?? '',
        lived_experience: p.lived_experience ?? '',
      };
      for (const code of await repo.areasOfOrg(deps.db, orgId)) values[`area_${code}`] = 'on';
      return values;
    }

    app.get('/orgs/:org/profile', lead, async (req, reply) => {
      const org = orgOf(req);
      return sendPage(
        reply,
        <ProfileEditPage
          ctx={ctx(req, reply)}
          org={org}
          values={await profileValues(org.id)}
          areasByRegion={areasByRegion()}
        />,
      );
    });

    app.post('/orgs/:org/profile', lead, async (req, reply) => {
      const org = orgOf(req);
      const form = parseProfileForm(req.body, knownAreas);
      if (!form.ok) {
        return sendPage(
          reply,
          <ProfileEditPage
            ctx={ctx(req, reply)}
            org={org}
            values={form.values}
            errors={form.errors}
            areasByRegion={areasByRegion()}
          />,
          400,
        );
      }
      await service.saveOrgProfile(deps.db, personOf(req), org, form.data);
      setFlash(reply, { kind: 'success', text: 'Your profile is saved.' });
      return reply.redirect(`/orgs/${org.slug}/profile`, 303);
    });

    app.get('/orgs/:org/services', lead, async (req, reply) => {
      const org = orgOf(req);
      const rows = await repo.servicesOfOrg(deps.db, org.id, { activeOnly: false });
      const services = rows.map((s) => ({
        id: s.id,
        name: s.name,
        mode: s.mode as 'in_person' | 'online' | 'both',
        status: s.status,
      }));
      return sendPage(reply, <ServicesPage ctx={ctx(req, reply)} org={org} services={services} />);
    });

    function serviceIdFrom(req: FastifyRequest): string {
      const parsed = serviceParam.safeParse(req.params);
      if (!parsed.success) throw notFound('service');
      return parsed.data.service;
    }

    async function saveFromForm(req: FastifyRequest, reply: FastifyReply, serviceId: string | undefined) {
      const org = orgOf(req);
      const form = parseServiceForm(req.body);
      const again = (values: Record<string, string>, errors: FieldErrors) =>
        sendPage(
          reply,
          <ServiceFormPage ctx={ctx(req, reply)} org={org} serviceId={serviceId} values={values} errors={errors} />,
          400,
        );
      if (!form.ok) return again(form.values, form.errors);
      try {
        await service.saveService(deps.db, personOf(req), org, serviceId, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return again(formValues(req.body), err.fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `${form.data.name} is saved.` });
      return reply.redirect(`/orgs/${org.slug}/services`, 303);
    }

    app.get('/orgs/:org/services/new', lead, async (req, reply) =>
      sendPage(reply, <ServiceFormPage ctx={ctx(req, reply)} org={orgOf(req)} serviceId={undefined} values={{}} />),
    );
    app.post('/orgs/:org/services/new', lead, async (req, reply) => saveFromForm(req, reply, undefined));

    app.get('/orgs/:org/services/:service', lead, async (req, reply) => {
      const org = orgOf(req);
      const id = serviceIdFrom(req);
      return sendPage(
        reply,
        <ServiceFormPage
          ctx={ctx(req, reply)}
          org={org}
          serviceId={id}
          values={await service.serviceFormValues(deps.db, org, id)}
        />,
      );
    });
    app.post('/orgs/:org/services/:service', lead, async (req, reply) => saveFromForm(req, reply, serviceIdFrom(req)));

    app.post('/orgs/:org/services/:service/delete', lead, async (req, reply) => {
      const org = orgOf(req);
      const name = await service.removeService(deps.db, personOf(req), org, serviceIdFrom(req));
      setFlash(reply, { kind: 'success', text: `${name} is removed.` });
      return reply.redirect(`/orgs/${org.slug}/services`, 303);
    });
  };
}
