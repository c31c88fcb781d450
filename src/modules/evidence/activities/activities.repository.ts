// All SQL for activity types, sessions and volunteer hours. Every query is scoped by org_id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function listActivityTypes(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_activity_types')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .orderBy(sql`lower(name)`)
    .execute();
}

/** The ids of these activity types, adding any the organisation does not have yet. */
export async function ensureActivityTypes(
  db: Kysely<DB>,
  orgId: string,
  names: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  if (wanted.length === 0) return new Map();
  await sql`
    insert into evidence_activity_types (org_id, name)
    select ${orgId}, n from unnest(${wanted}::text[]) as t(n)
    on conflict (org_id, lower(name)) do nothing`.execute(db);
  const rows = await db
    .selectFrom('evidence_activity_types')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = any(${wanted.map((n) => n.toLowerCase())}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

export interface ActivityToStore {
  activityTypeId: string;
  heldOn: string;
  attendance: number;
  firstTimeAttendees: number | null;
  volunteers: number | null;
  volunteerHours: number | null;
  naturalKey: string;
  source: 'staff' | 'import' | 'demo';
  recordedBy: string | null;
}

/** Adds sessions; one already stored (same date and type) is skipped. Returns how many were added. */
export async function insertActivities(
  db: Kysely<DB>,
  orgId: string,
  activities: readonly ActivityToStore[],
): Promise<number> {
  let added = 0;
  for (let start = 0; start < activities.length; start += 1000) {
    const rows = await db
      .insertInto('evidence_activities')
      .values(
        activities.slice(start, start + 1000).map((a) => ({
          org_id: orgId,
          activity_type_id: a.activityTypeId,
          held_on: a.heldOn,
          attendance: a.attendance,
          first_time_attendees: a.firstTimeAttendees,
          volunteers: a.volunteers,
          volunteer_hours: a.volunteerHours,
          natural_key: a.naturalKey,
          source: a.source,
          recorded_by: a.recordedBy,
        })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'natural_key']).doNothing())
      .returning('id')
      .execute();
    added += rows.length;
  }
  return added;
}

export async function listActivities(db: Kysely<DB>, orgId: string, page: number, perPage: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('evidence_activities as a')
      .innerJoin('evidence_activity_types as t', 't.id', 'a.activity_type_id')
      .select([
        'a.id',
        'a.held_on',
        't.name as type_name',
        'a.attendance',
        'a.first_time_attendees',
        'a.volunteers',
        'a.volunteer_hours',
        'a.source',
      ])
      .where('a.org_id', '=', orgId)
      .orderBy('a.held_on', 'desc')
      .orderBy('t.name')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    db
      .selectFrom('evidence_activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertVolunteerHours(
  db: Kysely<DB>,
  orgId: string,
  h: {
    workedOn: string;
    volunteerLabel: string;
    volunteers: number;
    hours: number;
    note: string;
    recordedBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('evidence_volunteer_hours')
    .values({
      org_id: orgId,
      worked_on: h.workedOn,
      volunteer_label: h.volunteerLabel,
      volunteers: h.volunteers,
      hours: h.hours,
      note: h.note,
      recorded_by: h.recordedBy,
    })
    .execute();
}

export async function listVolunteerHours(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_volunteer_hours')
    .select(['id', 'worked_on', 'volunteer_label', 'volunteers', 'hours', 'note'])
    .where('org_id', '=', orgId)
    .orderBy('worked_on', 'desc')
    .limit(50)
    .execute();
}

export interface StoredSession {
  id: string;
  held_on: string;
  type_name: string;
  attendance: number;
  first_time_attendees: number | null;
  volunteers: number | null;
  volunteer_hours: number | null;
}

export async function findSession(db: Kysely<DB>, orgId: string, id: string): Promise<StoredSession | undefined> {
  return db
    .selectFrom('evidence_activities as a')
    .innerJoin('evidence_activity_types as t', 't.id', 'a.activity_type_id')
    .select([
      'a.id',
      'a.held_on',
      't.name as type_name',
      'a.attendance',
      'a.first_time_attendees',
      'a.volunteers',
      'a.volunteer_hours',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.id', '=', id)
    .forUpdate('a')
    .executeTakeFirst();
}

/** Changes one session; false when another session already has its date and activity. */
export async function updateSession(
  db: Kysely<DB>,
  orgId: string,
  id: string,
  s: Omit<ActivityToStore, 'source' | 'recordedBy'>,
): Promise<boolean> {
  const clash = await db
    .selectFrom('evidence_activities')
    .select('id')
    .where('org_id', '=', orgId)
    .where('natural_key', '=', s.naturalKey)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (clash) return false;
  await db
    .updateTable('evidence_activities')
    .set({
      activity_type_id: s.activityTypeId,
      held_on: s.heldOn,
      attendance: s.attendance,
      first_time_attendees: s.firstTimeAttendees,
      volunteers: s.volunteers,
      volunteer_hours: s.volunteerHours,
      natural_key: s.naturalKey,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  return true;
}

export async function deleteSession(db: Kysely<DB>, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('evidence_activities').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export interface StoredHours {
  id: string;
  worked_on: string;
  volunteer_label: string;
  volunteers: number;
  hours: number;
  note: string;
}

export async function findVolunteerHours(db: Kysely<DB>, orgId: string, id: string): Promise<StoredHours | undefined> {
  return db
    .selectFrom('evidence_volunteer_hours')
    .select(['id', 'worked_on', 'volunteer_label', 'volunteers', 'hours', 'note'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateVolunteerHours(
  db: Kysely<DB>,
  orgId: string,
  id: string,
  h: { workedOn: string; volunteerLabel: string; volunteers: number; hours: number; note: string },
): Promise<void> {
  await db
    .updateTable('evidence_volunteer_hours')
    .set({
      worked_on: h.workedOn,
      volunteer_label: h.volunteerLabel,
      volunteers: h.volunteers,
      hours: h.hours,
      note: h.note,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteVolunteerHours(db: Kysely<DB>, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('evidence_volunteer_hours').where('org_id', '=', orgId).where('id', '=', id).execute();
}
