// All SQL for the library: resources, stories, attachments and search.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ColumnValue } from '../../../platform/db/columns.ts';

export interface ResourceToStore {
  orgId: string;
  authorId: string | null;
  kind: ColumnValue<'learning_resources', 'kind'>;
  language: ColumnValue<'learning_resources', 'language'>;
  title: string;
  summary: string;
  body: string;
  bodyText: string;
  story: Record<string, string> | null;
  links: string[];
  chime: string[];
  serviceTypes: string[];
  topics: string[];
  tagsText: string;
  visibility: ColumnValue<'learning_resources', 'visibility'>;
  status: ColumnValue<'learning_resources', 'status'>;
  reviewedOn?: string;
}

export async function insertResource(db: Kysely<DB>, r: ResourceToStore): Promise<string> {
  const row = await db
    .insertInto('learning_resources')
    .values({
      org_id: r.orgId,
      author_id: r.authorId,
      kind: r.kind,
      language: r.language,
      title: r.title,
      summary: r.summary,
      body: r.body,
      body_text: r.bodyText,
      story: r.story ? JSON.stringify(r.story) : null,
      links: r.links,
      chime: r.chime,
      service_types: r.serviceTypes,
      topics: r.topics,
      tags_text: r.tagsText,
      visibility: r.visibility,
      status: r.status,
      published_at: r.status === 'published' ? new Date() : null,
      ...(r.reviewedOn ? { reviewed_on: r.reviewedOn } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const resourceColumns = [
  'r.id',
  'r.org_id',
  'r.kind',
  'r.language',
  'r.title',
  'r.summary',
  'r.body',
  'r.story',
  'r.links',
  'r.chime',
  'r.service_types',
  'r.topics',
  'r.visibility',
  'r.status',
  'r.review_note',
  'r.reviewed_on',
  'r.published_at',
  'r.created_at',
  'o.name as org_name',
  'o.slug as org_slug',
] as const;

export async function findResource(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('learning_resources as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select(resourceColumns)
    .where('r.id', '=', id)
    .executeTakeFirst();
}
export type ResourceRow = NonNullable<Awaited<ReturnType<typeof findResource>>>;

export async function listOrgResources(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('learning_resources as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select(resourceColumns)
    .where('r.org_id', '=', orgId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

export async function listStoriesWaiting(db: Kysely<DB>) {
  return db
    .selectFrom('learning_resources as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select(resourceColumns)
    .where('r.kind', '=', 'story')
    .where('r.status', '=', 'submitted')
    .orderBy('r.created_at')
    .execute();
}

export async function setStoryDecision(db: Kysely<DB>, id: string, publish: boolean, note: string): Promise<boolean> {
  const res = await db
    .updateTable('learning_resources')
    .set({
      status: publish ? 'published' : 'returned',
      review_note: note,
      published_at: publish ? new Date() : null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('kind', '=', 'story')
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markReviewed(db: Kysely<DB>, orgId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('learning_resources')
    .set({ reviewed_on: sql`current_date`, review_reminded_at: null, updated_at: new Date() })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Published resources whose year is nearly up and whose owner has not been reminded lately. */
export async function resourcesDueForReview(db: Kysely<DB>) {
  return db
    .selectFrom('learning_resources as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select([
      'r.id',
      'r.org_id',
      'r.title',
      'r.reviewed_on',
      'r.review_reminded_at',
      'o.slug as org_slug',
      'o.name as org_name',
    ])
    .where('r.status', '=', 'published')
    .where('r.reviewed_on', '<', sql<string>`current_date - 335`)
    .where((eb) =>
      eb.or([
        eb('r.review_reminded_at', 'is', null),
        eb('r.review_reminded_at', '<', sql<Date>`now() - interval '30 days'`),
      ]),
    )
    .orderBy('r.reviewed_on')
    .limit(500)
    .execute();
}

/** Claims the reminder for a resource; false when another process already did. */
export async function claimReviewReminder(db: Kysely<DB>, id: string): Promise<boolean> {
  const res = await db
    .updateTable('learning_resources')
    .set({ review_reminded_at: new Date() })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('review_reminded_at', 'is', null),
        eb('review_reminded_at', '<', sql<Date>`now() - interval '30 days'`),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function orgLeadEmails(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.email')
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'lead')
    .execute();
  return rows.map((r) => r.email);
}

// Attachments
export async function insertAttachment(
  db: Kysely<DB>,
  a: {
    orgId: string;
    resourceId: string;
    fileName: string;
    mediaType: ColumnValue<'learning_attachments', 'media_type'>;
    data: Buffer;
  },
) {
  const row = await db
    .insertInto('learning_attachments')
    .values({
      org_id: a.orgId,
      resource_id: a.resourceId,
      file_name: a.fileName,
      media_type: a.mediaType,
      size_bytes: a.data.length,
      data: a.data,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listAttachments(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('learning_attachments')
    .select(['id', 'file_name', 'media_type', 'size_bytes'])
    .where('resource_id', '=', resourceId)
    .orderBy('created_at')
    .execute();
}

export async function findAttachment(db: Kysely<DB>, resourceId: string, id: string) {
  return db
    .selectFrom('learning_attachments')
    .select(['id', 'file_name', 'media_type', 'data'])
    .where('resource_id', '=', resourceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Ids of member organisations among these (to decide who counts as a network member). */
export async function memberOrgIdsAmong(db: Kysely<DB>, orgIds: readonly string[]): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', orgIds)
    .where('status', '=', 'member')
    .execute();
  return new Set(rows.map((r) => r.id));
}

// Search

export interface SearchFilters {
  kind?: string | undefined;
  chime?: string | undefined;
  topic?: string | undefined;
  orgSlug?: string | undefined;
  area?: string | undefined;
  language?: string | undefined;
}

export interface SearchInput {
  /** As typed, for websearch_to_tsquery: phrases in quotes, -word to exclude, or. */
  q: string;
  /** The words without quotes and minus-words, for trigram matching on titles. */
  loose: string;
  excluded: string[];
  filters: SearchFilters;
  /** May this person see members-only resources? */
  member: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  id: string;
  title: string;
  summary: string;
  kind: string;
  language: string;
  visibility: string;
  chime: string[];
  topics: string[];
  service_types: string[];
  reviewed_on: Date;
  org_name: string;
  org_slug: string;
  snippet: string;
  score: number;
}

export interface FacetCount {
  facet: 'kind' | 'chime' | 'topic' | 'org' | 'area';
  value: string;
  label: string;
  n: number;
}

const START = '\u0001';
const STOP = '\u0002';

/**
 * Full-text first (title weighted above summary and tags, above the body; English stemmed and
 * Welsh as simple, both with accents folded), ranked by ts_rank_cd (normalisation 32:
 * rank/(rank+1)). When full text finds fewer than three, trigram similarity on the title and
 * tags is added for typos: full-text matches always rank above typo-only ones, which rank by
 * their similarity. The matches are worked out once per search (a materialised CTE) and the
 * page, its snippets, the total and the facet counts come back in one statement.
 */
export async function searchResources(
  db: Kysely<DB>,
  input: SearchInput,
): Promise<{ hits: SearchHit[]; total: number; facets: FacetCount[] }> {
  const text = input.q.trim() !== '';
  const first = await searchOnce(db, input, false);
  if (!text || first.total >= TYPO_FALLBACK_BELOW || input.loose.length < 3) return first;
  return searchOnce(db, input, true);
}

/** Fewer full-text matches than this and the typo-tolerant match is tried as well. */
const TYPO_FALLBACK_BELOW = 3;

async function searchOnce(
  db: Kysely<DB>,
  input: SearchInput,
  typos: boolean,
): Promise<{ hits: SearchHit[]; total: number; facets: FacetCount[] }> {
  return db.transaction().execute(async (tx) => {
    // Trigram matching "as you meant it": a lower bar than the default 0.6 lets one or two
    // typos through, and stays within this transaction.
    if (typos) await sql`set local pg_trgm.word_similarity_threshold = 0.45`.execute(tx);
    const text = input.q.trim() !== '';
    const tsq = sql`(websearch_to_tsquery('learning_en', ${input.q}) || websearch_to_tsquery('learning_simple', ${input.q}))`;
    const conds: RawBuilder<unknown>[] = [sql`r.status = 'published'`];
    if (!input.member) conds.push(sql`r.visibility = 'public'`);
    const f = input.filters;
    if (f.kind) conds.push(sql`r.kind = ${f.kind}`);
    if (f.chime) conds.push(sql`${f.chime} = any(r.chime)`);
    if (f.topic) conds.push(sql`${f.topic} = any(r.topics)`);
    if (f.orgSlug) conds.push(sql`o.slug = ${f.orgSlug}`);
    if (f.area) conds.push(sql`o.region = ${f.area}`);
    if (f.language) conds.push(sql`r.language = ${f.language}`);
    for (const word of input.excluded) {
      conds.push(
        sql`not (r.search @@ (plainto_tsquery('learning_en', ${word}) || plainto_tsquery('learning_simple', ${word})))`,
      );
    }
    if (text)
      conds.push(typos ? sql`(r.search @@ ${tsq} or ${input.loose} <% r.search_title)` : sql`r.search @@ ${tsq}`);
    const where = sql.join(conds, sql` and `);
    const score = !text
      ? sql`0`
      : typos
        ? // Typo-only matches: near the title itself first, then near its tags.
          sql`(case when r.search @@ ${tsq} then 2 + ts_rank_cd(r.search, ${tsq}, 32) else 0 end
            + word_similarity(${input.loose}, r.search_title) + word_similarity(${input.loose}, r.title))`
        : sql`(1 + ts_rank_cd(r.search, ${tsq}, 32))`;
    const order = text ? sql`score desc, title` : sql`published_at desc nulls last, title`;
    const headline = text
      ? sql`ts_headline(case when p.language = 'cy' then 'learning_simple'::regconfig else 'learning_en'::regconfig end,
          left(r.body_text, 20000), ${tsq}, ${`StartSel=${START}, StopSel=${STOP}, MaxWords=22, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`})`
      : sql`left(r.body_text, 200)`;
    const { rows } = await sql<
      SearchHit & { facets: { facet: FacetCount['facet'] | 'total'; value: string; label: string; n: number }[] }
    >`
      with m as materialized (
        select r.id, r.title, r.summary, r.kind, r.language, r.visibility, r.chime, r.topics, r.service_types,
          r.reviewed_on, r.published_at, o.name as org_name, o.slug as org_slug, o.region, ${score}::float8 as score
        from learning_resources r join organisations o on o.id = r.org_id where ${where}
      ),
      p as (select * from m order by ${order} limit ${input.limit} offset ${input.offset}),
      fx as (
        select coalesce(json_agg(x), '[]'::json) as facets from (
          select 'total' as facet, '' as value, '' as label, count(*) as n from m
          union all select 'kind', kind, kind, count(*) from m group by kind
          union all select 'chime', c, c, count(*) from m, unnest(m.chime) c group by c
          union all select 'topic', t, t, count(*) from m, unnest(m.topics) t group by t
          union all select 'org', org_slug, min(org_name), count(*) from m group by org_slug
          union all select 'area', region, region, count(*) from m where region <> '' group by region
        ) x
      )
      select fx.facets, p.id, p.title, p.summary, p.kind, p.language, p.visibility, p.chime, p.topics, p.service_types,
        p.reviewed_on, p.org_name, p.org_slug, p.score, ${headline} as snippet
      from fx left join p on true left join learning_resources r on r.id = p.id
      order by ${text ? sql`p.score desc, p.title` : sql`p.published_at desc nulls last, p.title`}`.execute(tx);
    let total = 0;
    const facets: FacetCount[] = [];
    for (const r of rows[0]?.facets ?? []) {
      if (r.facet === 'total') total = Number(r.n);
      else facets.push({ facet: r.facet, value: r.value, label: r.label, n: Number(r.n) });
    }
    const hits = rows.filter((r) => r.id !== null).map(({ facets: _f, ...hit }) => hit);
    return { hits, total, facets };
  });
}

/**
 * Titles for type-ahead: words typed so far as title prefixes (the full-text index, weight A
 * only), and only when that finds nothing, trigram matches on titles and tags for typos.
 */
export async function suggestTitles(db: Kysely<DB>, q: string, member: boolean, limit = 8) {
  const words =
    q
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 6) ?? [];
  const visible = (qb: ReturnType<typeof base>) => (member ? qb : qb.where('r.visibility', '=', 'public'));
  const base = () => db.selectFrom('learning_resources as r').where('r.status', '=', 'published');
  if (words.length > 0) {
    const prefix = words.map((w) => `${w}:*A`).join(' & ');
    const tsq = sql`(to_tsquery('learning_en', ${prefix}) || to_tsquery('learning_simple', ${prefix}))`;
    const rows = await visible(base())
      .select(['r.id', 'r.title', sql<number>`ts_rank_cd(r.search, ${tsq}, 32)`.as('sim')])
      .where(sql<boolean>`r.search @@ ${tsq}`)
      .orderBy('sim', 'desc')
      .orderBy('r.title')
      .limit(limit)
      .execute();
    if (rows.length > 0) return rows;
  }
  return visible(base())
    .select(['r.id', 'r.title', sql<number>`word_similarity(${q}, r.search_title)`.as('sim')])
    .where(sql<boolean>`(${q} <% r.search_title or r.title ilike ${q.replace(/[%_\\]/g, '\\$&') + '%'})`)
    .orderBy('sim', 'desc')
    .limit(limit)
    .execute();
}

/** Newest published, for the hub and the digest. */
export async function latestResources(
  db: Kysely<DB>,
  o: { member: boolean; kind?: 'story' | 'resource'; since?: Date; limit: number },
) {
  return db
    .selectFrom('learning_resources as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.title', 'r.summary', 'r.kind', 'r.visibility', 'o.name as org_name', 'r.published_at'])
    .where('r.status', '=', 'published')
    .$if(!o.member, (qb) => qb.where('r.visibility', '=', 'public'))
    .$if(o.kind === 'story', (qb) => qb.where('r.kind', '=', 'story'))
    .$if(o.kind === 'resource', (qb) => qb.where('r.kind', '<>', 'story'))
    .$if(o.since !== undefined, (qb) => qb.where('r.published_at', '>=', o.since!))
    .orderBy('r.published_at', 'desc')
    .limit(o.limit)
    .execute();
}
