// The bearer check's SQL: find a live API token by its hash and note that it was used, in one
// statement, so a revoked or expired token is refused from the very next request.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface LiveApiToken {
  id: string;
  scope: 'public' | 'org' | 'network';
  orgId: string | null;
}

/** The token with this hash if it is neither revoked nor expired, its last use set to now. */
export async function useLiveApiToken(db: Kysely<DB>, tokenHash: string): Promise<LiveApiToken | undefined> {
  const row = await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['id', 'scope', 'org_id'])
    .executeTakeFirst();
  return row ? { id: row.id, scope: row.scope, orgId: row.org_id } : undefined;
}
