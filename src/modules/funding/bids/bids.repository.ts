// All SQL about consortium bids. Every read of a bid starts from the asking organisation's
// place in it (funding_bid_partners), so a bid an organisation has no part in is never read.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { PartnerStanding } from '../funding.policy.ts';
import type { ColumnValue } from '../../../platform/db/columns.ts';

export interface BidRow {
  id: string;
  lead_org_id: string;
  opportunity_id: string | null;
  title: string;
  summary: string;
  total_pence: number;
  currency: string;
  running_costs_pence: number | null;
  status: string;
  created_at: Date;
}

/** The bid with this organisation's standing in it, or undefined when the organisation has no part in it. */
export async function findBidFor(
  db: Kysely<DB>,
  orgId: string,
  bidId: string,
): Promise<{ bid: BidRow; standing: PartnerStanding } | undefined> {
  const row = await db
    .selectFrom('funding_bid_partners as p')
    .innerJoin('funding_bids as b', 'b.id', 'p.bid_id')
    .select([
      'b.id',
      'b.org_id as lead_org_id',
      'b.opportunity_id',
      'b.title',
      'b.summary',
      'b.total_pence',
      'b.currency',
      'b.running_costs_pence',
      'b.status',
      'b.created_at',
      'p.status as standing',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.bid_id', '=', bidId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { standing, ...bid } = row;
  return { bid, standing: standing as PartnerStanding };
}

export async function listBidsFor(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('funding_bid_partners as p')
    .innerJoin('funding_bids as b', 'b.id', 'p.bid_id')
    .innerJoin('organisations as lead', 'lead.id', 'b.org_id')
    .select([
      'b.id',
      'b.title',
      'b.total_pence',
      'b.currency',
      'b.status',
      'p.status as standing',
      'p.role',
      'lead.name as lead_name',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.status', '<>', 'declined')
    .orderBy('b.created_at', 'desc')
    .execute();
}

export async function insertBid(
  db: Kysely<DB>,
  b: {
    leadOrgId: string;
    opportunityId: string | null;
    title: string;
    totalPence: number;
    summary: string;
    createdBy: string;
    role: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('funding_bids')
    .values({
      org_id: b.leadOrgId,
      opportunity_id: b.opportunityId,
      title: b.title,
      total_pence: b.totalPence,
      summary: b.summary,
      created_by: b.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('funding_bid_partners')
    .values({
      bid_id: row.id,
      org_id: b.leadOrgId,
      role: b.role,
      status: 'lead',
      responded_at: new Date(),
      responded_by: b.createdBy,
    })
    .execute();
  return row.id;
}

export async function updateBid(
  db: Kysely<DB>,
  bidId: string,
  leadOrgId: string,
  b: {
    title: string;
    summary: string;
    totalPence: number;
    runningCostsPence: number | null;
    status: ColumnValue<'funding_bids', 'status'>;
  },
) {
  await db
    .updateTable('funding_bids')
    .set({
      title: b.title,
      summary: b.summary,
      total_pence: b.totalPence,
      running_costs_pence: b.runningCostsPence,
      status: b.status,
    })
    .where('id', '=', bidId)
    .where('org_id', '=', leadOrgId)
    .execute();
}

export async function listPartners(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('funding_bid_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .select(['p.org_id', 'o.name', 'o.slug', 'p.role', 'p.status', 'p.invited_at', 'p.responded_at'])
    .where('p.bid_id', '=', bidId)
    .orderBy(sql`case p.status when 'lead' then 0 when 'accepted' then 1 when 'invited' then 2 else 3 end`)
    .orderBy('o.name')
    .execute();
}

/** Invites an organisation; an earlier decline becomes a fresh invitation. False when it is already in the bid. */
export async function invitePartner(db: Kysely<DB>, bidId: string, orgId: string, role: string): Promise<boolean> {
  const r = await db
    .insertInto('funding_bid_partners')
    .values({ bid_id: bidId, org_id: orgId, role, status: 'invited' })
    .onConflict((oc) =>
      oc
        .columns(['bid_id', 'org_id'])
        .doUpdateSet({ status: 'invited', role, invited_at: sql`now()`, responded_at: null, responded_by: null })
        .where('funding_bid_partners.status', '=', 'declined'),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Accepts or declines, only while invited: a replayed answer changes nothing. */
export async function respondToInvitation(
  db: Kysely<DB>,
  bidId: string,
  orgId: string,
  accept: boolean,
  by: string,
): Promise<boolean> {
  const r = await db
    .updateTable('funding_bid_partners')
    .set({ status: accept ? 'accepted' : 'declined', responded_at: new Date(), responded_by: by })
    .where('bid_id', '=', bidId)
    .where('org_id', '=', orgId)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setPartnerRole(db: Kysely<DB>, bidId: string, orgId: string, role: string) {
  await db
    .updateTable('funding_bid_partners')
    .set({ role })
    .where('bid_id', '=', bidId)
    .where('org_id', '=', orgId)
    .execute();
}

export async function listBudgetLines(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('funding_budget_lines')
    .select(['org_id', 'description', 'amount_pence'])
    .where('bid_id', '=', bidId)
    .execute();
}

/** Replaces the bid's budget lines with these (the caller has checked they balance). */
export async function replaceBudgetLines(
  db: Kysely<DB>,
  bidId: string,
  lines: readonly { orgId: string; description: string; pence: number }[],
) {
  await db.deleteFrom('funding_budget_lines').where('bid_id', '=', bidId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('funding_budget_lines')
    .values(lines.map((l) => ({ bid_id: bidId, org_id: l.orgId, description: l.description, amount_pence: l.pence })))
    .execute();
}

export async function listTasks(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('funding_bid_tasks as t')
    .innerJoin('organisations as o', 'o.id', 't.org_id')
    .select(['t.id', 't.title', 't.due_on', 't.done', 't.org_id', 'o.name as owner'])
    .where('t.bid_id', '=', bidId)
    .orderBy('t.done')
    .orderBy(sql`t.due_on nulls last`)
    .orderBy('t.created_at')
    .execute();
}

export async function insertTask(
  db: Kysely<DB>,
  bidId: string,
  t: { ownerOrgId: string; title: string; dueOn: string | null },
) {
  await db
    .insertInto('funding_bid_tasks')
    .values({ bid_id: bidId, org_id: t.ownerOrgId, title: t.title, due_on: t.dueOn })
    .execute();
}

export async function setTaskDone(db: Kysely<DB>, bidId: string, taskId: string, done: boolean): Promise<boolean> {
  const r = await db
    .updateTable('funding_bid_tasks')
    .set({ done })
    .where('bid_id', '=', bidId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listDocuments(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('funding_bid_documents as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.document_key', 'd.version', 'd.title', 'd.body', 'd.created_at', 'o.name as added_by_org'])
    .where('d.bid_id', '=', bidId)
    .orderBy('d.title')
    .orderBy('d.document_key')
    .orderBy('d.version', 'desc')
    .execute();
}

export async function findDocumentKey(db: Kysely<DB>, bidId: string, documentKey: string) {
  return db
    .selectFrom('funding_bid_documents')
    .select(['document_key', sql<number>`max(version)`.as('latest')])
    .where('bid_id', '=', bidId)
    .where('document_key', '=', documentKey)
    .groupBy('document_key')
    .executeTakeFirst();
}

/** A new version; the unique (document_key, version) refuses a second writer of the same number. */
export async function insertDocumentVersion(
  db: Kysely<DB>,
  d: {
    bidId: string;
    orgId: string;
    documentKey: string;
    version: number;
    title: string;
    body: string;
    addedBy: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('funding_bid_documents')
    .values({
      bid_id: d.bidId,
      org_id: d.orgId,
      document_key: d.documentKey,
      version: d.version,
      title: d.title,
      body: d.body,
      added_by: d.addedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The latest version of a document in this bid, by version id. */
export async function findLatestVersion(db: Kysely<DB>, bidId: string, documentId: string) {
  return db
    .selectFrom('funding_bid_documents as d')
    .select(['d.id', 'd.document_key', 'd.version'])
    .where('d.bid_id', '=', bidId)
    .where('d.id', '=', documentId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('funding_bid_documents as n')
            .select('n.id')
            .whereRef('n.document_key', '=', 'd.document_key')
            .whereRef('n.version', '>', 'd.version'),
        ),
      ),
    )
    .executeTakeFirst();
}

export async function insertSignoff(db: Kysely<DB>, documentId: string, orgId: string, by: string): Promise<boolean> {
  const r = await db
    .insertInto('funding_bid_signoffs')
    .values({ document_id: documentId, org_id: orgId, signed_by: by })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listSignoffs(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('funding_bid_signoffs as s')
    .innerJoin('funding_bid_documents as d', 'd.id', 's.document_id')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .select(['s.document_id', 's.org_id', 'o.name', 's.signed_at'])
    .where('d.bid_id', '=', bidId)
    .execute();
}

export async function listNotes(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('funding_bid_notes as n')
    .innerJoin('organisations as o', 'o.id', 'n.org_id')
    .leftJoin('people as p', 'p.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'o.name as org_name', 'p.display_name as author'])
    .where('n.bid_id', '=', bidId)
    .orderBy('n.created_at')
    .execute();
}

export async function insertNote(db: Kysely<DB>, bidId: string, orgId: string, authorId: string, body: string) {
  await db
    .insertInto('funding_bid_notes')
    .values({ bid_id: bidId, org_id: orgId, author_id: authorId, body })
    .execute();
}

/** Members a lead may invite: every member but the bid's own partners. */
export async function listInvitableMembers(db: Kysely<DB>, bidId: string) {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name', 'o.slug'])
    .where('o.status', '=', 'member')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('funding_bid_partners as p')
            .select('p.org_id')
            .whereRef('p.org_id', '=', 'o.id')
            .where('p.bid_id', '=', bidId)
            .where('p.status', '<>', 'declined'),
        ),
      ),
    )
    .orderBy('o.name')
    .execute();
}

export async function findMemberBySlug(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'slug'])
    .where('slug', '=', slug)
    .where('status', '=', 'member')
    .executeTakeFirst();
}

export async function leadEmailsOf(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.email')
    .where('m.org_id', '=', orgId)
    .where('m.role', 'in', ['lead', 'worker'])
    .execute();
  return rows.map((r) => r.email);
}
