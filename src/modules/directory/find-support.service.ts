// The find support page: in-person support nearest first under its own heading, online support
// as a separate list with one entry per service (not per copy), and a plain answer when nothing
// meets in person within the distance asked, with the next distance up that has something.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { loadGazetteer, loadGeoData } from './domain/geo.data.ts';
import { findSearchPlace, type PlaceChoice, type SearchPlaceResult, type SearchPoint } from './domain/search-place.ts';
import * as repo from './directory.repository.ts';
import type { SearchQuery } from './directory.schemas.ts';
import { hitsFrom, PAGE_SIZE, type SearchHit } from './directory.service.ts';

type Db = Kysely<DB>;

/** The distances offered on the page, in km (3, 6, 15, 30 and 60 miles), then the widest allowed. */
export const RADIUS_STEPS_KM = [5, 10, 25, 50, 100, 200] as const;
const ONLINE_LIMIT = 100;

const MILES_OF_STEP: Record<number, number> = { 5: 3, 10: 6, 25: 15, 50: 30, 100: 60, 200: 125 };
/** The distance in miles as the page's choices name it ("within 15 miles" for 25 km). */
export const milesOf = (km: number): number => MILES_OF_STEP[km] ?? Math.round(km / 1.609344);

/** A postcode or place name as a point, or why not. */
export function lookUpSearchPlace(input: string): SearchPlaceResult {
  return findSearchPlace(input, loadGeoData().outcodes, loadGazetteer);
}

export interface OnlineEntry {
  hit: SearchHit;
  /** Every member organisation offering this same service online. */
  offeredBy: { slug: string; name: string; serviceId: string }[];
}

export interface WiderHint {
  radiusKm: number;
  miles: number;
  count: number;
}

export type FindSupportOutcome =
  | { kind: 'problem'; message: string }
  | { kind: 'choose'; message: string; choices: PlaceChoice[] }
  | {
      kind: 'results';
      point: SearchPoint | undefined;
      alternatives: PlaceChoice[];
      radiusKm: number;
      miles: number;
      inPerson: { shown: boolean; hits: SearchHit[]; total: number; page: number; pages: number };
      /** Set when nothing meets in person within the distance: the next distance up that has some. */
      wider: WiderHint | undefined;
      online: { shown: boolean; entries: OnlineEntry[] };
    };

/** Copies of one service (same name and description) offered by several organisations count once. */
function sameServiceKey(h: SearchHit): string {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return `${norm(h.name)}\u0000${norm(h.description)}`;
}

export function dedupeOnline(hits: readonly SearchHit[]): OnlineEntry[] {
  const byKey = new Map<string, OnlineEntry>();
  for (const hit of hits) {
    const key = sameServiceKey(hit);
    const entry = byKey.get(key);
    const by = { slug: hit.org.slug, name: hit.org.name, serviceId: hit.id };
    if (entry) {
      if (!entry.offeredBy.some((o) => o.slug === by.slug)) entry.offeredBy.push(by);
    } else byKey.set(key, { hit, offeredBy: [by] });
  }
  const entries = [...byKey.values()];
  for (const e of entries) e.offeredBy.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return entries;
}

export async function loadFindSupportPage(db: Db, query: SearchQuery): Promise<FindSupportOutcome> {
  let point: SearchPoint | undefined;
  let alternatives: PlaceChoice[] = [];
  if (query.near !== undefined) {
    const found = lookUpSearchPlace(query.near);
    if (found.kind === 'problem') return { kind: 'problem', message: found.message };
    if (found.kind === 'choose') return { kind: 'choose', message: found.message, choices: found.choices };
    point = found.point;
    alternatives = found.alternatives;
  }
  const filter = { place: point, radiusKm: query.radius_km, type: query.type, day: query.day, q: query.q };
  const showInPerson = query.mode !== 'online';
  const showOnline = query.mode !== 'in_person';
  const page = query.page;
  const inPersonRows = showInPerson
    ? await repo.searchServices(db, { ...filter, mode: 'in_person', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    : [];
  const total = inPersonRows[0] ? Number(inPersonRows[0].total) : 0;
  let wider: WiderHint | undefined;
  if (showInPerson && point && total === 0) {
    for (const radiusKm of RADIUS_STEPS_KM.filter((r) => r > query.radius_km)) {
      const count = await repo.countInPersonServices(db, {
        ...filter,
        radiusKm,
        mode: 'in_person',
        limit: 1,
        offset: 0,
      });
      if (count > 0) {
        wider = { radiusKm, miles: milesOf(radiusKm), count };
        break;
      }
    }
  }
  const onlineRows =
    showOnline && page === 1
      ? await repo.searchServices(db, { ...filter, mode: 'online', limit: ONLINE_LIMIT, offset: 0 })
      : [];
  // A service that also meets in person near here is already in the first list.
  const onlineOnly = onlineRows.filter((r) => r.distance_km === null);
  const [inPersonHits, onlineHits] = await Promise.all([
    hitsFrom(db, inPersonRows, point),
    hitsFrom(db, onlineOnly, point),
  ]);
  return {
    kind: 'results',
    point,
    alternatives,
    radiusKm: query.radius_km,
    miles: milesOf(query.radius_km),
    inPerson: {
      shown: showInPerson,
      hits: inPersonHits,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    },
    wider,
    online: { shown: showOnline, entries: dedupeOnline(onlineHits) },
  };
}
