// The demo seed's SQL: events, bookings and feedback written straight in, inside the seed's
// transaction (the use cases would send emails and queue jobs).
import type { Insertable, Kysely } from 'kysely';
import type { DB, EventFeedbackTable, EventRegistrationsTable } from '../../platform/db/schema.ts';
import type { EventFields } from './events.repository.ts';

type Db = Kysely<DB>;

export async function insertDemoEvent(
  db: Db,
  orgId: string | null,
  createdBy: string | null,
  f: EventFields,
): Promise<string> {
  return (
    await db
      .insertInto('events')
      .values({ ...f, org_id: orgId, created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertDemoRegistration(db: Db, r: Insertable<EventRegistrationsTable>): Promise<void> {
  await db.insertInto('event_registrations').values(r).execute();
}

export async function attendedRegistrationIds(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('attended_at', 'is not', null)
    .orderBy('arrival')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertDemoFeedback(db: Db, f: Insertable<EventFeedbackTable>): Promise<void> {
  await db.insertInto('event_feedback').values(f).execute();
}
