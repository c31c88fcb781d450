// Sign-in rate limiting, kept in the database so it holds across server instances.
// Counting failures per email stops guessing one person's password; per address stops
// one machine trying many accounts.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export interface FailureCounts {
  byEmail: number;
  byIp: number;
}

/** Pure rule: is another attempt allowed, given the failures in the window? */
export function isThrottled(counts: FailureCounts): boolean {
  return counts.byEmail >= MAX_FAILURES_PER_EMAIL || counts.byIp >= MAX_FAILURES_PER_IP;
}

export async function countRecentFailures(db: Kysely<DB>, email: string, ip: string): Promise<FailureCounts> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('email', '=', email).as('by_email'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
    ])
    .where('at', '>', since)
    .where('succeeded', '=', false)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.by_email), byIp: Number(row.by_ip) };
}

export async function recordAttempt(db: Kysely<DB>, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insertInto('sign_in_attempts').values({ email, ip, succeeded }).execute();
  if (succeeded) {
    // A successful sign-in clears that person's slate.
    await db.deleteFrom('sign_in_attempts').where('email', '=', email).where('succeeded', '=', false).execute();
  }
  // Keep the table small.
  await db.deleteFrom('sign_in_attempts').where('at', '<', new Date(Date.now() - 24 * 60 * 60 * 1000)).execute();
}
