// All SQL for standards: frameworks, training, interests, assessments, reviews, decisions.
// Organisation data is always read with its org_id in the where.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { FrameworkDefinition, Level } from './domain/framework.ts';
import type { ColumnValue } from '../../platform/db/columns.ts';

type Db = Kysely<DB>;

// ---- frameworks

export async function listFrameworks(db: Db) {
  return db
    .selectFrom('standards_frameworks')
    .select(['id', 'version', 'title', 'status', 'published_at', 'updated_at'])
    .orderBy('version', 'desc')
    .execute();
}

export async function findFramework(db: Db, id: string) {
  const row = await db.selectFrom('standards_frameworks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...row, definition: row.definition as unknown as FrameworkDefinition };
}

export async function latestPublishedFramework(db: Db) {
  const row = await db
    .selectFrom('standards_frameworks')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, definition: row.definition as unknown as FrameworkDefinition };
}

export async function findDraftFramework(db: Db) {
  const row = await db.selectFrom('standards_frameworks').selectAll().where('status', '=', 'draft').executeTakeFirst();
  return row && { ...row, definition: row.definition as unknown as FrameworkDefinition };
}

export async function insertFramework(
  db: Db,
  f: { title: string; definition: FrameworkDefinition; status: 'draft' | 'published'; createdBy: string | null },
) {
  return db
    .insertInto('standards_frameworks')
    .values({
      version: sql<number>`(select coalesce(max(version), 0) + 1 from standards_frameworks)`,
      title: f.title,
      definition: JSON.stringify(f.definition),
      status: f.status,
      published_at: f.status === 'published' ? sql<Date>`now()` : null,
      created_by: f.createdBy,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** Only a draft changes; a published version never does. */
export async function updateDraftFramework(db: Db, id: string, title: string, definition: FrameworkDefinition) {
  const r = await db
    .updateTable('standards_frameworks')
    .set({ title, definition: JSON.stringify(definition), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function publishDraftFramework(db: Db, id: string) {
  const r = await db
    .updateTable('standards_frameworks')
    .set({ status: 'published', published_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- training and declared interests

export async function listTraining(db: Db) {
  return db
    .selectFrom('standards_training as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['t.id', 't.person_id', 'p.display_name', 't.course', 't.completed_on', 't.expires_on'])
    .orderBy('p.display_name')
    .orderBy('t.expires_on', 'desc')
    .execute();
}

export async function insertTraining(
  db: Db,
  t: { personId: string; course: string; completedOn: string; expiresOn: string; recordedBy: string },
) {
  await db
    .insertInto('standards_training')
    .values({
      person_id: t.personId,
      course: t.course,
      completed_on: t.completedOn,
      expires_on: t.expiresOn,
      recorded_by: t.recordedBy,
    })
    .execute();
}

export async function insertDeclaredInterest(db: Db, personId: string, orgId: string, reason: string) {
  await db
    .insertInto('standards_declared_interests')
    .values({ person_id: personId, org_id: orgId, reason })
    .onConflict((oc) => oc.columns(['org_id', 'person_id']).doUpdateSet({ reason }))
    .execute();
}

export async function listDeclaredInterests(db: Db, personId: string) {
  return db
    .selectFrom('standards_declared_interests as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .select(['d.org_id', 'o.name', 'd.reason', 'd.declared_at'])
    .where('d.person_id', '=', personId)
    .orderBy('o.name')
    .execute();
}

/** Peer researchers at member organisations, with what the conflict rules need to know. */
export async function listPeerResearchers(db: Db) {
  return db
    .selectFrom('people as p')
    .innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.role', '=', 'peer_researcher'))
    .innerJoin('organisations as o', (j) => j.onRef('o.id', '=', 'm.org_id').on('o.status', '=', 'member'))
    .select([
      'p.id',
      'p.display_name',
      sql<string[]>`array_agg(distinct o.id)`.as('peer_org_ids'),
      sql<string[]>`array_agg(distinct o.name)`.as('peer_org_names'),
      sql<string[]>`(select coalesce(array_agg(m2.org_id), '{}') from memberships m2 where m2.person_id = p.id)`.as(
        'member_org_ids',
      ),
      sql<string[]>`(select coalesce(array_agg(distinct a.lad_code), '{}') from org_areas a
        join memberships m3 on m3.org_id = a.org_id where m3.person_id = p.id)`.as('area_codes'),
      sql<string | null>`(select max(t.expires_on)::text from standards_training t where t.person_id = p.id)`.as(
        'training_expires_on',
      ),
      sql<string[]>`(select coalesce(array_agg(d.org_id), '{}') from standards_declared_interests d
        where d.person_id = p.id)`.as('declared_org_ids'),
      sql<number>`(select count(*) from standards_reviews r where r.reviewer_id = p.id and r.status = 'assigned')`.as(
        'open_reviews',
      ),
      sql<number>`(select count(*) from standards_reviews r where r.reviewer_id = p.id and r.status = 'submitted')`.as(
        'done_reviews',
      ),
    ])
    .groupBy(['p.id', 'p.display_name'])
    .orderBy('p.display_name')
    .execute();
}

export async function areaCodesOf(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('org_areas').select('lad_code').where('org_id', '=', orgId).execute();
  return rows.map((r) => r.lad_code);
}

export async function listCoordinators(db: Db) {
  return db
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('network_role', 'in', ['coordinator', 'admin'])
    .orderBy('display_name')
    .execute();
}

export async function countVolunteersOnTeam(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'volunteer')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function leadEmailsOf(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.email')
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'lead')
    .execute();
  return rows.map((r) => r.email);
}

// ---- assessments

const assessmentColumns = [
  'a.id',
  'a.org_id',
  'a.framework_id',
  'a.kind',
  'a.status',
  'a.live_figures',
  'a.submitted_at',
  'a.created_at',
  'a.updated_at',
  'f.version',
  'f.title as framework_title',
  'f.definition',
  'o.name as org_name',
  'o.slug as org_slug',
] as const;

function assessments(db: Db) {
  return db
    .selectFrom('standards_assessments as a')
    .innerJoin('standards_frameworks as f', 'f.id', 'a.framework_id')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .select(assessmentColumns);
}

const withDefinition = <T extends { definition: unknown }>(row: T) => ({
  ...row,
  definition: row.definition as unknown as FrameworkDefinition,
});

export async function listAssessmentsForOrg(db: Db, orgId: string) {
  const rows = await assessments(db).where('a.org_id', '=', orgId).orderBy('a.created_at', 'desc').execute();
  return rows.map(withDefinition);
}

export async function findAssessmentForOrg(db: Db, orgId: string, id: string) {
  const row = await assessments(db).where('a.org_id', '=', orgId).where('a.id', '=', id).executeTakeFirst();
  return row && withDefinition(row);
}

/** For coordinators and assigned reviewers, who reach an assessment by its id alone. */
export async function unsafeFindAssessment(db: Db, id: string) {
  const row = await assessments(db).where('a.id', '=', id).executeTakeFirst();
  return row && withDefinition(row);
}

export async function listSubmittedAssessments(db: Db) {
  return db
    .selectFrom('standards_assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .innerJoin('standards_frameworks as f', 'f.id', 'a.framework_id')
    .select([
      'a.id',
      'a.kind',
      'a.status',
      'a.submitted_at',
      'o.name as org_name',
      'f.version',
      sql<number>`(select count(*) from standards_reviews r where r.assessment_id = a.id)`.as('reviewers'),
      sql<number>`(select count(*) from standards_reviews r
        where r.assessment_id = a.id and r.status = 'submitted')`.as('reviews_done'),
    ])
    .where('a.status', '=', 'submitted')
    .orderBy('a.submitted_at')
    .execute();
}

export async function insertAssessment(
  db: Db,
  a: { orgId: string; frameworkId: string; kind: 'full' | 'renewal'; createdBy: string },
) {
  return db
    .insertInto('standards_assessments')
    .values({ org_id: a.orgId, framework_id: a.frameworkId, kind: a.kind, created_by: a.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listAnswers(db: Db, orgId: string, assessmentId: string) {
  return db
    .selectFrom('standards_answers')
    .select(['standard_key', 'level', 'narrative', 'links'])
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export async function upsertAnswers(
  db: Db,
  orgId: string,
  assessmentId: string,
  answers: { standardKey: string; level: Level | null; narrative: string; links: string }[],
) {
  if (!answers.length) return;
  await db
    .insertInto('standards_answers')
    .values(
      answers.map((a) => ({
        org_id: orgId,
        assessment_id: assessmentId,
        standard_key: a.standardKey,
        level: a.level,
        narrative: a.narrative,
        links: a.links,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'standard_key', 'org_id']).doUpdateSet((eb) => ({
        level: eb.ref('excluded.level'),
        narrative: eb.ref('excluded.narrative'),
        links: eb.ref('excluded.links'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
  await db
    .updateTable('standards_assessments')
    .set({ updated_at: sql<Date>`now()` })
    .where('id', '=', assessmentId)
    .where('org_id', '=', orgId)
    .execute();
}

/** Draft → submitted, once: a second, concurrent submit updates nothing. */
export async function markSubmitted(db: Db, orgId: string, assessmentId: string, liveFigures: unknown) {
  const r = await db
    .updateTable('standards_assessments')
    .set({ status: 'submitted', submitted_at: sql<Date>`now()`, live_figures: JSON.stringify(liveFigures) })
    .where('id', '=', assessmentId)
    .where('org_id', '=', orgId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markDecided(db: Db, assessmentId: string) {
  const r = await db
    .updateTable('standards_assessments')
    .set({ status: 'decided', updated_at: sql<Date>`now()` })
    .where('id', '=', assessmentId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- evidence files

export async function insertEvidenceFile(
  db: Db,
  f: {
    orgId: string;
    assessmentId: string;
    standardKey: string;
    filename: string;
    contentType: ColumnValue<'standards_evidence_files', 'content_type'>;
    data: Buffer;
    uploadedBy: string;
  },
) {
  await db
    .insertInto('standards_evidence_files')
    .values({
      org_id: f.orgId,
      assessment_id: f.assessmentId,
      standard_key: f.standardKey,
      filename: f.filename,
      content_type: f.contentType,
      data: f.data,
      uploaded_by: f.uploadedBy,
    })
    .execute();
}

export async function listEvidenceFiles(db: Db, orgId: string, assessmentId: string) {
  return db
    .selectFrom('standards_evidence_files')
    .select(['id', 'standard_key', 'filename', 'content_type', sql<number>`octet_length(data)`.as('size')])
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .execute();
}

export async function findEvidenceFile(db: Db, assessmentId: string, fileId: string) {
  return db
    .selectFrom('standards_evidence_files')
    .select(['filename', 'content_type', 'data'])
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

// ---- reviews

export async function insertReview(
  db: Db,
  r: { orgId: string; assessmentId: string; reviewerId: string; assignedBy: string; overrideReason: string },
) {
  const row = await db
    .insertInto('standards_reviews')
    .values({
      org_id: r.orgId,
      assessment_id: r.assessmentId,
      reviewer_id: r.reviewerId,
      assigned_by: r.assignedBy,
      override_reason: r.overrideReason,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'reviewer_id', 'org_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function listReviewsForAssessment(db: Db, assessmentId: string) {
  return db
    .selectFrom('standards_reviews as r')
    .innerJoin('people as p', 'p.id', 'r.reviewer_id')
    .select([
      'r.id',
      'r.reviewer_id',
      'p.display_name',
      'r.status',
      'r.findings',
      'r.visit_date',
      'r.visit_who',
      'r.visit_seen',
      'r.override_reason',
      'r.submitted_at',
    ])
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.created_at')
    .execute();
}

export async function listReviewsForReviewer(db: Db, reviewerId: string) {
  return db
    .selectFrom('standards_reviews as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.status', 'o.name as org_name', 'r.created_at', 'r.submitted_at'])
    .where('r.reviewer_id', '=', reviewerId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

/** A review, only for the person assigned to it. */
export async function findReviewForReviewer(db: Db, reviewId: string, reviewerId: string) {
  return db
    .selectFrom('standards_reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst();
}

export async function saveReview(
  db: Db,
  reviewId: string,
  reviewerId: string,
  r: {
    findings: Record<string, { level: Level | null; notes: string }>;
    visitDate: string | null;
    visitWho: string;
    visitSeen: string;
    submit: boolean;
  },
) {
  const res = await db
    .updateTable('standards_reviews')
    .set({
      findings: JSON.stringify(r.findings),
      visit_date: r.visitDate,
      visit_who: r.visitWho,
      visit_seen: r.visitSeen,
      ...(r.submit ? { status: 'submitted' as const, submitted_at: sql<Date>`now()` } : {}),
    })
    .where('id', '=', reviewId)
    .where('reviewer_id', '=', reviewerId)
    .where('status', '=', 'assigned')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---- decisions and recognition

export async function insertDecision(
  db: Db,
  d: {
    assessmentId: string;
    orgId: string;
    outcome: 'recognised' | 'working_towards' | 'not_yet';
    feedback: string;
    actionPlan: string;
    reviewBy: string | null;
    panel: string[];
    decidedBy: string;
    renewalDue: string | null;
  },
) {
  await db
    .insertInto('standards_decisions')
    .values({
      assessment_id: d.assessmentId,
      org_id: d.orgId,
      outcome: d.outcome,
      feedback: d.feedback,
      action_plan: d.actionPlan,
      review_by: d.reviewBy,
      panel: d.panel,
      decided_by: d.decidedBy,
      renewal_due: d.renewalDue,
    })
    .execute();
}

export async function findDecision(db: Db, assessmentId: string) {
  return db.selectFrom('standards_decisions').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
}

export async function saveResponse(db: Db, orgId: string, assessmentId: string, response: string) {
  const r = await db
    .updateTable('standards_decisions')
    .set({ org_response: response, responded_at: sql<Date>`now()` })
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Each organisation's current recognition: the latest 'recognised' decision not yet past renewal. */
export async function currentRecognitions(db: Db, orgIds: readonly string[], today: string) {
  if (!orgIds.length) return [];
  return db
    .selectFrom('standards_decisions as d')
    .innerJoin('standards_assessments as a', 'a.id', 'd.assessment_id')
    .innerJoin('standards_frameworks as f', 'f.id', 'a.framework_id')
    .select([
      'd.org_id',
      sql<string>`to_char(d.decided_at at time zone 'Europe/London', 'YYYY-MM-DD')`.as('decided_on'),
      sql<string>`d.renewal_due::text`.as('renewal_due'),
      'f.version',
      'f.title as framework_title',
    ])
    .distinctOn('d.org_id')
    .where('d.org_id', 'in', orgIds)
    .where('d.outcome', '=', 'recognised')
    .where('d.renewal_due', '>=', today)
    .orderBy('d.org_id')
    .orderBy('d.decided_at', 'desc')
    .execute();
}

export async function listRecognisedOrganisations(db: Db, today: string) {
  return db
    .selectFrom('standards_decisions as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .select([
      'o.id',
      'o.name',
      'o.slug',
      sql<string>`max(d.renewal_due)::text`.as('renewal_due'),
      sql<string>`to_char(max(d.decided_at) at time zone 'Europe/London', 'YYYY-MM-DD')`.as('decided_on'),
    ])
    .where('d.outcome', '=', 'recognised')
    .where('d.renewal_due', '>=', today)
    .where('o.status', '=', 'member')
    .groupBy(['o.id', 'o.name', 'o.slug'])
    .orderBy('o.name')
    .execute();
}

/** Recognitions whose renewal reminder is due and not yet sent. */
export async function recognitionsDueReminder(db: Db, remindFrom: string) {
  return db
    .selectFrom('standards_decisions as d')
    .innerJoin('organisations as o', 'o.id', 'd.org_id')
    .select(['d.assessment_id', 'd.org_id', 'o.name', 'o.slug', sql<string>`d.renewal_due::text`.as('renewal_due')])
    .where('d.outcome', '=', 'recognised')
    .where('d.reminded_at', 'is', null)
    .where('d.renewal_due', '<=', remindFrom)
    .execute();
}

/** Marks a reminder sent; false when another instance already did. */
export async function markReminded(db: Db, assessmentId: string) {
  const r = await db
    .updateTable('standards_decisions')
    .set({ reminded_at: sql<Date>`now()` })
    .where('assessment_id', '=', assessmentId)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Organisations by self-assessed level, per standard, over the latest submitted assessment of each. */
export async function levelCounts(db: Db) {
  return db
    .with('latest', (qb) =>
      qb
        .selectFrom('standards_assessments')
        .select(['id', 'org_id'])
        .distinctOn('org_id')
        .where('status', 'in', ['submitted', 'decided'])
        .orderBy('org_id')
        .orderBy('submitted_at', 'desc'),
    )
    .selectFrom('standards_answers as s')
    .innerJoin('latest as l', 'l.id', 's.assessment_id')
    .select(['s.standard_key', 's.level', sql<number>`count(*)`.as('organisations')])
    .where('s.level', 'is not', null)
    .groupBy(['s.standard_key', 's.level'])
    .execute();
}

export async function listMemberOrganisations(db: Db) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('status', '=', 'member')
    .orderBy(sql`name collate "und-x-icu"`)
    .execute();
}

/** Demo only: dates a decision and its assessment in the past. */
export async function backdateDecision(db: Db, assessmentId: string, decidedOn: string, renewalDueOn: string | null) {
  await db
    .updateTable('standards_decisions')
    .set({ decided_at: sql<Date>`${decidedOn}::date + time '11:00'`, renewal_due: renewalDueOn })
    .where('assessment_id', '=', assessmentId)
    .execute();
  await db
    .updateTable('standards_assessments')
    .set({ submitted_at: sql<Date>`${decidedOn}::date - 40`, created_at: sql<Date>`${decidedOn}::date - 60` })
    .where('id', '=', assessmentId)
    .execute();
}
