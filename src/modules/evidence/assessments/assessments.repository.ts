// All SQL for reading assessments and self-completion links. Every query is scoped by org_id.
// Writes that change assessments go through evidence.write-path.ts.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function listAssessmentsForParticipant(db: Kysely<DB>, orgId: string, participantId: string) {
  return db
    .selectFrom('evidence_assessments')
    .select([
      'id',
      'instrument_key',
      'instrument_version',
      'assessed_on',
      'time_point',
      'responses',
      'scores',
      'source',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .orderBy('assessed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findAssessment(db: Kysely<DB>, orgId: string, participantId: string, assessmentId: string) {
  return db
    .selectFrom('evidence_assessments')
    .select(['id', 'instrument_key', 'instrument_version', 'assessed_on', 'time_point'])
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
}

/** The same with its answers and natural key, for correcting it. */
export async function findAssessmentWithAnswers(
  db: Kysely<DB>,
  orgId: string,
  participantId: string,
  assessmentId: string,
) {
  return db
    .selectFrom('evidence_assessments')
    .select(['id', 'instrument_key', 'instrument_version', 'assessed_on', 'time_point', 'responses', 'natural_key'])
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
}

export async function existingAssessmentKeys(
  db: Kysely<DB>,
  orgId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('evidence_assessments')
    .select('natural_key')
    .where('org_id', '=', orgId)
    .where('natural_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.natural_key));
}

export async function insertCompletionLink(
  db: Kysely<DB>,
  l: {
    tokenHash: string;
    orgId: string;
    participantId: string;
    instrumentKey: string;
    instrumentVersion: string;
    timePoint: string;
    createdBy: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('evidence_completion_links')
    .values({
      token_hash: l.tokenHash,
      org_id: l.orgId,
      participant_id: l.participantId,
      instrument_key: l.instrumentKey,
      instrument_version: l.instrumentVersion,
      time_point: l.timePoint,
      created_by: l.createdBy,
      expires_at: l.expiresAt,
    })
    .execute();
}

/** A link by its token's hash, with the organisation's name (the only thing the participant sees). */
export async function findCompletionLink(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('evidence_completion_links as l')
    .innerJoin('organisations as o', 'o.id', 'l.org_id')
    .select([
      'l.token_hash',
      'l.org_id',
      'l.participant_id',
      'l.instrument_key',
      'l.instrument_version',
      'l.time_point',
      'l.expires_at',
      'l.used_at',
      'o.name as org_name',
    ])
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the link used if it still can be; atomic, so two submissions cannot both succeed. */
export async function consumeCompletionLink(db: Kysely<DB>, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('evidence_completion_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listOpenLinks(db: Kysely<DB>, orgId: string, participantId: string, now: Date) {
  return db
    .selectFrom('evidence_completion_links')
    .select(['instrument_key', 'created_at', 'expires_at', 'used_at'])
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}

/** Deletes links that expired before `cutoff`, used or not: the hash is no longer needed. */
export async function deleteLinksExpiredBefore(db: Kysely<DB>, cutoff: Date): Promise<number> {
  const r = await db.deleteFrom('evidence_completion_links').where('expires_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Questionnaires of one participant deleted after `since`, newest first: the ones that can still be restored. */
export async function listDeletedAssessmentsForParticipant(
  db: Kysely<DB>,
  orgId: string,
  participantId: string,
  since: Date,
) {
  return db
    .selectFrom('evidence_deleted_assessments')
    .select(['id', 'instrument_key', 'instrument_version', 'assessed_on', 'time_point', 'deleted_at'])
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .where('deleted_at', '>', since)
    .orderBy('deleted_at', 'desc')
    .execute();
}

/** Removes for good every deleted questionnaire deleted before `cutoff`, in every organisation (the purge job). */
export async function unsafePurgeDeletedAssessmentsBefore(db: Kysely<DB>, cutoff: Date): Promise<number> {
  const r = await db.deleteFrom('evidence_deleted_assessments').where('deleted_at', '<=', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
