// All SQL for the pathway and mentoring.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ColumnValue } from '../../../platform/db/columns.ts';

export async function doneSteps(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('learning_pathway_steps')
    .select(['step', 'done_at', 'note'])
    .where('org_id', '=', orgId)
    .execute();
}

export async function setStep(db: Kysely<DB>, orgId: string, step: string, done: boolean, personId: string) {
  if (done) {
    await db
      .insertInto('learning_pathway_steps')
      .values({ org_id: orgId, step, done_by: personId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('learning_pathway_steps').where('org_id', '=', orgId).where('step', '=', step).execute();
  }
}

export async function mentorOffers(db: Kysely<DB>) {
  return db
    .selectFrom('learning_mentor_offers as m')
    .select((eb) => [
      'm.org_id',
      'm.capacity',
      eb
        .selectFrom('learning_mentor_requests as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.mentor_org_id', '=', 'm.org_id')
        .where('r.status', '=', 'accepted')
        .as('mentoring'),
    ])
    .execute();
}

export async function findOffer(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('learning_mentor_offers')
    .select(['capacity', 'note'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function upsertOffer(db: Kysely<DB>, orgId: string, capacity: number, note: string) {
  await db
    .insertInto('learning_mentor_offers')
    .values({ org_id: orgId, capacity, note })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ capacity, note, updated_at: new Date() }))
    .execute();
}

const requestColumns = [
  'r.id',
  'r.org_id',
  'r.mentor_org_id',
  'r.status',
  'r.message',
  'r.reasons',
  'r.made_by_coordinator',
  'r.created_at',
  'r.decided_at',
  'g.name as group_name',
  'g.slug as group_slug',
  'm.name as mentor_name',
  'm.slug as mentor_slug',
] as const;

function requests(db: Kysely<DB>) {
  return db
    .selectFrom('learning_mentor_requests as r')
    .innerJoin('organisations as g', 'g.id', 'r.org_id')
    .innerJoin('organisations as m', 'm.id', 'r.mentor_org_id')
    .select(requestColumns);
}

/** The group's open request or match, if any. */
export async function openRequestOf(db: Kysely<DB>, orgId: string) {
  return requests(db).where('r.org_id', '=', orgId).where('r.status', 'in', ['asked', 'accepted']).executeTakeFirst();
}

export async function requestsToMentor(db: Kysely<DB>, mentorOrgId: string) {
  return requests(db)
    .where('r.mentor_org_id', '=', mentorOrgId)
    .where('r.status', 'in', ['asked', 'accepted'])
    .orderBy('r.created_at')
    .execute();
}

export async function findRequest(db: Kysely<DB>, id: string) {
  return requests(db).where('r.id', '=', id).executeTakeFirst();
}

export async function allRequests(db: Kysely<DB>) {
  return requests(db).orderBy('r.created_at', 'desc').limit(200).execute();
}

/** Inserts a request; undefined when the group already has one open (the unique index says so). */
export async function insertRequest(
  db: Kysely<DB>,
  r: {
    orgId: string;
    mentorOrgId: string;
    message: string;
    reasons: string[];
    byCoordinator: boolean;
    askedBy: string;
    status: 'asked' | 'accepted';
  },
) {
  const row = await db
    .insertInto('learning_mentor_requests')
    .values({
      org_id: r.orgId,
      mentor_org_id: r.mentorOrgId,
      message: r.message,
      reasons: r.reasons,
      made_by_coordinator: r.byCoordinator,
      asked_by: r.askedBy,
      status: r.status,
      decided_at: r.status === 'accepted' ? new Date() : null,
    })
    .onConflict((oc) => oc.column('org_id').where('status', 'in', ['asked', 'accepted']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Moves a request from `from` to `to`; false when it was no longer in `from` (a replay or a race). */
export async function decideRequest(
  db: Kysely<DB>,
  id: string,
  mentorOrgId: string,
  from: ColumnValue<'learning_mentor_requests', 'status'>,
  to: ColumnValue<'learning_mentor_requests', 'status'>,
): Promise<boolean> {
  const res = await db
    .updateTable('learning_mentor_requests')
    .set({ status: to, decided_at: new Date() })
    .where('id', '=', id)
    .where('mentor_org_id', '=', mentorOrgId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function leadEmails(db: Kysely<DB>, orgId: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.email')
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'lead')
    .execute();
  return rows.map((r) => r.email);
}

export async function organisationsByStatus(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'status'])
    .where('status', 'in', ['applicant', 'member'])
    .orderBy('name')
    .execute();
}

// A person starting out before there is a group.

export async function personDoneSteps(db: Kysely<DB>, personId: string) {
  return db.selectFrom('learning_person_steps').select(['step', 'done_at']).where('person_id', '=', personId).execute();
}

export async function setPersonStep(db: Kysely<DB>, personId: string, step: string, done: boolean) {
  if (done)
    await db
      .insertInto('learning_person_steps')
      .values({ person_id: personId, step })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else
    await db.deleteFrom('learning_person_steps').where('person_id', '=', personId).where('step', '=', step).execute();
}

/** Copies a person's own ticks to their group (keeping what the group has), then clears them. */
export async function movePersonStepsToGroup(db: Kysely<DB>, personId: string, orgId: string): Promise<number> {
  const mine = await personDoneSteps(db, personId);
  if (mine.length === 0) return 0;
  const added = await db
    .insertInto('learning_pathway_steps')
    .values(mine.map((s) => ({ org_id: orgId, step: s.step, done_by: personId, done_at: s.done_at })))
    .onConflict((oc) => oc.doNothing())
    .returning('step')
    .execute();
  await db.deleteFrom('learning_person_steps').where('person_id', '=', personId).execute();
  return added.length;
}
