// All SQL for the network's own words and collections of phrases.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ColumnValue } from '../../../platform/db/columns.ts';

export interface WordRow {
  id: string;
  text: string;
  quote_as: 'none' | 'anonymous' | 'first_name';
  first_name: string;
  source: string;
  status: string;
  consultation_id: string | null;
  created_at: Date;
}
const cols = ['id', 'text', 'quote_as', 'first_name', 'source', 'status', 'consultation_id', 'created_at'] as const;

export async function insertWord(
  db: Kysely<DB>,
  w: {
    orgId: string | null;
    consultationId: string | null;
    source: ColumnValue<'voice_words', 'source'>;
    sourceRef?: string;
    text: string;
    quoteAs: ColumnValue<'voice_words', 'quote_as'>;
    firstName: string;
    personId: string | null;
    withdrawTokenHash: string | null;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('voice_words')
    .values({
      org_id: w.orgId,
      consultation_id: w.consultationId,
      source: w.source,
      source_ref: w.sourceRef ?? null,
      text: w.text,
      quote_as: w.quoteAs,
      first_name: w.firstName,
      person_id: w.personId,
      withdraw_token_hash: w.withdrawTokenHash,
    })
    .onConflict((oc) => oc.column('source_ref').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function listWords(db: Kysely<DB>, status: ColumnValue<'voice_words', 'status'>): Promise<WordRow[]> {
  return (await db
    .selectFrom('voice_words')
    .select(cols)
    .where('status', '=', status)
    .orderBy('created_at')
    .limit(1000)
    .execute()) as WordRow[];
}

/** Approved words whose writers agreed to be quoted. */
export async function listQuotable(db: Kysely<DB>): Promise<WordRow[]> {
  return (await db
    .selectFrom('voice_words')
    .select(cols)
    .where('status', '=', 'approved')
    .where('quote_as', '<>', 'none')
    .orderBy('created_at')
    .limit(5000)
    .execute()) as WordRow[];
}

export async function moderateWord(
  db: Kysely<DB>,
  id: string,
  status: 'approved' | 'rejected',
  by: string,
): Promise<boolean> {
  const r = await db
    .updateTable('voice_words')
    .set({ status, moderated_by: by, moderated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findByWithdrawToken(db: Kysely<DB>, hash: string): Promise<WordRow | undefined> {
  return (await db
    .selectFrom('voice_words')
    .select(cols)
    .where('withdraw_token_hash', '=', hash)
    .executeTakeFirst()) as WordRow | undefined;
}

/** Withdrawn: the words are blanked and every line made from them leaves its collection. */
export async function withdrawWord(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('voice_collection_lines').where('word_id', '=', id).execute();
  await db
    .updateTable('voice_words')
    .set({ status: 'withdrawn', text: '(withdrawn)', first_name: '' })
    .where('id', '=', id)
    .execute();
}

export interface CollectionRow {
  id: string;
  title: string;
  introduction: string;
  status: string;
  published_at: Date | null;
}
export interface LineRow {
  id: string;
  text: string;
  position: number;
  space_before: boolean;
  word_id: string | null;
}

export async function insertCollection(db: Kysely<DB>, title: string, by: string): Promise<string> {
  return (
    await db
      .insertInto('voice_collections')
      .values({ org_id: null, title, created_by: by })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function listCollections(db: Kysely<DB>, publishedOnly: boolean): Promise<CollectionRow[]> {
  let q = db.selectFrom('voice_collections').select(['id', 'title', 'introduction', 'status', 'published_at']);
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('created_at', 'desc').limit(200).execute();
}

export async function findCollection(db: Kysely<DB>, id: string): Promise<CollectionRow | undefined> {
  return db
    .selectFrom('voice_collections')
    .select(['id', 'title', 'introduction', 'status', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listLines(db: Kysely<DB>, collectionId: string): Promise<LineRow[]> {
  return db
    .selectFrom('voice_collection_lines')
    .select(['id', 'text', 'position', 'space_before', 'word_id'])
    .where('collection_id', '=', collectionId)
    .orderBy('position')
    .execute();
}

export async function replaceCollection(
  db: Kysely<DB>,
  id: string,
  c: { title: string; introduction: string; lines: { text: string; wordId: string; spaceBefore: boolean }[] },
): Promise<void> {
  await db
    .updateTable('voice_collections')
    .set({ title: c.title, introduction: c.introduction, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('voice_collection_lines').where('collection_id', '=', id).execute();
  if (c.lines.length) {
    await db
      .insertInto('voice_collection_lines')
      .values(
        c.lines.map((l, i) => ({
          collection_id: id,
          org_id: null,
          word_id: l.wordId,
          text: l.text,
          position: i,
          space_before: l.spaceBefore,
        })),
      )
      .execute();
  }
}

export async function publishCollection(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('voice_collections')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Demo only: approve every word from a source. */
export async function approveAllFrom(db: Kysely<DB>, source: ColumnValue<'voice_words', 'source'>): Promise<void> {
  await db
    .updateTable('voice_words')
    .set({ status: 'approved', moderated_at: new Date() })
    .where('source', '=', source)
    .where('status', '=', 'pending')
    .execute();
}
