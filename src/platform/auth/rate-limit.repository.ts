// Rate-limit counters in the database, so a limit holds across server instances. One statement
// inserts or increments every counter a request touches and decides, so concurrent requests
// queue on the counter's row and no more than the limit are ever let through.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface RateRule {
  /** Unique per rule and subject; hashed by the caller (see rateKey). */
  key: string;
  /** Hits allowed in a window. */
  limit: number;
  windowSeconds: number;
}

/** A counter's key: a hash of what it counts, so the table holds no emails or addresses. */
export function rateKey(kind: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\u0000'))
    .digest('hex');
}

/** Counts one hit on each rule and says whether every one is still within its limit. */
export async function hitRateLimits(db: Kysely<DB>, rules: readonly RateRule[]): Promise<boolean> {
  if (rules.length === 0) return true;
  // Same order everywhere, so two statements never lock the same rows in opposite orders.
  const sorted = [...new Map(rules.map((r) => [r.key, r])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const wanted = sql.join(sorted.map((r) => sql`(${r.key}::text, ${r.limit}::int, ${r.windowSeconds}::int)`));
  const { rows } = await sql<{ allowed: boolean }>`
    with wanted (key, max_hits, window_seconds) as (values ${wanted}),
    bumped as (
      insert into rate_limit_counters as c (key, window_seconds, window_started_at, hits)
      select key, window_seconds, now(), 1 from wanted order by key
      on conflict (key) do update set
        window_seconds = excluded.window_seconds,
        hits = case when c.window_started_at <= now() - make_interval(secs => excluded.window_seconds) then 1 else c.hits + 1 end,
        window_started_at = case when c.window_started_at <= now() - make_interval(secs => excluded.window_seconds) then now() else c.window_started_at end
      returning c.key, c.hits
    )
    select coalesce(bool_and(b.hits <= w.max_hits), true) as allowed from bumped b join wanted w on w.key = b.key`.execute(
    db,
  );
  return rows[0]?.allowed ?? true;
}

/** Takes back one hit from each key (a sign-in that succeeded should not count against anyone). */
export async function refundRateLimits(db: Kysely<DB>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('rate_limit_counters')
    .set((eb) => ({ hits: sql<number>`greatest(${eb.ref('hits')} - 1, 0)` }))
    .where('key', 'in', [...keys])
    .execute();
}

/** Clears counters outright (a successful sign-in clears that person's slate at that address). */
export async function clearRateLimits(db: Kysely<DB>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom('rate_limit_counters')
    .where('key', 'in', [...keys])
    .execute();
}

/** Drops counters whose window is over, to keep the table small (a scheduled job). */
export async function deleteExpiredRateLimits(db: Kysely<DB>): Promise<number> {
  const r = await db
    .deleteFrom('rate_limit_counters')
    .where(sql<boolean>`window_started_at <= now() - make_interval(secs => window_seconds)`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
