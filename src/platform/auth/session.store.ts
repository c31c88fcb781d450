// Sessions in the database: the cookie carries a random token, the table its hash. One query
// loads the person and their memberships for every signed-in request.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ActorMembership, NetworkRole, SignedInActor } from './actor.ts';
import { hashToken, newToken } from './tokens.ts';

/** Idle sessions end after this long; activity extends them up to the absolute limit. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 14 * 24 * 60 * 60 * 1000;
/** How stale `last_seen_at` may get before we write it again (saves a write per request). */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(db: Kysely<DB>, personId: string, userAgent: string): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      person_id: personId,
      expires_at: new Date(Date.now() + SESSION_IDLE_MS),
      user_agent: userAgent.slice(0, 300),
    })
    .execute();
  return token;
}

/**
 * Signed-in people, remembered for a few seconds so a page view does not always cost a
 * database round trip. Signing out, resets and membership changes forget the person at once
 * on this instance; other instances behind a load balancer catch up within ACTOR_CACHE_MS.
 */
export const ACTOR_CACHE_MS = 3000;
const MAX_CACHED = 10_000;
const actorCache = new Map<string, { actor: SignedInActor; until: number }>();

/** Forgets one person's cached sessions (after sign-out, a reset, a change of role). */
export function forgetCachedPerson(personId: string): void {
  for (const [key, entry] of actorCache) if (entry.actor.personId === personId) actorCache.delete(key);
}

/** The person behind a session token, or undefined when it is unknown or has expired. */
export async function findSessionActor(db: Kysely<DB>, token: string): Promise<SignedInActor | undefined> {
  const tokenHash = hashToken(token);
  const cached = actorCache.get(tokenHash);
  if (cached && cached.until > Date.now()) return cached.actor;
  const actor = await loadSessionActor(db, tokenHash);
  if (actor) {
    if (actorCache.size >= MAX_CACHED) actorCache.delete(actorCache.keys().next().value!);
    actorCache.set(tokenHash, { actor, until: Date.now() + ACTOR_CACHE_MS });
  } else {
    actorCache.delete(tokenHash);
  }
  return actor;
}

async function loadSessionActor(db: Kysely<DB>, tokenHash: string): Promise<SignedInActor | undefined> {
  // One round trip, one row per membership; plain joins, because aggregating to JSON and
  // sorting with ICU in SQL cost several times more on the embedded engine.
  const rows = await db
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
    .where('s.created_at', '>', sql<Date>`now() - make_interval(secs => ${SESSION_MAX_MS / 1000})`)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  if (Date.now() - first.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  const memberships: ActorMembership[] = rows
    .filter((r) => r.org_id !== null)
    .map((r) => ({ orgId: r.org_id!, orgSlug: r.slug!, orgName: r.name!, role: r.role as ActorMembership['role'] }))
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'en-GB'));
  return {
    kind: 'person',
    personId: first.person_id,
    email: first.email,
    displayName: first.display_name,
    networkRole: first.network_role as NetworkRole | null,
    memberships,
    sessionHash: tokenHash,
  };
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  actorCache.delete(tokenHash);
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Signs a person out on every device. */
export async function deleteAllSessions(db: Kysely<DB>, personId: string): Promise<number> {
  forgetCachedPerson(personId);
  const r = await db.deleteFrom('sessions').where('person_id', '=', personId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Signs a person out everywhere but here (after they change their password). */
export async function deleteOtherSessions(db: Kysely<DB>, personId: string, keepTokenHash: string): Promise<number> {
  forgetCachedPerson(personId);
  const r = await db
    .deleteFrom('sessions')
    .where('person_id', '=', personId)
    .where('token_hash', '<>', keepTokenHash)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listSessions(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('sessions')
    .select(['token_hash', 'created_at', 'last_seen_at', 'user_agent'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
}
