// All SQL about the board of funding opportunities, interest in them and deadline reminders.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export interface OpportunityInput {
  funder: string;
  programme: string;
  amountMinPence: number | null;
  amountMaxPence: number | null;
  deadline: string;
  eligibility: string;
  areas: string;
  link: string;
  notes: string;
  addedBy: string;
  addedByOrg: string | null;
}

export async function insertOpportunity(db: Kysely<DB>, o: OpportunityInput): Promise<string> {
  const row = await db
    .insertInto('funding_opportunities')
    .values({
      funder: o.funder,
      programme: o.programme,
      amount_min_pence: o.amountMinPence,
      amount_max_pence: o.amountMaxPence,
      deadline: o.deadline,
      eligibility: o.eligibility,
      areas: o.areas,
      link: o.link,
      notes: o.notes,
      added_by: o.addedBy,
      added_by_org: o.addedByOrg,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOpportunity(
  db: Kysely<DB>,
  id: string,
  o: Omit<OpportunityInput, 'addedBy' | 'addedByOrg'>,
): Promise<void> {
  await db
    .updateTable('funding_opportunities')
    .set({
      funder: o.funder,
      programme: o.programme,
      amount_min_pence: o.amountMinPence,
      amount_max_pence: o.amountMaxPence,
      deadline: o.deadline,
      eligibility: o.eligibility,
      areas: o.areas,
      link: o.link,
      notes: o.notes,
    })
    .where('id', '=', id)
    .execute();
}

/** Reminders already sent for an opportunity, forgotten when its deadline moves so they go again against the new date. */
export async function forgetReminders(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('funding_reminders').where('opportunity_id', '=', id).execute();
}

/** Removes an opportunity; interests and reminders go with it, bids keep their own terms. */
export async function deleteOpportunity(db: Kysely<DB>, id: string): Promise<boolean> {
  const gone = await db.deleteFrom('funding_opportunities').where('id', '=', id).executeTakeFirst();
  return gone.numDeletedRows > 0n;
}

/** Open (deadline today or later) or past opportunities, with how many organisations are interested. */
export async function listOpportunities(db: Kysely<DB>, today: string, which: 'open' | 'past') {
  return db
    .selectFrom('funding_opportunities as o')
    .select((eb) => [
      'o.id',
      'o.funder',
      'o.programme',
      'o.amount_min_pence',
      'o.amount_max_pence',
      'o.deadline',
      'o.areas',
      eb
        .selectFrom('funding_interests as i')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.opportunity_id', '=', 'o.id')
        .as('interested'),
    ])
    .where('o.deadline', which === 'open' ? '>=' : '<', today)
    .orderBy('o.deadline', which === 'open' ? 'asc' : 'desc')
    .limit(200)
    .execute();
}

export async function listOpenOpportunityChoices(db: Kysely<DB>) {
  return db
    .selectFrom('funding_opportunities')
    .select(['id', 'funder', 'programme', 'deadline'])
    .where('deadline', '>=', sql<string>`current_date`)
    .orderBy('deadline')
    .execute();
}

export async function findOpportunity(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db
    .selectFrom('funding_opportunities as o')
    .leftJoin('organisations as a', 'a.id', 'o.added_by_org')
    .selectAll('o')
    .select('a.name as added_by_org_name')
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Organisations interested in an opportunity: members' names only. */
export async function listInterested(db: Kysely<DB>, opportunityId: string) {
  return db
    .selectFrom('funding_interests as i')
    .innerJoin('organisations as o', 'o.id', 'i.org_id')
    .select(['o.id', 'o.name', 'o.slug'])
    .where('i.opportunity_id', '=', opportunityId)
    .where('o.status', '=', 'member')
    .orderBy('o.name')
    .execute();
}

export async function setInterest(
  db: Kysely<DB>,
  opportunityId: string,
  orgId: string,
  by: string,
  interested: boolean,
) {
  if (interested) {
    await db
      .insertInto('funding_interests')
      .values({ opportunity_id: opportunityId, org_id: orgId, marked_by: by })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom('funding_interests')
      .where('opportunity_id', '=', opportunityId)
      .where('org_id', '=', orgId)
      .execute();
  }
}

/** Interested organisations whose opportunity closes exactly `days` days after today. */
export async function interestsClosingIn(db: Kysely<DB>, today: string, days: number) {
  return db
    .selectFrom('funding_interests as i')
    .innerJoin('funding_opportunities as o', 'o.id', 'i.opportunity_id')
    .innerJoin('organisations as g', 'g.id', 'i.org_id')
    .select([
      'o.id as opportunity_id',
      'o.funder',
      'o.programme',
      'o.deadline',
      'o.link',
      'g.id as org_id',
      'g.name as org_name',
      'g.slug',
    ])
    .where(sql<boolean>`o.deadline > ${today}::date`)
    .where(sql<boolean>`o.deadline <= ${today}::date + ${days}::int`)
    .where('g.status', '=', 'member')
    .execute();
}

/** Claims one reminder: true for exactly one caller, however many run at once. */
export async function claimReminder(
  db: Kysely<DB>,
  opportunityId: string,
  orgId: string,
  daysBefore: number,
): Promise<boolean> {
  const r = await db
    .insertInto('funding_reminders')
    .values({ opportunity_id: opportunityId, org_id: orgId, days_before: daysBefore })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every deadline, for the calendar feed. */
export async function listDeadlines(db: Kysely<DB>) {
  return db
    .selectFrom('funding_opportunities')
    .select(['id', 'funder', 'programme', 'deadline', 'link', 'notes', 'created_at'])
    .orderBy('deadline', 'desc')
    .limit(1000)
    .execute();
}

/** Which of these organisations are members in good standing. */
export async function memberOrgIdsAmong(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'member')
    .execute();
  return rows.map((r) => r.id);
}
