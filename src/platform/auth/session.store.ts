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

interface SessionRow {
  person_id: string;
  email: string;
  display_name: string;
  network_role: string | null;
  created_at: Date;
  last_seen_at: Date;
  memberships: { org_id: string; slug: string; name: string; role: string }[];
}

/** The person behind a session token, or undefined when it is unknown or has expired. */
export async function findSessionActor(db: Kysely<DB>, token: string): Promise<SignedInActor | undefined> {
  const tokenHash = hashToken(token);
  const { rows } = await sql<SessionRow>`
    select s.person_id, p.email, p.display_name, p.network_role, s.created_at, s.last_seen_at,
      coalesce((
        select json_agg(json_build_object('org_id', o.id, 'slug', o.slug, 'name', o.name, 'role', m.role)
                        order by o.name collate "und-x-icu")
        from memberships m join organisations o on o.id = m.org_id
        where m.person_id = p.id
      ), '[]'::json) as memberships
    from sessions s join people p on p.id = s.person_id
    where s.token_hash = ${tokenHash} and s.expires_at > now()
      and s.created_at > now() - make_interval(secs => ${SESSION_MAX_MS / 1000})`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return {
    kind: 'person',
    personId: row.person_id,
    email: row.email,
    displayName: row.display_name,
    networkRole: row.network_role as NetworkRole | null,
    memberships: row.memberships.map(
      (m): ActorMembership => ({ orgId: m.org_id, orgSlug: m.slug, orgName: m.name, role: m.role as ActorMembership['role'] }),
    ),
    sessionHash: tokenHash,
  };
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Signs a person out on every device. */
export async function deleteAllSessions(db: Kysely<DB>, personId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('person_id', '=', personId).executeTakeFirst();
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
