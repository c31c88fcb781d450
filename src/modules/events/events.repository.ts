// Events' own SQL: the event rows, the lists and feeds that read them.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, EventsTable } from '../../platform/db/schema.ts';

type Db = Kysely<DB>;
export type EventRow = Selectable<EventsTable>;

export interface EventFields {
  title: string;
  description_md: string;
  kind: 'online' | 'in_person' | 'hybrid';
  location_id: string | null;
  venue_name: string;
  venue_address: string;
  venue_postcode: string;
  starts_at: Date;
  ends_at: Date;
  capacity_in_person: number;
  capacity_online: number;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  audience: 'anyone' | 'network' | 'organisation';
  needs_approval: boolean;
  max_places_per_registration: number;
  offer_hold_hours: number;
  reminder_hours: number[];
  join_url: string;
  custom_questions: string[];
}

export async function insertEvent(
  db: Db,
  orgId: string | null,
  createdBy: string | null,
  f: EventFields,
): Promise<string> {
  const row = await db
    .insertInto('events')
    .values({ ...f, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Everything an event's public page needs in one round trip: the row, the host's name, the
 * places held per mode and the gallery's pictures (without their bytes).
 */
export async function findEventPage(db: Db, id: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('organisations as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select('o.name as org_name')
    .select([
      sql<number>`(select coalesce(sum(r.places), 0)::int from event_registrations r where r.event_id = e.id and r.mode = 'in_person' and r.status in ('confirmed', 'offered', 'requested'))`.as(
        'held_in_person',
      ),
      sql<number>`(select coalesce(sum(r.places), 0)::int from event_registrations r where r.event_id = e.id and r.mode = 'online' and r.status in ('confirmed', 'offered', 'requested'))`.as(
        'held_online',
      ),
      sql<
        { id: string; kind: string; alt_text: string; caption: string }[]
      >`(select coalesce(json_agg(json_build_object('id', g.id, 'kind', g.kind, 'alt_text', g.alt_text, 'caption', g.caption) order by g.created_at, g.id), '[]'::json) from event_gallery_images g where g.event_id = e.id)`.as(
        'pictures',
      ),
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the event's row for the rest of the transaction: every change of places takes this first. */
export async function lockEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateEventRow(db: Db, id: string, f: EventFields, raiseSequence: boolean): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...f, updated_at: new Date(), sequence: raiseSequence ? sql<number>`sequence + 1` : sql<number>`sequence` })
    .where('id', '=', id)
    .execute();
}

/** A new date for the event (postponed, or brought forward): always a significant change. */
export async function moveEventRow(db: Db, id: string, startsAt: Date, endsAt: Date, message: string): Promise<void> {
  await db
    .updateTable('events')
    .set({
      starts_at: startsAt,
      ends_at: endsAt,
      moved_from: sql<Date>`starts_at`,
      move_message: message,
      sequence: sql<number>`sequence + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function markEventCancelled(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('events')
    .set({ status: 'cancelled', cancel_reason: reason, sequence: sql<number>`sequence + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface EventListFilter {
  from: Date;
  to?: Date | undefined;
  orgId?: string | null | undefined;
  online?: boolean | undefined;
  /** Audiences the viewer may see beyond 'anyone'. */
  audiences: ('anyone' | 'network' | 'organisation')[];
  /** Organisations whose 'organisation' events the viewer may see. */
  memberOrgIds: string[];
  /** Town or postcode district, matched loosely. */
  area?: string | undefined;
  includeCancelled: boolean;
  limit: number;
}

export async function listEvents(db: Db, f: EventListFilter) {
  let q = db
    .selectFrom('events as e')
    .leftJoin('organisations as o', 'o.id', 'e.org_id')
    .select([
      'e.id',
      'e.title',
      'e.kind',
      'e.starts_at',
      'e.ends_at',
      'e.venue_name',
      'e.venue_postcode',
      'e.status',
      'e.audience',
    ])
    .select(['e.org_id', 'o.name as org_name', 'o.slug as org_slug'])
    .where('e.ends_at', '>=', f.from)
    .where((eb) =>
      eb.or([
        eb('e.audience', 'in', f.audiences),
        ...(f.memberOrgIds.length
          ? [eb.and([eb('e.audience', '=', 'organisation'), eb('e.org_id', 'in', f.memberOrgIds)])]
          : []),
      ]),
    )
    .orderBy('e.starts_at')
    .orderBy('e.id')
    .limit(f.limit);
  if (f.to) q = q.where('e.starts_at', '<', f.to);
  if (f.orgId !== undefined) q = f.orgId === null ? q.where('e.org_id', 'is', null) : q.where('e.org_id', '=', f.orgId);
  if (f.online) q = q.where('e.kind', 'in', ['online', 'hybrid']);
  if (!f.includeCancelled) q = q.where('e.status', '=', 'published');
  if (f.area) {
    const like = `%${f.area.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('e.venue_address', 'ilike', like),
        eb('e.venue_postcode', 'ilike', like),
        eb('e.venue_name', 'ilike', like),
      ]),
    );
  }
  return q.execute();
}

/** Events an organiser runs: an organisation's, or the network's own (orgId null). */
export async function listHostedEvents(db: Db, orgId: string | null) {
  let q = db
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.title',
      'e.kind',
      'e.starts_at',
      'e.ends_at',
      'e.status',
      'e.capacity_in_person',
      'e.capacity_online',
    ])
    .select((eb) => [
      eb
        .selectFrom('event_registrations as r')
        .select(sql<number>`coalesce(sum(r.places), 0)::int`.as('n'))
        .whereRef('r.event_id', '=', 'e.id')
        .where('r.status', 'in', ['confirmed', 'offered', 'requested'])
        .as('taken'),
      eb
        .selectFrom('event_registrations as r')
        .select(sql<number>`coalesce(sum(r.places), 0)::int`.as('n'))
        .whereRef('r.event_id', '=', 'e.id')
        .where('r.status', '=', 'waiting')
        .as('waiting'),
    ])
    .orderBy('e.starts_at', 'desc')
    .limit(200);
  q = orgId === null ? q.where('e.org_id', 'is', null) : q.where('e.org_id', '=', orgId);
  return q.execute();
}

/** Published and cancelled events for a calendar feed (cancelled ones stay, marked). */
export async function listFeedEvents(db: Db, orgId: string | null | undefined, since: Date) {
  let q = db
    .selectFrom('events')
    .selectAll()
    .where('audience', '=', 'anyone')
    .where('ends_at', '>=', since)
    .orderBy('starts_at')
    .limit(500);
  if (orgId !== undefined) q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
  return q.execute();
}

export async function orgNameOf(db: Db, orgId: string) {
  return db.selectFrom('organisations').select(['name', 'slug', 'status']).where('id', '=', orgId).executeTakeFirst();
}

export async function findMemberOrgBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'slug'])
    .where('slug', '=', slug)
    .where('status', '=', 'member')
    .executeTakeFirst();
}
