// All SQL for the Open Referral UK feed. Only member organisations and their active services
// are ever read here: the feed is public.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB>;

export interface FeedServiceFilter {
  search?: string | undefined;
  organizationId?: string | undefined;
  typeCode?: string | undefined;
  modifiedAfter?: Date | undefined;
  limit: number;
  offset: number;
}

function feedServices(db: Db) {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .where('o.status', '=', 'member')
    .where('s.status', '=', 'active');
}

/** One page of feed service ids, in a stable order, and how many match in all. */
export async function pageFeedServiceIds(db: Db, f: FeedServiceFilter): Promise<{ ids: string[]; total: number }> {
  let q = feedServices(db);
  if (f.search)
    q = q.where(
      sql<boolean>`(s.search @@ websearch_to_tsquery('english', ${f.search}) or o.search @@ websearch_to_tsquery('english', ${f.search}))`,
    );
  if (f.organizationId) q = q.where('o.id', '=', f.organizationId);
  if (f.typeCode)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_types as st')
          .select('st.service_id')
          .whereRef('st.service_id', '=', 's.id')
          .where('st.type_code', '=', f.typeCode!),
      ),
    );
  if (f.modifiedAfter) q = q.where('s.updated_at', '>', f.modifiedAfter);
  const [rows, count] = await Promise.all([
    q.select('s.id').orderBy('s.id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** The services with these ids (that are in the feed), with their organisation's public details. */
export async function feedServiceRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return feedServices(db)
    .leftJoin('org_profiles as p', 'p.org_id', 'o.id')
    .select([
      's.id',
      's.name',
      's.description',
      's.who_for',
      's.how_to_join',
      's.status',
      's.free',
      's.cost_note',
      's.url',
      's.email',
      's.min_age',
      's.max_age',
      's.alert',
      's.assured_date',
      's.updated_at',
      'o.id as org_id',
      'o.slug as org_slug',
      'o.name as org_name',
      'o.summary as org_summary',
      'p.email as org_email',
      'p.website as org_website',
      'p.charity_number',
      'p.company_number',
    ])
    .where('s.id', 'in', ids)
    .execute();
}

export type FeedServiceRow = Awaited<ReturnType<typeof feedServiceRows>>[number];

function feedOrganisations(db: Db) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('org_profiles as p', 'p.org_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'o.summary', 'p.email', 'p.website', 'p.charity_number', 'p.company_number'])
    .where('o.status', '=', 'member');
}

export type FeedOrgRow = Awaited<ReturnType<ReturnType<typeof feedOrganisations>['execute']>>[number];

export async function pageFeedOrganisations(
  db: Db,
  limit: number,
  offset: number,
): Promise<{ rows: FeedOrgRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    feedOrganisations(db).orderBy('o.id').limit(limit).offset(offset).execute(),
    db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'member')
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findFeedOrganisation(db: Db, id: string): Promise<FeedOrgRow | undefined> {
  return feedOrganisations(db).where('o.id', '=', id).executeTakeFirst();
}

/** One page of (service_at_location id, service id) pairs in the feed. */
export async function pageFeedServiceAtLocations(db: Db, limit: number, offset: number) {
  const q = feedServices(db).innerJoin('service_at_locations as sal', 'sal.service_id', 's.id');
  const [rows, count] = await Promise.all([
    q.select(['sal.id', 'sal.service_id']).orderBy('sal.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findFeedServiceAtLocation(db: Db, id: string) {
  return feedServices(db)
    .innerJoin('service_at_locations as sal', 'sal.service_id', 's.id')
    .select(['sal.id', 'sal.service_id'])
    .where('sal.id', '=', id)
    .executeTakeFirst();
}
