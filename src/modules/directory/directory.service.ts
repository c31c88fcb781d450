// Use cases of the public directory: find support near a place, show a member's profile, the
// coverage map and an area's members. A lead's own editing is in edit/edit.service.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { OrgMark, OrgMarksSource } from '../../platform/modules.ts';
import { haversineKm } from './domain/distance.ts';
import { loadGeoData } from './domain/geo.data.ts';
import { findPlace, type PlaceSearchResult } from './domain/place-search.ts';
import type { OutcodePlace } from './domain/places.ts';
import { ORDINALS, type DayRule, type Ordinal, type Schedule, type Weekday } from './domain/schedule.ts';
import { describeSchedule } from './domain/schedule.describe.ts';
import { nextOccurrence } from './domain/schedule.next.ts';
import { isServiceTypeCode, type ServiceTypeCode } from './domain/service-types.ts';
import * as repo from './directory.repository.ts';
import type { SearchQuery, ServiceMode } from './directory.schemas.ts';

type Db = Kysely<DB>;

export const PAGE_SIZE = 20;

// ---- places and times ----

/** What someone typed, as a postcode district we can measure from, or a kind message. */
export function lookUpPlace(input: string): PlaceSearchResult {
  return findPlace(input, loadGeoData().outcodes);
}

/** A stored BYDAY string ("1TH,3TH", "MO,WE") back into day rules. */
export function parseByday(byday: string): DayRule[] {
  return byday.split(',').flatMap((part) => {
    const m = /^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part.trim());
    if (!m) return [];
    const day = m[2] as Weekday;
    const nth = m[1] ? (Number(m[1]) as Ordinal) : undefined;
    return nth !== undefined && (ORDINALS as readonly number[]).includes(nth) ? [{ day, nth }] : [{ day }];
  });
}

export function scheduleFromRow(row: repo.ScheduleRow): Schedule {
  return {
    freq: row.freq as Schedule['freq'],
    interval: row.interval,
    byday: parseByday(row.byday),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    ...(row.dtstart ? { dtstart: String(row.dtstart) } : {}),
    ...(row.valid_from ? { validFrom: String(row.valid_from) } : {}),
    ...(row.valid_to ? { validTo: String(row.valid_to) } : {}),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** Types, venues, times and areas of some services, grouped by service id. */
export async function loadServiceParts(db: Db, ids: readonly string[]) {
  const [types, schedules, locations, areas] = await Promise.all([
    repo.typesOfServices(db, ids),
    repo.schedulesOfServices(db, ids),
    repo.locationsOfServices(db, ids),
    repo.areasOfServices(db, ids),
  ]);
  return {
    types: groupBy(types, (t) => t.service_id),
    schedules: groupBy(schedules, (s) => s.service_id),
    locations: groupBy(locations, (l) => l.service_id),
    areas: groupBy(areas, (a) => a.service_id),
  };
}

export type ServiceParts = Awaited<ReturnType<typeof loadServiceParts>>;

// ---- find support ----

export interface PlaceView {
  outcode: string;
  /** The local authority holding most of the district, e.g. "Leeds". */
  areaName: string;
  lat: number;
  lon: number;
}

export interface VenueView {
  name: string;
  /** Street address, or empty for a venue whose address is kept private. */
  address: string;
  town: string;
  postcodeDistrict: string;
  /** A map at the venue; absent when its address is kept private. */
  mapHref?: string;
}

export interface SearchHit {
  id: string;
  name: string;
  description: string;
  mode: ServiceMode;
  free: boolean;
  costNote: string;
  org: { slug: string; name: string };
  /** Rounded to 0.1 km; null for online services with no venue nearby, or with no place given. */
  distanceKm: number | null;
  types: ServiceTypeCode[];
  venue: VenueView | undefined;
  times: string[];
}

export type SearchOutcome =
  | { kind: 'place-problem'; message: string; placeKind: Exclude<PlaceSearchResult['kind'], 'found'> }
  | {
      kind: 'results';
      place: PlaceView | undefined;
      hits: SearchHit[];
      total: number;
      page: number;
      pages: number;
      perPage: number;
    };

/** OpenStreetMap at the venue: a plain link, so no map is loaded until someone asks for it. */
export const mapHrefAt = (lat: number, lon: number): string =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(5)}&mlon=${lon.toFixed(5)}#map=17/${lat.toFixed(5)}/${lon.toFixed(5)}`;

function venueView(l: repo.LocationRow): VenueView {
  return {
    ...(l.hide_address ? {} : { mapHref: mapHrefAt(Number(l.lat), Number(l.lon)) }),
    name: l.name,
    address: l.hide_address ? '' : [l.address_1, l.address_2].filter(Boolean).join(', '),
    town: l.town,
    postcodeDistrict: l.outcode,
  };
}

/** Search results as cards: each service with its types, its venue nearest the point, and its times. */
export async function hitsFrom(
  db: Db,
  rows: readonly repo.SearchRow[],
  point: { lat: number; lon: number } | undefined,
): Promise<SearchHit[]> {
  const parts = await loadServiceParts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r): SearchHit => {
    const locations = parts.locations.get(r.id) ?? [];
    const nearest = point
      ? [...locations].sort((a, b) => haversineKm(point, a) - haversineKm(point, b))[0]
      : locations[0];
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      mode: r.mode,
      free: r.free,
      costNote: r.cost_note,
      org: { slug: r.org_slug, name: r.org_name },
      distanceKm: r.distance_km === null ? null : Math.round(Number(r.distance_km) * 10) / 10,
      types: (parts.types.get(r.id) ?? []).map((t) => t.type_code).filter(isServiceTypeCode),
      venue: nearest ? venueView(nearest) : undefined,
      times: (parts.schedules.get(r.id) ?? []).map((s) => describeSchedule(scheduleFromRow(s))),
    };
  });
}

/** The search behind /api/v1/directory: one list, nearest first, online services after. */
export async function findSupport(db: Db, query: SearchQuery): Promise<SearchOutcome> {
  let place: OutcodePlace | undefined;
  if (query.near !== undefined) {
    const found = lookUpPlace(query.near);
    if (found.kind !== 'found') return { kind: 'place-problem', message: found.message, placeKind: found.kind };
    place = found.place;
  }
  const perPage = query.per_page ?? PAGE_SIZE;
  const rows = await repo.searchServices(db, {
    place,
    radiusKm: query.radius_km,
    type: query.type,
    day: query.day,
    mode: query.mode,
    q: query.q,
    limit: perPage,
    offset: (query.page - 1) * perPage,
  });
  const total = rows[0] ? Number(rows[0].total) : 0;
  return {
    kind: 'results',
    place: place ? { outcode: place.outcode, areaName: place.ladName, lat: place.lat, lon: place.lon } : undefined,
    hits: await hitsFrom(db, rows, place),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    perPage,
  };
}

// ---- public profile ----

export async function loadPublicProfile(db: Db, slug: string, orgMarks?: OrgMarksSource) {
  // Two queries and the marks: the organisation with its areas and logo, then its services with
  // their types, times and places (each query waits for the pool; docs/BENCHMARKS.md, Load).
  const found = await repo.findPublicProfile(db, slug);
  if (!found) throw notFound('organisation');
  const { area_codes: areaCodes, logo_width, logo_height, logo_updated_at, ...profile } = found;
  const [services, marks] = await Promise.all([
    repo.activeServicesWithParts(db, profile.id),
    orgMarks ? orgMarks(db, [profile.id]) : new Map<string, readonly OrgMark[]>(),
  ]);
  const geo = loadGeoData();
  const now = new Date();
  const updated = [profile.updated_at, profile.profile_updated_at, ...services.map((s) => s.updated_at)]
    .filter((d): d is Date => d instanceof Date)
    .reduce((a, b) => (b > a ? b : a), new Date(0));
  return {
    profile,
    logo:
      logo_updated_at && logo_width !== null && logo_height !== null
        ? {
            src: `/organisations/${profile.slug}/logo.png?v=${logo_updated_at.getTime()}`,
            width: logo_width,
            height: logo_height,
          }
        : undefined,
    marks: (marks.get(profile.id) ?? []).map((m) => ({ label: m.label, detail: m.detail, href: m.href })),
    lastUpdated: updated.getTime() > 0 ? updated : null,
    areas: areaCodes.map((code) => geo.localAuthorityByCode.get(code)).filter((la) => la !== undefined),
    services: services.map(({ type_codes, schedule_rows, location_rows, ...s }) => {
      const schedules = schedule_rows.map(scheduleFromRow);
      const next = schedules
        .map((sc) => nextOccurrence(sc, now))
        .filter((o) => o !== null)
        .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
      return {
        row: s,
        types: type_codes.filter(isServiceTypeCode),
        venues: location_rows.map(venueView),
        times: schedule_rows.map((x) => ({
          text: describeSchedule(scheduleFromRow(x)),
          attending: x.attending_type,
        })),
        nextSession: next ? next.start : null,
      };
    }),
  };
}

// ---- the coverage map and areas ----

export interface NetworkMap {
  /** Members serving each local authority, by its code. */
  counts: Map<string, number>;
  members: number;
}

/** How many members serve each area, and how many members there are. */
export async function loadNetworkMap(db: Db): Promise<NetworkMap> {
  const [counts, members] = await Promise.all([repo.memberCountsByArea(db), repo.countMembers(db)]);
  return { counts, members };
}

/** The members that serve one local authority, for its area page. */
export function listMembersServingArea(db: Db, areaCode: string) {
  return repo.membersServingArea(db, areaCode);
}
