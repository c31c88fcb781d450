// Small read-only facts about organisations for other modules (learning's mentor matching
// and "who does this" links): where each is, what kinds of support it offers.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface OrgFacts {
  orgId: string;
  slug: string;
  name: string;
  status: string;
  sizeBand: 'volunteers' | 'small_staff' | 'larger';
  region: string;
  /** The first of its places on the map, if it has one. */
  at: { lat: number; lon: number } | undefined;
  serviceTypes: string[];
}

/** Facts for these organisations, or for every member organisation when `orgIds` is undefined. */
export async function findOrgFacts(db: Kysely<DB>, orgIds?: readonly string[]): Promise<OrgFacts[]> {
  if (orgIds && orgIds.length === 0) return [];
  let q = db.selectFrom('organisations as o').select((eb) => [
    'o.id',
    'o.slug',
    'o.name',
    'o.status',
    'o.size_band',
    'o.region',
    eb
      .selectFrom('locations as l')
      .select('l.lat')
      .whereRef('l.org_id', '=', 'o.id')
      .orderBy('l.created_at')
      .limit(1)
      .as('lat'),
    eb
      .selectFrom('locations as l')
      .select('l.lon')
      .whereRef('l.org_id', '=', 'o.id')
      .orderBy('l.created_at')
      .limit(1)
      .as('lon'),
    sql<string[]>`array(select distinct st.type_code from service_types st
        join services s on s.id = st.service_id where st.org_id = o.id and s.status = 'active' order by 1)`.as('types'),
  ]);
  q = orgIds ? q.where('o.id', 'in', orgIds) : q.where('o.status', '=', 'member');
  const rows = await q.execute();
  return rows.map((r) => ({
    orgId: r.id,
    slug: r.slug,
    name: r.name,
    status: r.status,
    sizeBand: r.size_band as OrgFacts['sizeBand'],
    region: r.region,
    at: r.lat !== null && r.lon !== null ? { lat: Number(r.lat), lon: Number(r.lon) } : undefined,
    serviceTypes: r.types ?? [],
  }));
}

/** Member organisations offering any of these kinds of support, for "who does this" links. */
export async function findOrgsOffering(db: Kysely<DB>, typeCodes: readonly string[], limit = 6) {
  if (typeCodes.length === 0) return [];
  return db
    .selectFrom('organisations as o')
    .select(['o.slug', 'o.name'])
    .where('o.status', '=', 'member')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_types as st')
          .innerJoin('services as s', 's.id', 'st.service_id')
          .whereRef('st.org_id', '=', 'o.id')
          .where('st.type_code', 'in', typeCodes)
          .where('s.status', '=', 'active')
          .select('st.org_id'),
      ),
    )
    .orderBy('o.name')
    .limit(limit)
    .execute();
}

/**
 * For each kind of support, up to `perType` member organisations offering it (by name), in
 * one query: the library's search results link each resource to groups who do this.
 */
export async function findOrgsOfferingEach(db: Kysely<DB>, typeCodes: readonly string[], perType = 3) {
  if (typeCodes.length === 0) return new Map<string, { slug: string; name: string }[]>();
  const { rows } = await sql<{ type_code: string; slug: string; name: string }>`
    select t.code as type_code, x.slug, x.name
    from unnest(${[...new Set(typeCodes)]}::text[]) as t(code)
    cross join lateral (
      select o.slug, o.name from organisations o
      where o.status = 'member' and exists (
        select 1 from service_types st join services s on s.id = st.service_id
        where st.org_id = o.id and st.type_code = t.code and s.status = 'active')
      order by o.name limit ${perType}
    ) x`.execute(db);
  const out = new Map<string, { slug: string; name: string }[]>();
  for (const r of rows) out.set(r.type_code, [...(out.get(r.type_code) ?? []), { slug: r.slug, name: r.name }]);
  return out;
}
