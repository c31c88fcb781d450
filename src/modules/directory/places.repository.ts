// An organisation's places, for other modules (events' venues) to offer as choices.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface OrgPlace {
  id: string;
  name: string;
  address: string;
  postcode: string;
  /** A sensitive venue (e.g. recovery housing): show the district only. */
  hideAddress: boolean;
  accessibility: string;
}

export async function listOrgPlaces(db: Kysely<DB>, orgId: string): Promise<OrgPlace[]> {
  const rows = await db
    .selectFrom('locations')
    .select(['id', 'name', 'address_1', 'address_2', 'town', 'postcode', 'outcode', 'hide_address', 'accessibility'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name || r.town || r.outcode,
    address: r.hide_address
      ? [r.town, r.outcode].filter(Boolean).join(', ')
      : [r.address_1, r.address_2, r.town].filter(Boolean).join(', '),
    postcode: r.hide_address ? r.outcode : r.postcode,
    hideAddress: r.hide_address,
    accessibility: r.accessibility,
  }));
}
