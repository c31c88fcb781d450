// All SQL for questions and answers between members.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function insertQuestion(
  db: Kysely<DB>,
  q: { orgId: string; personId: string; title: string; body: string; tags: string[] },
) {
  const row = await db
    .insertInto('learning_questions')
    .values({ org_id: q.orgId, person_id: q.personId, title: q.title, body: q.body, tags: q.tags })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findQuestion(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('learning_questions as q')
    .innerJoin('organisations as o', 'o.id', 'q.org_id')
    .leftJoin('people as p', 'p.id', 'q.person_id')
    .select([
      'q.id',
      'q.org_id',
      'q.person_id',
      'q.title',
      'q.body',
      'q.tags',
      'q.accepted_answer_id',
      'q.hidden',
      'q.created_at',
      'o.name as org_name',
      'p.display_name as asker_name',
    ])
    .where('q.id', '=', id)
    .executeTakeFirst();
}

export async function listAnswers(db: Kysely<DB>, questionId: string, personId: string) {
  return db
    .selectFrom('learning_answers as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select((eb) => [
      'a.id',
      'a.person_id',
      'a.body',
      'a.hidden',
      'a.created_at',
      'o.name as org_name',
      'p.display_name as author_name',
      eb
        .selectFrom('learning_answer_helped as h')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('h.answer_id', '=', 'a.id')
        .as('helped'),
      eb
        .exists(
          eb
            .selectFrom('learning_answer_helped as h')
            .select('h.answer_id')
            .whereRef('h.answer_id', '=', 'a.id')
            .where('h.person_id', '=', personId),
        )
        .as('helped_by_me'),
    ])
    .where('a.question_id', '=', questionId)
    .orderBy('a.created_at')
    .execute();
}

export async function listQuestions(
  db: Kysely<DB>,
  o: { unansweredOnly: boolean; tag?: string | undefined; includeHidden: boolean; limit: number },
) {
  return db
    .selectFrom('learning_questions as q')
    .innerJoin('organisations as o', 'o.id', 'q.org_id')
    .select((eb) => [
      'q.id',
      'q.title',
      'q.tags',
      'q.created_at',
      'q.accepted_answer_id',
      'q.hidden',
      'o.name as org_name',
      eb
        .selectFrom('learning_answers as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.question_id', '=', 'q.id')
        .where('a.hidden', '=', false)
        .as('answers'),
    ])
    .$if(!o.includeHidden, (qb) => qb.where('q.hidden', '=', false))
    .$if(o.unansweredOnly, (qb) =>
      qb.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('learning_answers as a')
              .select('a.id')
              .whereRef('a.question_id', '=', 'q.id')
              .where('a.hidden', '=', false),
          ),
        ),
      ),
    )
    .$if(o.tag !== undefined, (qb) => qb.where(sql<boolean>`${o.tag} = any(q.tags)`))
    .orderBy('q.created_at', 'desc')
    .limit(o.limit)
    .execute();
}

export async function insertAnswer(
  db: Kysely<DB>,
  a: { orgId: string; questionId: string; personId: string; body: string },
) {
  const row = await db
    .insertInto('learning_answers')
    .values({ org_id: a.orgId, question_id: a.questionId, person_id: a.personId, body: a.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAnswer(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('learning_answers')
    .select(['id', 'org_id', 'question_id', 'person_id', 'hidden'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Adds "this helped" once per person; a second press does nothing. */
export async function addHelped(db: Kysely<DB>, orgId: string, answerId: string, personId: string) {
  await db
    .insertInto('learning_answer_helped')
    .values({ org_id: orgId, answer_id: answerId, person_id: personId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function setAccepted(db: Kysely<DB>, questionId: string, answerId: string | null) {
  await db
    .updateTable('learning_questions')
    .set({ accepted_answer_id: answerId })
    .where('id', '=', questionId)
    .execute();
}

export async function setHidden(
  db: Kysely<DB>,
  kind: 'question' | 'answer',
  id: string,
  hidden: boolean,
): Promise<boolean> {
  const table = kind === 'question' ? 'learning_questions' : 'learning_answers';
  const res = await db.updateTable(table).set({ hidden }).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertReport(
  db: Kysely<DB>,
  r: { orgId: string; questionId: string | null; answerId: string | null; personId: string; reason: string },
) {
  await db
    .insertInto('learning_reports')
    .values({
      org_id: r.orgId,
      question_id: r.questionId,
      answer_id: r.answerId,
      person_id: r.personId,
      reason: r.reason,
    })
    .execute();
}

export async function openReports(db: Kysely<DB>) {
  return db
    .selectFrom('learning_reports as r')
    .leftJoin('learning_questions as q', 'q.id', 'r.question_id')
    .leftJoin('learning_answers as a', 'a.id', 'r.answer_id')
    .select([
      'r.id',
      'r.reason',
      'r.created_at',
      'r.question_id',
      'r.answer_id',
      'a.question_id as answer_question_id',
      'q.title',
      'q.hidden as q_hidden',
      'a.hidden as a_hidden',
    ])
    .where('r.resolved_at', 'is', null)
    .orderBy('r.created_at')
    .execute();
}

export async function resolveReportsFor(db: Kysely<DB>, kind: 'question' | 'answer', id: string) {
  await db
    .updateTable('learning_reports')
    .set({ resolved_at: new Date() })
    .where(kind === 'question' ? 'question_id' : 'answer_id', '=', id)
    .where('resolved_at', 'is', null)
    .execute();
}

export async function followTags(db: Kysely<DB>, personId: string, tags: string[]) {
  await db.deleteFrom('learning_follows').where('person_id', '=', personId).execute();
  if (tags.length)
    await db
      .insertInto('learning_follows')
      .values(tags.map((tag) => ({ person_id: personId, tag })))
      .execute();
}

export async function followedTags(db: Kysely<DB>, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('learning_follows')
    .select('tag')
    .where('person_id', '=', personId)
    .orderBy('tag')
    .execute();
  return rows.map((r) => r.tag);
}

/** Emails of people following any of these tags, except the asker. */
export async function followersOf(db: Kysely<DB>, tags: string[], exceptPersonId: string) {
  if (tags.length === 0) return [];
  const rows = await db
    .selectFrom('learning_follows as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select('p.email')
    .distinct()
    .where('f.tag', 'in', tags)
    .where('f.person_id', '<>', exceptPersonId)
    .execute();
  return rows.map((r) => r.email);
}
