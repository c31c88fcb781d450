// All SQL for the weekly digest.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** People in member organisations who have not unsubscribed, each with their unsubscribe token (made once). */
export async function digestRecipients(db: Kysely<DB>) {
  const people = await db
    .selectFrom('people as p')
    .innerJoin('memberships as m', 'm.person_id', 'p.id')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .leftJoin('learning_digest_subscriptions as s', 's.person_id', 'p.id')
    .select(['p.id', 'p.email', 's.subscribed', 's.unsubscribe_token'])
    .distinct()
    .where('o.status', '=', 'member')
    .execute();
  const missing = people.filter((p) => p.unsubscribe_token === null);
  if (missing.length) {
    await db
      .insertInto('learning_digest_subscriptions')
      .values(missing.map((p) => ({ person_id: p.id, unsubscribe_token: randomBytes(24).toString('base64url') })))
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
  }
  const tokens = await db
    .selectFrom('learning_digest_subscriptions')
    .select(['person_id', 'subscribed', 'unsubscribe_token'])
    .execute();
  const byPerson = new Map(tokens.map((t) => [t.person_id, t]));
  return people
    .map((p) => ({ personId: p.id, email: p.email, sub: byPerson.get(p.id) }))
    .filter((p) => p.sub?.subscribed)
    .map((p) => ({ personId: p.personId, email: p.email, token: p.sub!.unsubscribe_token }));
}

/** Claims this person's digest for the week; false when it has been sent (by any process). */
export async function claimDigest(db: Kysely<DB>, personId: string, weekStart: string): Promise<boolean> {
  const row = await db
    .insertInto('learning_digest_sends')
    .values({ person_id: personId, week_start: weekStart })
    .onConflict((oc) => oc.columns(['person_id', 'week_start']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findSubscriptionByToken(db: Kysely<DB>, token: string) {
  return db
    .selectFrom('learning_digest_subscriptions')
    .select(['person_id', 'subscribed'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

export async function unsubscribe(db: Kysely<DB>, token: string): Promise<boolean> {
  const res = await db
    .updateTable('learning_digest_subscriptions')
    .set({ subscribed: false, updated_at: new Date() })
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
