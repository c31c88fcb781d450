// Who hears about a problem with a listing: the organisation's leads (coordinators if it has none).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function listingRecipients(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const leads = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.email')
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'lead')
    .orderBy('p.email')
    .execute();
  if (leads.length > 0) return leads.map((r) => r.email);
  const coordinators = await db
    .selectFrom('people')
    .select('email')
    .where('network_role', 'in', ['coordinator', 'admin'])
    .orderBy('email')
    .execute();
  return coordinators.map((r) => r.email);
}
