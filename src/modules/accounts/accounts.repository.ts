// SQL for people and their credentials.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function findPersonByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('people')
    .select(['id', 'email', 'display_name', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findPersonById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('people')
    .select(['id', 'email', 'display_name', 'password_hash', 'network_role', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Makes the account unless one with this email appeared meanwhile (then undefined). */
export async function insertPersonIfNew(
  db: Kysely<DB>,
  p: { email: string; displayName: string; passwordHash: string | null },
) {
  return db
    .insertInto('people')
    .values({ email: p.email, display_name: p.displayName, password_hash: p.passwordHash })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export async function setPasswordHash(db: Kysely<DB>, personId: string, passwordHash: string) {
  await db
    .updateTable('people')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
}

/** How many links of this kind were sent to this address in the last hour (to cap mail). */
export async function recentTokenCount(db: Kysely<DB>, email: string, purpose: 'sign_in' | 'reset_password') {
  const r = await db
    .selectFrom('email_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('purpose', '=', purpose)
    .where('created_at', '>', new Date(Date.now() - 60 * 60 * 1000))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findOrgName(db: Kysely<DB>, orgId: string) {
  return db.selectFrom('organisations').select(['name', 'slug']).where('id', '=', orgId).executeTakeFirstOrThrow();
}
