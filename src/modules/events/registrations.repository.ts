// Registrations, the once-only email ledger and feedback: all their SQL.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, EventRegistrationsTable } from '../../platform/db/schema.ts';
import type { CustomAnswer } from './domain/custom-questions.ts';
import type { Mode } from './domain/places.ts';

type Db = Kysely<DB>;
export type RegistrationRow = Selectable<EventRegistrationsTable>;
export type RegistrationStatus =
  | 'requested'
  | 'confirmed'
  | 'waiting'
  | 'offered'
  | 'cancelled'
  | 'declined'
  | 'expired';

export interface NewRegistration {
  id: string;
  event_id: string;
  org_id: string | null;
  person_id: string | null;
  name: string;
  email: string;
  places: number;
  mode: Mode;
  status: RegistrationStatus;
  offer_expires_at?: Date | null;
  walk_in?: boolean;
  access_needs: string;
  dietary_needs: string;
  heard_from: string;
  custom_answers: CustomAnswer[];
  token_hash: string;
  attended_at?: Date | null;
}

export async function insertRegistration(db: Db, r: NewRegistration): Promise<RegistrationRow> {
  // JSON text: a JavaScript array would otherwise go to the driver as a PostgreSQL array.
  return db
    .insertInto('event_registrations')
    .values({ ...r, custom_answers: JSON.stringify(r.custom_answers) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRegistrationByTokenHash(db: Db, tokenHash: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findRegistration(db: Db, eventId: string, id: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Places held (confirmed, offered, awaiting approval), summed per mode: one row a mode. */
export async function holdingPlaces(db: Db, eventId: string) {
  return db
    .selectFrom('event_registrations')
    .select(['mode', sql<number>`sum(places)::int`.as('places')])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'offered', 'requested'])
    .groupBy('mode')
    .execute() as Promise<{ mode: Mode; places: number }[]>;
}

/** Is this email already booked, asking, offered or waiting for the event? */
export async function hasActiveBookingFor(db: Db, eventId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .where('status', 'in', ['requested', 'confirmed', 'waiting', 'offered'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function waitingInArrivalOrder(db: Db, eventId: string) {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'mode', 'places'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('arrival')
    .execute() as Promise<{ id: string; mode: Mode; places: number }[]>;
}

export async function setStatus(
  db: Db,
  ids: readonly string[],
  status: RegistrationStatus,
  offerExpiresAt: Date | null = null,
) {
  if (!ids.length) return;
  await db
    .updateTable('event_registrations')
    .set({ status, offer_expires_at: offerExpiresAt, updated_at: new Date() })
    .where('id', 'in', ids)
    .execute();
}

export async function setPlaces(db: Db, id: string, places: number) {
  await db.updateTable('event_registrations').set({ places, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function updateAnswers(
  db: Db,
  id: string,
  a: { access_needs: string; dietary_needs: string; custom_answers: CustomAnswer[] },
) {
  await db
    .updateTable('event_registrations')
    .set({ ...a, custom_answers: JSON.stringify(a.custom_answers), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function registrationsOf(db: Db, eventId: string, statuses: readonly RegistrationStatus[]) {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', 'in', statuses)
    .orderBy('arrival')
    .execute();
}

export async function allRegistrationsOf(db: Db, eventId: string) {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).orderBy('arrival').execute();
}

export async function setAttended(db: Db, eventId: string, id: string, attended: boolean): Promise<boolean> {
  const r = await db
    .updateTable('event_registrations')
    .set({ attended_at: attended ? new Date() : null, updated_at: new Date() })
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Offers whose hold has run out, with their event, oldest first. */
export async function expiredOffers(db: Db, now: Date) {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'event_id'])
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .orderBy('offer_expires_at')
    .limit(500)
    .execute();
}

/**
 * Claims an email for a registration: true only for the one caller that inserted the row, so
 * two job runners (or two app processes) never send the same email twice.
 */
export async function claimEmail(db: Db, registrationId: string, kind: string): Promise<boolean> {
  const r = await db
    .insertInto('event_emails_sent')
    .values({ registration_id: registrationId, kind })
    .onConflict((oc) => oc.columns(['registration_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Confirmed registrations with an email whose event starts within `hours` from now and has not started. */
export async function dueReminders(db: Db, now: Date) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id', 'r.created_at', 'e.reminder_hours', 'e.starts_at'])
    .where('r.status', '=', 'confirmed')
    .where('r.email', '<>', '')
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', now)
    .where(
      'e.starts_at',
      '<=',
      sql<Date>`${now}::timestamptz + make_interval(hours => (select max(h) from unnest(e.reminder_hours) h))`,
    )
    .execute();
}

/** People who came (or, where no register was kept, were confirmed) to events that ended in the last week. */
export async function dueFeedbackRequests(db: Db, now: Date) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id'])
    .where('r.status', '=', 'confirmed')
    .where('r.email', '<>', '')
    .where('e.status', '=', 'published')
    .where('e.ends_at', '<=', now)
    .where('e.ends_at', '>', sql<Date>`${now}::timestamptz - interval '7 days'`)
    .where((eb) =>
      eb.or([
        eb('r.attended_at', 'is not', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('event_registrations as a')
              .select('a.id')
              .whereRef('a.event_id', '=', 'e.id')
              .where('a.attended_at', 'is not', null),
          ),
        ),
      ]),
    )
    .execute();
}

export interface FeedbackFields {
  rating: number | null;
  struck_chord: string;
  could_be_better: string;
  quote_consent: 'none' | 'anonymous' | 'first_name';
  first_name: string;
}

/** One feedback per registration; a second submission replaces the first. */
export async function saveFeedback(
  db: Db,
  eventId: string,
  orgId: string | null,
  registrationId: string,
  f: FeedbackFields,
) {
  await db
    .insertInto('event_feedback')
    .values({ event_id: eventId, org_id: orgId, registration_id: registrationId, ...f })
    .onConflict((oc) => oc.column('registration_id').doUpdateSet({ ...f, created_at: new Date() }))
    .execute();
}

export async function feedbackOf(db: Db, eventId: string) {
  return db.selectFrom('event_feedback').selectAll().where('event_id', '=', eventId).orderBy('created_at').execute();
}

export async function findFeedback(db: Db, registrationId: string) {
  return db.selectFrom('event_feedback').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
}

export interface ConsentedCommentFilter {
  orgId?: string | null | undefined;
  since?: Date | undefined;
}

export async function consentedComments(db: Db, f: ConsentedCommentFilter) {
  let q = db
    .selectFrom('event_feedback as f')
    .innerJoin('events as e', 'e.id', 'f.event_id')
    .select([
      'f.id',
      'f.event_id',
      'e.title',
      'e.org_id',
      'e.starts_at',
      'f.struck_chord',
      'f.could_be_better',
      'f.quote_consent',
      'f.first_name',
      'f.created_at',
    ])
    .where('f.quote_consent', 'in', ['anonymous', 'first_name'])
    .orderBy('f.created_at');
  if (f.orgId !== undefined) q = f.orgId === null ? q.where('e.org_id', 'is', null) : q.where('e.org_id', '=', f.orgId);
  if (f.since) q = q.where('f.created_at', '>=', f.since);
  return q.execute();
}
