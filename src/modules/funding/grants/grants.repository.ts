// All SQL about imported grants, their sources and the keyword list.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { GrantRecord } from '../import/to-record.ts';

export interface SourceInput {
  title: string;
  publisherName: string;
  publisherIdentifier: string;
  licence: string;
  fileName: string;
  importedBy: string | null;
}

/** The source a file's grants come from: the existing one for the same publisher, title and licence. */
export async function upsertSource(db: Kysely<DB>, s: SourceInput): Promise<string> {
  const row = await db
    .insertInto('funding_sources')
    .values({
      title: s.title,
      publisher_name: s.publisherName,
      publisher_identifier: s.publisherIdentifier,
      licence: s.licence,
      file_name: s.fileName,
      imported_by: s.importedBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['publisher_name', 'title', 'licence'])
        .doUpdateSet({ file_name: s.fileName, imported_at: sql`now()`, imported_by: s.importedBy }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function refreshSourceCount(db: Kysely<DB>, sourceId: string): Promise<void> {
  await db
    .updateTable('funding_sources')
    .set({ grant_count: sql<number>`(select count(*) from funding_grants g where g.source_id = ${sourceId})` })
    .where('id', '=', sourceId)
    .execute();
}

/**
 * Inserts new grants and updates changed ones; a grant whose fields are all the same is left
 * alone. Returns how many were added and how many changed.
 */
export async function upsertGrants(
  db: Kysely<DB>,
  sourceId: string,
  records: readonly GrantRecord[],
): Promise<{ added: number; changed: number }> {
  if (records.length === 0) return { added: 0, changed: 0 };
  const rows = await db
    .insertInto('funding_grants')
    .values(
      records.map((r) => ({
        grant_id: r.grantId,
        source_id: sourceId,
        title: r.title,
        description: r.description,
        currency: r.currency,
        amount_pence: r.amountPence,
        award_date: r.awardDate,
        funder_id: r.funderId,
        funder_name: r.funderName,
        recipient_id: r.recipientId,
        recipient_name: r.recipientName,
        recipient_charity: r.recipientCharity,
        recipient_company: r.recipientCompany,
        programme: r.programme,
        area: r.area,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('grant_id')
        .doUpdateSet((eb) => ({
          source_id: eb.ref('excluded.source_id'),
          title: eb.ref('excluded.title'),
          description: eb.ref('excluded.description'),
          currency: eb.ref('excluded.currency'),
          amount_pence: eb.ref('excluded.amount_pence'),
          award_date: eb.ref('excluded.award_date'),
          funder_id: eb.ref('excluded.funder_id'),
          funder_name: eb.ref('excluded.funder_name'),
          recipient_id: eb.ref('excluded.recipient_id'),
          recipient_name: eb.ref('excluded.recipient_name'),
          recipient_charity: eb.ref('excluded.recipient_charity'),
          recipient_company: eb.ref('excluded.recipient_company'),
          programme: eb.ref('excluded.programme'),
          area: eb.ref('excluded.area'),
          updated_at: sql`now()`,
        }))
        .where(
          sql<boolean>`(funding_grants.title, funding_grants.description, funding_grants.currency, funding_grants.amount_pence,
            funding_grants.award_date, funding_grants.funder_id, funding_grants.funder_name, funding_grants.recipient_id,
            funding_grants.recipient_name, funding_grants.recipient_charity, funding_grants.recipient_company,
            funding_grants.programme, funding_grants.area)
          is distinct from (excluded.title, excluded.description, excluded.currency, excluded.amount_pence,
            excluded.award_date, excluded.funder_id, excluded.funder_name, excluded.recipient_id, excluded.recipient_name,
            excluded.recipient_charity, excluded.recipient_company, excluded.programme, excluded.area)`,
        ),
    )
    // xmax is 0 on a freshly inserted row version and not on an updated one.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  const added = rows.filter((r) => r.inserted).length;
  return { added, changed: rows.length - added };
}

/** Sets each listed grant's keyword flag (all grants when ids is undefined) from the keyword list. */
export async function flagByKeywords(db: Kysely<DB>, grantIds?: readonly string[]): Promise<void> {
  let q = db.updateTable('funding_grants as g').set({
    keyword: sql<string | null>`(select k.keyword from funding_keywords k
      where position(k.keyword in lower(g.title || ' ' || g.description)) > 0 order by k.keyword limit 1)`,
  });
  if (grantIds) q = q.where('g.grant_id', '=', sql<string>`any(${sql.val([...grantIds])}::text[])`);
  await q.execute();
}

export async function listKeywords(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('funding_keywords').select('keyword').orderBy('keyword').execute()).map((r) => r.keyword);
}

export async function addKeyword(db: Kysely<DB>, keyword: string, by: string): Promise<boolean> {
  const r = await db
    .insertInto('funding_keywords')
    .values({ keyword, added_by: by })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeKeyword(db: Kysely<DB>, keyword: string): Promise<boolean> {
  const r = await db.deleteFrom('funding_keywords').where('keyword', '=', keyword).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countGrants(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('funding_grants')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listSources(db: Kysely<DB>) {
  return db.selectFrom('funding_sources').selectAll().orderBy('publisher_name').orderBy('title').execute();
}

/** A grant is "about recovery" when it went to a member (by identifier) or a keyword matched. */
function recoveryFilter(memberIds: readonly string[]) {
  return sql<boolean>`(g.keyword is not null or g.recipient_id = any(${sql.val([...memberIds])}::text[]))`;
}

export async function listRecoveryFunders(db: Kysely<DB>, memberIds: readonly string[]) {
  return db
    .selectFrom('funding_grants as g')
    .select([
      'g.funder_id',
      sql<string>`min(g.funder_name)`.as('funder_name'),
      'g.currency',
      sql<string>`count(*)`.as('grants'),
      sql<string>`sum(g.amount_pence)`.as('total'),
      sql<string>`count(*) filter (where g.recipient_id = any(${sql.val([...memberIds])}::text[]) and g.recipient_id <> '')`.as(
        'member_grants',
      ),
      sql<Date>`max(g.award_date)`.as('latest'),
    ])
    .where(recoveryFilter(memberIds))
    .groupBy(['g.funder_id', 'g.currency'])
    .orderBy(sql`sum(g.amount_pence)`, 'desc')
    .execute();
}

export async function funderTotalsByYear(db: Kysely<DB>, funderId: string, memberIds: readonly string[]) {
  return db
    .selectFrom('funding_grants as g')
    .select([
      sql<number>`extract(year from g.award_date)::int`.as('year'),
      'g.currency',
      sql<string>`count(*)`.as('grants'),
      sql<string>`sum(g.amount_pence)`.as('total'),
    ])
    .where('g.funder_id', '=', funderId)
    .where(recoveryFilter(memberIds))
    .groupBy([sql`extract(year from g.award_date)`, 'g.currency'])
    .orderBy('year', 'desc')
    .execute();
}

export async function funderTotalsByArea(db: Kysely<DB>, funderId: string, memberIds: readonly string[]) {
  return db
    .selectFrom('funding_grants as g')
    .select([
      sql<string>`coalesce(nullif(g.area, ''), 'Not stated')`.as('area'),
      'g.currency',
      sql<string>`count(*)`.as('grants'),
      sql<string>`sum(g.amount_pence)`.as('total'),
    ])
    .where('g.funder_id', '=', funderId)
    .where(recoveryFilter(memberIds))
    .groupBy([sql`coalesce(nullif(g.area, ''), 'Not stated')`, 'g.currency'])
    .orderBy(sql`sum(g.amount_pence)`, 'desc')
    .limit(30)
    .execute();
}

export async function funderProgrammes(db: Kysely<DB>, funderId: string) {
  return db
    .selectFrom('funding_grants as g')
    .select([
      sql<string>`coalesce(nullif(g.programme, ''), 'No programme named')`.as('programme'),
      sql<string>`count(*)`.as('grants'),
    ])
    .where('g.funder_id', '=', funderId)
    .groupBy(sql`coalesce(nullif(g.programme, ''), 'No programme named')`)
    .orderBy(sql`count(*)`, 'desc')
    .limit(20)
    .execute();
}

export async function funderSummary(db: Kysely<DB>, funderId: string) {
  return db
    .selectFrom('funding_grants as g')
    .select([sql<string>`min(g.funder_name)`.as('funder_name'), sql<string>`count(*)`.as('grants')])
    .where('g.funder_id', '=', funderId)
    .executeTakeFirst();
}

/** The funder's recovery grants: to members first, then keyword matches, newest first. */
export async function funderRecoveryGrants(
  db: Kysely<DB>,
  funderId: string,
  memberIds: readonly string[],
  limit: number,
) {
  return db
    .selectFrom('funding_grants as g')
    .innerJoin('funding_sources as s', 's.id', 'g.source_id')
    .select([
      'g.grant_id',
      'g.title',
      'g.currency',
      'g.amount_pence',
      'g.award_date',
      'g.recipient_id',
      'g.recipient_name',
      'g.keyword',
      'g.area',
    ])
    .where('g.funder_id', '=', funderId)
    .where(recoveryFilter(memberIds))
    .orderBy(sql`(g.recipient_id = any(${sql.val([...memberIds])}::text[]) and g.recipient_id <> '')`, 'desc')
    .orderBy('g.award_date', 'desc')
    .limit(limit)
    .execute();
}

/** Where the shown grants came from, for the attribution every page carries. */
export async function sourcesFor(db: Kysely<DB>, funderId?: string) {
  let q = db.selectFrom('funding_sources as s').select(['s.publisher_name', 's.licence', 's.title']).distinct();
  if (funderId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('funding_grants as g')
          .select('g.grant_id')
          .whereRef('g.source_id', '=', 's.id')
          .where('g.funder_id', '=', funderId),
      ),
    );
  return q.orderBy('s.publisher_name').execute();
}

export async function grantsToRecipients(db: Kysely<DB>, recipientIds: readonly string[]) {
  if (recipientIds.length === 0) return [];
  return db
    .selectFrom('funding_grants as g')
    .innerJoin('funding_sources as s', 's.id', 'g.source_id')
    .select([
      'g.grant_id',
      'g.title',
      'g.currency',
      'g.amount_pence',
      'g.award_date',
      'g.funder_id',
      'g.funder_name',
      'g.recipient_id',
      'g.programme',
      's.publisher_name',
      's.licence',
    ])
    .where('g.recipient_id', '=', sql<string>`any(${sql.val([...recipientIds])}::text[])`)
    .orderBy('g.award_date', 'desc')
    .execute();
}

export async function getShowGrants(db: Kysely<DB>, orgId: string): Promise<boolean> {
  const r = await db
    .selectFrom('funding_org_settings')
    .select('show_grants')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return r?.show_grants ?? false;
}

export async function setShowGrants(db: Kysely<DB>, orgId: string, show: boolean): Promise<void> {
  await db
    .insertInto('funding_org_settings')
    .values({ org_id: orgId, show_grants: show })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ show_grants: show, updated_at: sql`now()` }))
    .execute();
}

export async function getOrgCosts(db: Kysely<DB>, orgId: string): Promise<{ pence: number | null; year: string }> {
  const r = await db
    .selectFrom('funding_org_settings')
    .select(['running_costs_pence', 'costs_year'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return { pence: r?.running_costs_pence ?? null, year: r?.costs_year ?? '' };
}

export async function setOrgCosts(db: Kysely<DB>, orgId: string, pence: number | null, year: string): Promise<void> {
  await db
    .insertInto('funding_org_settings')
    .values({ org_id: orgId, running_costs_pence: pence, costs_year: year })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ running_costs_pence: pence, costs_year: year, updated_at: sql`now()` }),
    )
    .execute();
}

export async function findOrgForGrants(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('funding_org_settings as s', 's.org_id', 'o.id')
    .select(['o.id', 'o.name', 'o.slug', 'o.status', 's.show_grants'])
    .where('o.slug', '=', slug)
    .executeTakeFirst();
}
