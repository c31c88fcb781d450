// All SQL for the public directory: search, member profiles, coverage, and the parts of a
// service (types, places, times, areas). Public reads always require status = 'member'.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { EARTH_RADIUS_KM } from './domain/distance.ts';
import type { Weekday } from './domain/schedule.ts';
import type { ServiceTypeCode } from './domain/service-types.ts';
import type { SearchMode } from './directory.schemas.ts';

type Db = Kysely<DB>;

export interface SearchFilter {
  place: { lat: number; lon: number } | undefined;
  radiusKm: number;
  type: ServiceTypeCode | undefined;
  day: Weekday | undefined;
  mode: SearchMode | undefined;
  q: string | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string;
  name: string;
  description: string;
  mode: 'in_person' | 'online' | 'both';
  free: boolean;
  cost_note: string;
  org_id: string;
  org_slug: string;
  org_name: string;
  distance_km: number | null;
  total: number;
}

/** Great-circle distance in km from a fixed point to a row's lat/lon, as SQL (same sphere as haversineKm). */
function haversineSql(lat: number, lon: number) {
  return sql<number>`2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(l.lat - ${lat}::float8) / 2), 2) +
    cos(radians(${lat}::float8)) * cos(radians(l.lat)) * power(sin(radians(l.lon - ${lon}::float8) / 2), 2))))`;
}

/**
 * Active services of member organisations matching the filter, nearest first. With a place,
 * in-person services must have a venue within the radius; services that run online match
 * every search (their distance is null unless they also have a venue nearby).
 */
export async function searchServices(db: Db, f: SearchFilter): Promise<SearchRow[]> {
  const near = f.place
    ? (() => {
        const { lat, lon } = f.place;
        const dLat = f.radiusKm / 110.574;
        const dLon = f.radiusKm / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
        return sql`select sal.service_id, min(l.d) as distance_km
          from (select l.id, ${haversineSql(lat, lon)} as d from locations l
                where l.lat between ${lat - dLat}::float8 and ${lat + dLat}::float8
                  and l.lon between ${lon - dLon}::float8 and ${lon + dLon}::float8) l
          join service_at_locations sal on sal.location_id = l.id
          where l.d <= ${f.radiusKm}::float8
          group by sal.service_id`;
      })()
    : sql`select null::uuid as service_id, null::float8 as distance_km where false`;
  const conditions = [sql`o.status = 'member'`, sql`s.status = 'active'`];
  if (f.mode === 'online') conditions.push(sql`s.mode <> 'in_person'`);
  else if (f.mode === 'in_person')
    conditions.push(f.place ? sql`near.distance_km is not null` : sql`s.mode <> 'online'`);
  else if (f.place) conditions.push(sql`(near.distance_km is not null or s.mode <> 'in_person')`);
  if (f.type)
    conditions.push(
      sql`exists (select 1 from service_types st where st.service_id = s.id and st.type_code = ${f.type})`,
    );
  if (f.day)
    conditions.push(
      sql`exists (select 1 from schedules sc where sc.service_id = s.id and position(${f.day} in sc.byday) > 0)`,
    );
  if (f.q) {
    conditions.push(
      sql`(s.search @@ websearch_to_tsquery('english', ${f.q}) or o.search @@ websearch_to_tsquery('english', ${f.q}))`,
    );
  }
  const { rows } = await sql<SearchRow>`
    with near as (${near})
    select s.id, s.name, s.description, s.mode, s.free, s.cost_note,
           o.id as org_id, o.slug as org_slug, o.name as org_name,
           near.distance_km, count(*) over () as total
    from services s
    join organisations o on o.id = s.org_id
    left join near on near.service_id = s.id
    where ${sql.join(conditions, sql` and `)}
    order by near.distance_km asc nulls last, s.name, s.id
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return rows;
}

/** How many services match the filter, without fetching them (for "there are 4 within 30 miles"). */
export async function countInPersonServices(db: Db, f: SearchFilter): Promise<number> {
  const rows = await searchServices(db, { ...f, limit: 1, offset: 0 });
  return rows[0] ? Number(rows[0].total) : 0;
}

// ---- the parts of services, for search results, profiles and the feed ----

export async function typesOfServices(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('service_types')
    .select(['service_id', 'type_code'])
    .where('service_id', 'in', ids)
    .orderBy('type_code')
    .execute();
}

export async function schedulesOfServices(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('schedules').selectAll().where('service_id', 'in', ids).orderBy('id').execute();
}

export async function areasOfServices(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('service_areas')
    .select(['service_id', 'lad_code'])
    .where('service_id', 'in', ids)
    .orderBy('lad_code')
    .execute();
}

export async function locationsOfServices(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('service_at_locations as sal')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .select([
      'sal.id as sal_id',
      'sal.service_id',
      'l.id',
      'l.name',
      'l.address_1',
      'l.address_2',
      'l.town',
      'l.postcode',
      'l.outcode',
      'l.lad_code',
      'l.lat',
      'l.lon',
      'l.accessibility',
      'l.hide_address',
    ])
    .where('sal.service_id', 'in', ids)
    .orderBy('sal.id')
    .execute();
}

export type LocationRow = Awaited<ReturnType<typeof locationsOfServices>>[number];
export type ScheduleRow = Awaited<ReturnType<typeof schedulesOfServices>>[number];

// ---- member profiles ----

/** The profile's own columns, read by the public page and by the lead's form. */
export const PROFILE_COLUMNS = [
  'p.founded_year',
  'p.charity_number',
  'p.company_number',
  'p.website',
  'p.email',
  'p.phone',
  'p.social_links',
  'p.lived_experience',
] as const;

/** A member organisation with its profile, by slug (applicants and lapsed ones never match). */
function memberProfileQuery(db: Db, slug: string) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('org_profiles as p', 'p.org_id', 'o.id')
    .select([
      'o.id',
      'o.slug',
      'o.name',
      'o.summary',
      'o.town',
      'o.region',
      'o.size_band',
      'o.updated_at',
      'p.updated_at as profile_updated_at',
      ...PROFILE_COLUMNS,
    ])
    .where('o.slug', '=', slug)
    .where('o.status', '=', 'member');
}

const isSlug = (slug: string) => /^[a-z0-9-]{1,100}$/.test(slug);

/** A member organisation and its profile, by slug; undefined for applicants and lapsed ones. */
export async function findMemberProfile(db: Db, slug: string) {
  if (!isSlug(slug)) return undefined;
  return memberProfileQuery(db, slug).executeTakeFirst();
}

export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findMemberProfile>>>;

export async function areasOfOrg(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_areas')
    .select('lad_code')
    .where('org_id', '=', orgId)
    .orderBy('lad_code')
    .execute();
  return rows.map((r) => r.lad_code);
}

/** An organisation's services: all of them for its own editors, active ones for the public. */
export async function servicesOfOrg(db: Db, orgId: string, options: { activeOnly: boolean }) {
  let q = db.selectFrom('services').selectAll().where('org_id', '=', orgId);
  if (options.activeOnly) q = q.where('status', '=', 'active');
  return q.orderBy('name').orderBy('id').execute();
}

export type ServiceRow = Awaited<ReturnType<typeof servicesOfOrg>>[number];

/**
 * The public profile page's organisation in one query: its entry and profile (as
 * findMemberProfile), the local authorities it serves (`area_codes`, sorted) and its logo's size
 * and date (null columns when it has none).
 */
export async function findPublicProfile(db: Db, slug: string) {
  if (!isSlug(slug)) return undefined;
  return memberProfileQuery(db, slug)
    .leftJoin('org_logos as lg', 'lg.org_id', 'o.id')
    .select([
      'lg.width as logo_width',
      'lg.height as logo_height',
      'lg.updated_at as logo_updated_at',
      sql<string[]>`(select coalesce(json_agg(a.lad_code order by a.lad_code), '[]'::json)
        from org_areas a where a.org_id = o.id)`.as('area_codes'),
    ])
    .executeTakeFirst();
}

/**
 * An organisation's active services (by name, as servicesOfOrg) each with its types (sorted), its
 * times (by id) and its places (by service-at-location id), in one query: the rows
 * typesOfServices, schedulesOfServices and locationsOfServices give, as JSON arrays.
 */
export async function activeServicesWithParts(db: Db, orgId: string) {
  return db
    .selectFrom('services as s')
    .selectAll('s')
    .select([
      sql<string[]>`(select coalesce(json_agg(t.type_code order by t.type_code), '[]'::json)
        from service_types t where t.service_id = s.id)`.as('type_codes'),
      sql<ScheduleRow[]>`(select coalesce(json_agg(to_json(sc) order by sc.id), '[]'::json)
        from schedules sc where sc.service_id = s.id and sc.org_id = s.org_id)`.as('schedule_rows'),
      sql<LocationRow[]>`(select coalesce(json_agg(json_build_object(
          'sal_id', sal.id, 'service_id', sal.service_id, 'id', l.id, 'name', l.name,
          'address_1', l.address_1, 'address_2', l.address_2, 'town', l.town, 'postcode', l.postcode,
          'outcode', l.outcode, 'lad_code', l.lad_code, 'lat', l.lat, 'lon', l.lon,
          'accessibility', l.accessibility, 'hide_address', l.hide_address) order by sal.id), '[]'::json)
        from service_at_locations sal join locations l on l.id = sal.location_id
        where sal.service_id = s.id)`.as('location_rows'),
    ])
    .where('s.org_id', '=', orgId)
    .where('s.status', '=', 'active')
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

// ---- coverage ----

/** Member organisations serving each local authority: the areas they name, and where they meet. */
export async function memberCountsByArea(db: Db): Promise<Map<string, number>> {
  const { rows } = await sql<{ lad_code: string; n: number }>`
    select x.lad_code, count(distinct x.org_id) as n
    from (select org_id, lad_code from org_areas
          union select org_id, lad_code from locations where lad_code is not null) x
    join organisations o on o.id = x.org_id and o.status = 'member'
    group by x.lad_code`.execute(db);
  return new Map(rows.map((r) => [r.lad_code, Number(r.n)]));
}

/** Member organisations serving one local authority, by name. */
export async function membersServingArea(db: Db, ladCode: string) {
  const { rows } = await sql<{ slug: string; name: string; summary: string; town: string }>`
    select o.slug, o.name, o.summary, o.town
    from organisations o
    where o.status = 'member'
      and (exists (select 1 from org_areas a where a.org_id = o.id and a.lad_code = ${ladCode})
           or exists (select 1 from locations l where l.org_id = o.id and l.lad_code = ${ladCode}))
    order by o.name, o.id`.execute(db);
  return rows;
}

export async function countMembers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'member')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
