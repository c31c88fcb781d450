// The sessions table: a row per signed-in device, keyed by the hash of the cookie's token.
// The rules around it (lifetimes, the short cache of signed-in people) are in session.store.ts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function insertSession(
  db: Kysely<DB>,
  row: { tokenHash: string; personId: string; expiresAt: Date; userAgent: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: row.tokenHash,
      person_id: row.personId,
      expires_at: row.expiresAt,
      user_agent: row.userAgent,
    })
    .execute();
}

/**
 * The person behind a live session and one row per membership (none: one row with null org).
 * One round trip with plain joins, because aggregating to JSON and sorting with ICU in SQL
 * cost several times more on the embedded engine.
 */
export async function selectLiveSessionRows(db: Kysely<DB>, tokenHash: string, maxAgeMs: number) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('memberships as m', 'm.person_id', 'p.id')
    .leftJoin('organisations as o', 'o.id', 'm.org_id')
    .select([
      's.person_id',
      'p.email',
      'p.display_name',
      'p.network_role',
      's.last_seen_at',
      'o.id as org_id',
      'o.slug',
      'o.name',
      'm.role',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.created_at', '>', sql<Date>`now() - make_interval(secs => ${maxAgeMs / 1000})`)
    .execute();
}

export async function touchSession(db: Kysely<DB>, tokenHash: string, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSessionRow(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Deletes a person's sessions, all of them or all but one; says how many went. */
export async function deleteSessionRowsOf(db: Kysely<DB>, personId: string, keepTokenHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (keepTokenHash !== undefined) query = query.where('token_hash', '<>', keepTokenHash);
  const r = await query.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function selectLiveSessionsOf(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('sessions')
    .select(['token_hash', 'created_at', 'last_seen_at', 'user_agent'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
}
