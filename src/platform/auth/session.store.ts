// Sessions: the cookie carries a random token, the table (session.repository.ts) its hash. One
// query loads the person and their memberships, remembered here for a few seconds.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ActorMembership, NetworkRole, SignedInActor } from './actor.ts';
import * as repo from './session.repository.ts';
import { hashToken, newToken } from './tokens.ts';

/** Idle sessions end after this long; activity extends them up to the absolute limit. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 14 * 24 * 60 * 60 * 1000;
/** How stale `last_seen_at` may get before we write it again (saves a write per request). */
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(db: Kysely<DB>, personId: string, userAgent: string): Promise<string> {
  const token = newToken();
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    personId,
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    userAgent: userAgent.slice(0, 300),
  });
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
  const rows = await repo.selectLiveSessionRows(db, tokenHash, SESSION_MAX_MS);
  const first = rows[0];
  if (!first) return undefined;
  if (Date.now() - first.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(db, tokenHash, new Date(Date.now() + SESSION_IDLE_MS));
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
  await repo.deleteSessionRow(db, tokenHash);
}

/** Signs a person out on every device. */
export async function deleteAllSessions(db: Kysely<DB>, personId: string): Promise<number> {
  forgetCachedPerson(personId);
  return repo.deleteSessionRowsOf(db, personId);
}

/** Signs a person out everywhere but here (after they change their password). */
export async function deleteOtherSessions(db: Kysely<DB>, personId: string, keepTokenHash: string): Promise<number> {
  forgetCachedPerson(personId);
  return repo.deleteSessionRowsOf(db, personId, keepTokenHash);
}

export function listSessions(db: Kysely<DB>, personId: string) {
  return repo.selectLiveSessionsOf(db, personId);
}
