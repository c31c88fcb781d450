// Builds the Open Referral UK view models (domain/oruk.types.ts) from the database, for the
// serialisers in domain/oruk.serialise.ts. Only public data goes in.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { loadGeoData } from './domain/geo.data.ts';
import type { LocationForFeed, OrgForFeed, ServiceForFeed } from './domain/oruk.types.ts';
import { isServiceTypeCode } from './domain/service-types.ts';
import { childId } from './domain/uuid.ts';
import type { LocationRow } from './directory.repository.ts';
import { loadServiceParts, scheduleFromRow } from './directory.service.ts';
import * as repo from './oruk.repository.ts';

type Db = Kysely<DB>;

const FALLBACK_DESCRIPTION = 'A lived experience recovery organisation, member of the Recovery Connectors network.';

/** Local authority name for an ONS code: English list first, then the UK hex map. */
export function areaName(code: string): string {
  const geo = loadGeoData();
  return geo.localAuthorityByCode.get(code)?.name ?? geo.districtHexes.hexes[code]?.n ?? code;
}

export function orgForFeed(
  o: {
    id: string;
    slug: string;
    name: string;
    summary: string;
    email: string | null;
    website: string | null;
    charity_number: string | null;
    company_number: string | null;
  },
  publicUrl: string,
): OrgForFeed {
  const identifiers = [];
  if (o.charity_number) {
    const scheme = /^SC/i.test(o.charity_number) ? 'GB-SC' : 'GB-CHC';
    identifiers.push({
      id: childId(o.id, 'organization_identifier', scheme),
      scheme,
      type: 'Charity number',
      identifier: o.charity_number,
    });
  }
  if (o.company_number) {
    identifiers.push({
      id: childId(o.id, 'organization_identifier', 'GB-COH'),
      scheme: 'GB-COH',
      type: 'Company number',
      identifier: o.company_number,
    });
  }
  return {
    id: o.id,
    name: o.name,
    description: o.summary.trim() || FALLBACK_DESCRIPTION,
    ...(o.email ? { email: o.email } : {}),
    ...(o.website ? { website: o.website } : {}),
    pageUrl: `${publicUrl}/organisations/${o.slug}`,
    ...(identifiers.length ? { identifiers } : {}),
  };
}

/** One organisation for /organizations/{id}, with the public marks other modules give it. */
export async function organisationForFeed(
  deps: Pick<Deps, 'db' | 'orgMarks'>,
  id: string,
  publicUrl: string,
): Promise<OrgForFeed | null> {
  const o = await repo.findFeedOrganisation(deps.db, id);
  if (!o) return null;
  const marks = (await deps.orgMarks?.(deps.db, [o.id]))?.get(o.id) ?? [];
  return { ...orgForFeed(o, publicUrl), ...(marks.length ? { marks } : {}) };
}

function locationForFeed(l: LocationRow): LocationForFeed {
  const showAddress = !l.hide_address && l.address_1.trim() !== '' && l.postcode.trim() !== '';
  return {
    id: l.id,
    kind: 'physical',
    ...(l.name ? { name: l.name } : {}),
    lat: l.lat,
    lon: l.lon,
    ...(showAddress
      ? {
          address: {
            id: childId(l.id, 'address'),
            line1: l.address_1,
            ...(l.address_2 ? { line2: l.address_2 } : {}),
            townOrCity: l.town || (l.lad_code ? areaName(l.lad_code) : l.outcode),
            county: l.lad_code ? areaName(l.lad_code) : l.town || l.outcode,
            postcode: l.postcode,
          },
        }
      : {}),
    ...(l.accessibility
      ? { accessibility: [{ id: childId(l.id, 'accessibility'), description: l.accessibility }] }
      : {}),
  };
}

/** The feed's view of these services, in the order of `ids`; ids not in the feed are skipped. */
export async function servicesForFeed(db: Db, ids: readonly string[], publicUrl: string): Promise<ServiceForFeed[]> {
  const [rows, parts] = await Promise.all([repo.feedServiceRows(db, ids), loadServiceParts(db, ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id): ServiceForFeed[] => {
    const r = byId.get(id);
    if (!r) return [];
    const org = orgForFeed(
      {
        id: r.org_id,
        slug: r.org_slug,
        name: r.org_name,
        summary: r.org_summary,
        email: r.org_email,
        website: r.org_website,
        charity_number: r.charity_number,
        company_number: r.company_number,
      },
      publicUrl,
    );
    const description = [
      r.description,
      r.who_for && `Who it is for: ${r.who_for}`,
      r.how_to_join && `How to take part: ${r.how_to_join}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    return [
      {
        id: r.id,
        organization: org,
        name: r.name,
        ...(description ? { description } : {}),
        status: 'active',
        ...(r.url ? { url: r.url } : {}),
        ...(r.email ? { email: r.email } : {}),
        ...(r.min_age !== null ? { minimumAge: r.min_age } : {}),
        ...(r.max_age !== null ? { maximumAge: r.max_age } : {}),
        ...(r.alert ? { alert: r.alert } : {}),
        ...(r.assured_date ? { assuredDate: String(r.assured_date) } : {}),
        lastModified: r.updated_at,
        serviceTypes: (parts.types.get(id) ?? []).map((t) => t.type_code).filter(isServiceTypeCode),
        areas: (parts.areas.get(id) ?? []).map((a) => ({ ladCode: a.lad_code, ladName: areaName(a.lad_code) })),
        locations: (parts.locations.get(id) ?? []).map((l) => ({ id: l.sal_id, location: locationForFeed(l) })),
        schedules: (parts.schedules.get(id) ?? []).map((s) => ({
          id: s.id,
          schedule: scheduleFromRow(s),
          ...(s.service_at_location_id ? { serviceAtLocationId: s.service_at_location_id } : {}),
          ...(s.attending_type ? { attendingType: s.attending_type } : {}),
          ...(s.notes ? { notes: s.notes } : {}),
          ...(s.link ? { link: s.link } : {}),
        })),
        free: r.free,
        ...(r.cost_note ? { costNote: r.cost_note } : {}),
      },
    ];
  });
}

// ---- the feed's pages: one read per endpoint, each returning the records and the total ----

/** One page of services matching the filter, built for the feed, and how many match in all. */
export async function pageFeedServices(
  db: Db,
  f: repo.FeedServiceFilter,
  publicUrl: string,
): Promise<{ services: ServiceForFeed[]; total: number }> {
  const { ids, total } = await repo.pageFeedServiceIds(db, f);
  return { services: await servicesForFeed(db, ids, publicUrl), total };
}

export async function pageFeedOrganisations(
  db: Db,
  limit: number,
  offset: number,
  publicUrl: string,
): Promise<{ orgs: OrgForFeed[]; total: number }> {
  const { rows, total } = await repo.pageFeedOrganisations(db, limit, offset);
  return { orgs: rows.map((o) => orgForFeed(o, publicUrl)), total };
}

/** One page of service-at-location rows, each with its service and location as built for the feed. */
export async function pageFeedServiceAtLocations(db: Db, limit: number, offset: number, publicUrl: string) {
  const { rows, total } = await repo.pageFeedServiceAtLocations(db, limit, offset);
  const services = new Map(
    (await servicesForFeed(db, [...new Set(rows.map((r) => r.service_id))], publicUrl)).map((s) => [s.id, s]),
  );
  const items = rows.flatMap((r) => {
    const service = services.get(r.service_id);
    const location = service?.locations.find((l) => l.id === r.id);
    return service && location ? [{ service, location }] : [];
  });
  return { items, total };
}

export async function findFeedServiceAtLocation(db: Db, id: string, publicUrl: string) {
  const row = await repo.findFeedServiceAtLocation(db, id);
  const [service] = row ? await servicesForFeed(db, [row.service_id], publicUrl) : [];
  const location = service?.locations.find((l) => l.id === row?.id);
  return service && location ? { service, location } : undefined;
}
