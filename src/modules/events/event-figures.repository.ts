// What an organisation's events came to, for other modules (the standards self-assessment's
// live figures): events it hosted that took place, and the people marked present at them.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface EventFigures {
  /** Events the organisation hosted that finished between the dates and were not called off. */
  eventsHeld: number;
  /** Places of registrations marked present at those events (walk-ins included). */
  eventAttendances: number;
}

/** Counts from `from` (an ISO date, inclusive) to now. */
export async function eventFiguresForOrg(db: Kysely<DB>, orgId: string, from: string): Promise<EventFigures> {
  const row = await db
    .selectFrom('events as e')
    .leftJoin('event_registrations as r', (j) => j.onRef('r.event_id', '=', 'e.id').on('r.attended_at', 'is not', null))
    .select([
      sql<number>`count(distinct e.id)::int`.as('events_held'),
      sql<number>`coalesce(sum(r.places), 0)::int`.as('attendances'),
    ])
    .where('e.org_id', '=', orgId)
    .where('e.status', '=', 'published')
    .where('e.ends_at', '>=', sql<Date>`${from}::date`)
    .where('e.ends_at', '<=', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return { eventsHeld: Number(row.events_held), eventAttendances: Number(row.attendances) };
}
