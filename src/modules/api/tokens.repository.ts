// API tokens' SQL for the pages that make, list and revoke them. The bearer check itself is in
// platform/auth/api-tokens.repository.ts. Every statement is scoped by the owner: an
// organisation's id, or null for the network's own tokens.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ColumnValue } from '../../platform/db/columns.ts';

export type TokenScope = ColumnValue<'api_tokens', 'scope'>;

const ownedBy = (orgId: string | null) =>
  (orgId === null ? ['is', null] : ['=', orgId]) as ['is', null] | ['=', string];

export async function insertApiToken(
  db: Kysely<DB>,
  t: { tokenHash: string; name: string; scope: TokenScope; orgId: string | null; createdBy: string; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      token_hash: t.tokenHash,
      name: t.name,
      scope: t.scope,
      org_id: t.orgId,
      created_by: t.createdBy,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listApiTokens(db: Kysely<DB>, orgId: string | null) {
  const [op, value] = ownedBy(orgId);
  return db
    .selectFrom('api_tokens as t')
    .leftJoin('people as p', 'p.id', 't.created_by')
    .select([
      't.id',
      't.name',
      't.scope',
      't.created_at',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      'p.display_name as created_by_name',
    ])
    .where('t.org_id', op, value)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id')
    .limit(200)
    .execute();
}

/** Revokes a live token of this owner; undefined when there is none (missing, not theirs, or revoked already). */
export async function revokeApiToken(db: Kysely<DB>, orgId: string | null, id: string, revokedBy: string) {
  const [op, value] = ownedBy(orgId);
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(), revoked_by: revokedBy })
    .where('id', '=', id)
    .where('org_id', op, value)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'scope'])
    .executeTakeFirst();
}
