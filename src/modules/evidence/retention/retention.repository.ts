// All SQL for retention: each organisation's rule, who is past it, and the erasure batches.
// A participant's last activity is the latest of: the day their record was made, a
// questionnaire's date, a consent decision's date, and the day they used a self-completion link.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** The last activity (a UK date) of the participant whose org_id and id are the given columns. */
function lastActivity(orgId: RawBuilder<unknown>, id: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`greatest(
    (select (pp.created_at at time zone 'Europe/London')::date from evidence_participants pp
      where pp.org_id = ${orgId} and pp.id = ${id}),
    (select max(aa.assessed_on) from evidence_assessments aa where aa.org_id = ${orgId} and aa.participant_id = ${id}),
    (select max(cc.decided_on) from evidence_consents cc where cc.org_id = ${orgId} and cc.participant_id = ${id}),
    (select max((ll.used_at at time zone 'Europe/London')::date) from evidence_completion_links ll
      where ll.org_id = ${orgId} and ll.participant_id = ${id} and ll.used_at is not null)
  )::text`;
}

export interface RuleRow {
  org_id: string;
  slug: string;
  name: string;
  /** Undefined: no rule saved (the default applies); null: retention is off. */
  inactive_years: number | null | undefined;
}

/** Organisations that hold participants or have an open batch, with their saved rule. */
export async function listOrgsToCheck(db: Kysely<DB>): Promise<RuleRow[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('evidence_retention_rules as r', 'r.org_id', 'o.id')
    .select(['o.id as org_id', 'o.slug', 'o.name', 'r.inactive_years', 'r.org_id as rule_org'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('evidence_participants as p').select('p.id').whereRef('p.org_id', '=', 'o.id')),
        eb.exists(
          eb
            .selectFrom('evidence_retention_batches as b')
            .select('b.id')
            .whereRef('b.org_id', '=', 'o.id')
            .where('b.finished_at', 'is', null),
        ),
      ]),
    )
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    org_id: r.org_id,
    slug: r.slug,
    name: r.name,
    inactive_years: r.rule_org === null ? undefined : r.inactive_years,
  }));
}

export async function findRule(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_retention_rules')
    .select(['inactive_years', 'updated_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveRule(db: Kysely<DB>, orgId: string, years: number | null, personId: string) {
  await db
    .insertInto('evidence_retention_rules')
    .values({ org_id: orgId, inactive_years: years, updated_by: personId })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ inactive_years: years, updated_by: personId, updated_at: new Date() }),
    )
    .execute();
}

/** Saved rules across the network: how many organisations chose each (null: off). */
export async function countSavedRules(db: Kysely<DB>) {
  return db
    .selectFrom('evidence_retention_rules')
    .select(['inactive_years', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('inactive_years')
    .execute();
}

/** Organisations with participants (every one of them has a rule, saved or default). */
export async function countOrgsWithParticipants(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('evidence_participants')
    .select(sql<string>`count(distinct org_id)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Participants whose last activity is on or before the cut-off, leaving out anyone a lead
 * chose to keep since `keptSince`.
 */
export async function participantsPastRule(db: Kysely<DB>, orgId: string, cutoffOn: string, keptSince: Date) {
  const result = await sql<{ id: string; last_activity: string }>`
    select id, last_activity from (
      select p.id, ${lastActivity(sql`p.org_id`, sql`p.id`)} as last_activity
      from evidence_participants p
      where p.org_id = ${orgId}
        and not exists (
          select 1 from evidence_retention_batch_people k
          where k.org_id = p.org_id and k.participant_id = p.id and k.status = 'kept' and k.decided_at >= ${keptSince}
        )
    ) x
    where last_activity <= ${cutoffOn}
    order by id`.execute(db);
  return result.rows;
}

export async function findOpenBatch(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('evidence_retention_batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
}

export async function findBatch(db: Kysely<DB>, orgId: string, batchId: string) {
  return db
    .selectFrom('evidence_retention_batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', batchId)
    .executeTakeFirst();
}

export async function listFinishedBatches(db: Kysely<DB>, orgId: string, limit: number) {
  return db
    .selectFrom('evidence_retention_batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('finished_at', 'is not', null)
    .orderBy('reported_at', 'desc')
    .limit(limit)
    .execute();
}

/** A new open batch, or undefined when the organisation already has one (another run wrote it). */
export async function insertOpenBatch(
  db: Kysely<DB>,
  b: { orgId: string; inactiveYears: number; cutoffOn: string; reportedAt: Date; eraseAfter: Date },
): Promise<string | undefined> {
  const row = await db
    .insertInto('evidence_retention_batches')
    .values({
      org_id: b.orgId,
      inactive_years: b.inactiveYears,
      cutoff_on: b.cutoffOn,
      reported_at: b.reportedAt,
      erase_after: b.eraseAfter,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertBatchPeople(
  db: Kysely<DB>,
  orgId: string,
  batchId: string,
  people: readonly { id: string; last_activity: string }[],
) {
  for (let i = 0; i < people.length; i += 1000) {
    await db
      .insertInto('evidence_retention_batch_people')
      .values(
        people.slice(i, i + 1000).map((p) => ({
          org_id: orgId,
          batch_id: batchId,
          participant_id: p.id,
          last_activity: p.last_activity,
        })),
      )
      .execute();
  }
}

/** Marks as dropped everyone still due whose last activity is now later than when reported. */
export async function dropActiveMembers(db: Kysely<DB>, orgId: string, batchId: string): Promise<number> {
  const r = await sql`
    update evidence_retention_batch_people bp
    set status = 'dropped', decided_at = now()
    where bp.org_id = ${orgId} and bp.batch_id = ${batchId} and bp.status = 'due'
      and ${lastActivity(sql`bp.org_id`, sql`bp.participant_id`)} > bp.last_activity::text`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Takes the batch for erasure: only one run ever gets it (the row is locked, and once finished
 * it is no longer open). Undefined when its notice has not passed or another run took it.
 */
export async function claimBatchForErasure(db: Kysely<DB>, orgId: string, batchId: string, now: Date) {
  return db
    .updateTable('evidence_retention_batches')
    .set({ finished_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', batchId)
    .where('finished_at', 'is', null)
    .where('erase_after', '<=', now)
    .returning('id')
    .executeTakeFirst();
}

export async function setErasedCount(db: Kysely<DB>, orgId: string, batchId: string, n: number) {
  await db
    .updateTable('evidence_retention_batches')
    .set({ erased_count: n })
    .where('org_id', '=', orgId)
    .where('id', '=', batchId)
    .execute();
}

/** Members still due whose last activity is on or before the cut-off. */
export async function dueMembers(db: Kysely<DB>, orgId: string, batchId: string, cutoffOn: string) {
  const r = await sql<{ participant_id: string }>`
    select participant_id from evidence_retention_batch_people bp
    where bp.org_id = ${orgId} and bp.batch_id = ${batchId} and bp.status = 'due'
      and ${lastActivity(sql`bp.org_id`, sql`bp.participant_id`)} <= ${cutoffOn}
    order by participant_id`.execute(db);
  return r.rows.map((x) => x.participant_id);
}

/** Members left due after erasure (not past the rule any more): dropped. */
export async function dropRemaining(db: Kysely<DB>, orgId: string, batchId: string) {
  await db
    .updateTable('evidence_retention_batch_people')
    .set({ status: 'dropped', decided_at: new Date() })
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .where('status', '=', 'due')
    .execute();
}

export async function listBatchPeople(db: Kysely<DB>, orgId: string, batchId: string) {
  return db
    .selectFrom('evidence_retention_batch_people as bp')
    .innerJoin('evidence_participants as p', (j) =>
      j.onRef('p.org_id', '=', 'bp.org_id').onRef('p.id', '=', 'bp.participant_id'),
    )
    .select(['bp.participant_id', 'p.code', 'bp.last_activity', 'bp.status', 'bp.kept_reason', 'bp.decided_at'])
    .where('bp.org_id', '=', orgId)
    .where('bp.batch_id', '=', batchId)
    .orderBy('p.code')
    .execute();
}

export async function countBatchPeople(db: Kysely<DB>, orgId: string, batchId: string) {
  return db
    .selectFrom('evidence_retention_batch_people')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('last_activity').as('oldest')])
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .groupBy('status')
    .execute();
}

export async function findBatchMember(db: Kysely<DB>, orgId: string, batchId: string, participantId: string) {
  return db
    .selectFrom('evidence_retention_batch_people')
    .select(['status'])
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
}

/** Keeps a person who is still due; false when they were not (already kept, dropped or gone). */
export async function keepMember(
  db: Kysely<DB>,
  orgId: string,
  batchId: string,
  participantId: string,
  reason: string,
  personId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('evidence_retention_batch_people')
    .set({ status: 'kept', kept_reason: reason, decided_by: personId, decided_at: new Date() })
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .where('participant_id', '=', participantId)
    .where('status', '=', 'due')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
