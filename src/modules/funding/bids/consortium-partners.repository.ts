// Who bid together, for other modules that must know (standards refuses a peer reviewer whose
// organisation was in a consortium with the organisation under review in the last three years).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * Organisations that were in a bid with `orgId` (as its lead or a partner who accepted) where
 * the bid was started on or after `since` (an ISO date). A partner who was only invited, or
 * declined, was never in the consortium.
 */
export async function consortiumPartnersSince(db: Kysely<DB>, orgId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('funding_bid_partners as mine')
    .innerJoin('funding_bids as b', 'b.id', 'mine.bid_id')
    .innerJoin('funding_bid_partners as other', 'other.bid_id', 'mine.bid_id')
    .select('other.org_id')
    .distinct()
    .where('mine.org_id', '=', orgId)
    .where('mine.status', 'in', ['lead', 'accepted'])
    .where('other.status', 'in', ['lead', 'accepted'])
    .where('other.org_id', '<>', orgId)
    .where(sql<boolean>`b.created_at >= ${since}::date`)
    .execute();
  return rows.map((r) => r.org_id);
}
