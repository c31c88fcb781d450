// The evidence write path: EVERY change to assessments, or to who counts in network figures,
// goes through these functions, each taking the caller's transaction. The insight module's
// per-organisation summaries follow these tables through database triggers
// (migrations/0300_insight_summaries.sql), so they change in the same transaction, whichever
// way a row is written. See docs/ARCHITECTURE.md, "Evidence write path".
import { sql, type Kysely } from 'kysely';
import type { ColumnValue } from '../../platform/db/columns.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { InstrumentDefinition } from './domain/instrument-definition.ts';
import { scoreAssessment } from './domain/scoring.ts';
import { assessmentKey } from './imports/engine/natural-keys.ts';
import type { ConsentKind } from './participants/participants.repository.ts';
import { rememberErasedCode } from './imports/erased-codes.ts';

export type AssessmentSource = 'staff' | 'self' | 'import' | 'demo';

export interface AssessmentToStore {
  participantId: string;
  /** The participant's code, part of the natural key that makes imports idempotent. */
  participantCode: string;
  definition: InstrumentDefinition;
  /** ISO yyyy-mm-dd. */
  assessedOn: string;
  /** Lower case: 'start', 'review', 'exit', '3 months'…; '' for none. */
  timePoint: string;
  responses: Record<string, number>;
  source: AssessmentSource;
  recordedBy: string | null;
  /**
   * Added to the natural key when the assessment is unique for another reason (a
   * self-completion link), so it never collides with a staff entry of the same day.
   */
  keySuffix?: string;
}

export class ScoringError extends Error {
  override name = 'ScoringError';
  constructor(readonly problems: { item_key: string | null; message: string }[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/** The natural key of an assessment: participant, instrument, date and time point. */
export function naturalKeyOf(
  a: Pick<AssessmentToStore, 'participantCode' | 'definition' | 'assessedOn' | 'timePoint' | 'keySuffix'>,
): string {
  const key = assessmentKey({
    participant_code: a.participantCode,
    instrument_key: a.definition.key,
    instrument_version: a.definition.version,
    date: a.assessedOn,
    time_point: a.timePoint === '' ? null : a.timePoint,
    responses: {},
    scores: [],
  });
  return a.keySuffix ? `${key}|${a.keySuffix}` : key;
}

/** The stored scores ({"recovery_capital": 39}), worked out here from the answers, never taken from outside. */
function scoresJsonOf(definition: InstrumentDefinition, responses: Record<string, number>): string {
  const scored = scoreAssessment(definition, responses);
  if (!scored.ok) throw new ScoringError(scored.errors);
  return JSON.stringify(Object.fromEntries(scored.value.measures.map((m) => [m.measure_key, m.score])));
}

const INSERT_BATCH = 5000;
const PARTICIPANT_BATCH = 1000; // 13 parameters a row: stays under PostgreSQL's 65,535

/**
 * Stores assessments, scoring each from its responses with the domain code (scores are never
 * accepted from outside). One that is already stored (same natural key) is skipped. Returns
 * the natural keys actually inserted. Rows go in with unnest(), a batch per statement.
 */
export async function insertAssessments(
  tx: Kysely<DB>,
  orgId: string,
  assessments: readonly AssessmentToStore[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let start = 0; start < assessments.length; start += INSERT_BATCH) {
    const batch = assessments.slice(start, start + INSERT_BATCH);
    const scores = batch.map((a) => scoresJsonOf(a.definition, a.responses));
    const col = <T>(f: (a: AssessmentToStore) => T) => batch.map(f);
    const done = await sql<{ natural_key: string }>`
      insert into evidence_assessments
        (org_id, participant_id, instrument_key, instrument_version, assessed_on, time_point, responses, scores, source, natural_key, recorded_by)
      select ${orgId}, p, ik, iv, d, tp, r::jsonb, s::jsonb, src, nk, rb
      from unnest(${col((a) => a.participantId)}::uuid[], ${col((a) => a.definition.key)}::text[], ${col((a) => a.definition.version)}::text[],
                  ${col((a) => a.assessedOn)}::date[], ${col((a) => a.timePoint)}::text[], ${col((a) => JSON.stringify(a.responses))}::text[],
                  ${scores}::text[], ${col((a) => a.source)}::text[], ${col(naturalKeyOf)}::text[], ${col((a) => a.recordedBy)}::uuid[])
        as t(p, ik, iv, d, tp, r, s, src, nk, rb)
      on conflict (org_id, natural_key) do nothing
      returning natural_key`.execute(tx);
    for (const r of done.rows) inserted.add(r.natural_key);
  }
  return inserted;
}

/** What a correction may change: the date, the time point and the answers (scores follow). */
export interface AssessmentCorrection {
  participantCode: string;
  definition: InstrumentDefinition;
  assessedOn: string;
  timePoint: string;
  responses: Record<string, number>;
  keySuffix?: string;
}

/**
 * Corrects one assessment in place, re-scoring it from its answers. 'clash' when the corrected
 * date and time point are already recorded for the same questionnaire; 'missing' when it is not
 * the organisation's.
 */
export async function correctAssessment(
  tx: Kysely<DB>,
  orgId: string,
  assessmentId: string,
  c: AssessmentCorrection,
): Promise<'corrected' | 'missing' | 'clash'> {
  const scores = scoresJsonOf(c.definition, c.responses);
  const naturalKey = naturalKeyOf(c);
  const taken = await tx
    .selectFrom('evidence_assessments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('natural_key', '=', naturalKey)
    .where('id', '<>', assessmentId)
    .executeTakeFirst();
  if (taken) return 'clash';
  const updated = await tx
    .updateTable('evidence_assessments')
    .set({
      assessed_on: c.assessedOn,
      time_point: c.timePoint,
      responses: JSON.stringify(c.responses),
      scores,
      natural_key: naturalKey,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? 'corrected' : 'missing';
}

const BIN_COLUMNS = [
  'id',
  'org_id',
  'participant_id',
  'instrument_key',
  'instrument_version',
  'assessed_on',
  'time_point',
  'responses',
  'scores',
  'source',
  'natural_key',
  'recorded_by',
  'created_at',
] as const;

/**
 * Moves one assessment out of the records into the deleted-questionnaires table, where it can
 * be restored for 30 days. Returns its instrument key, or undefined if it is not the organisation's.
 */
export async function moveAssessmentToBin(
  tx: Kysely<DB>,
  orgId: string,
  assessmentId: string,
  deletedBy: string,
): Promise<string | undefined> {
  const row = await tx
    .deleteFrom('evidence_assessments')
    .where('org_id', '=', orgId)
    .where('id', '=', assessmentId)
    .returning(BIN_COLUMNS)
    .executeTakeFirst();
  if (!row) return undefined;
  await tx
    .insertInto('evidence_deleted_assessments')
    .values({ ...row, deleted_by: deletedBy })
    .execute();
  return row.instrument_key;
}

/**
 * Puts a deleted assessment back as it was (same id), if it was deleted after `since`.
 * 'clash' when the same questionnaire has been recorded again meanwhile.
 */
export async function restoreAssessmentFromBin(
  tx: Kysely<DB>,
  orgId: string,
  participantId: string,
  assessmentId: string,
  since: Date,
): Promise<'restored' | 'missing' | 'clash'> {
  const row = await tx
    .deleteFrom('evidence_deleted_assessments')
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .where('id', '=', assessmentId)
    .where('deleted_at', '>', since)
    .returning(BIN_COLUMNS)
    .executeTakeFirst();
  if (!row) return 'missing';
  const put = await tx
    .insertInto('evidence_assessments')
    // the bin holds rows that were valid questionnaires, so their source is one of the list
    .values({ ...row, source: row.source as ColumnValue<'evidence_assessments', 'source'> })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(put.numInsertedOrUpdatedRows ?? 0n) === 1 ? 'restored' : 'clash';
}

/** Deletes one assessment; returns its instrument key, or undefined if it is not the organisation's. */
export async function deleteAssessment(
  tx: Kysely<DB>,
  orgId: string,
  assessmentId: string,
): Promise<string | undefined> {
  const row = await tx
    .deleteFrom('evidence_assessments')
    .where('org_id', '=', orgId)
    .where('id', '=', assessmentId)
    .returning('instrument_key')
    .executeTakeFirst();
  return row?.instrument_key;
}

export interface ConsentDecision {
  kind: ConsentKind;
  given: boolean;
  /** ISO date the person decided. */
  decidedOn: string;
  wordingVersion: string;
}

export interface ParticipantToStore {
  code: string;
  firstName: string;
  ageBand: string;
  gender: string;
  ethnicity: string;
  mainSubstances: string[];
  localAuthority: string;
  consents: ConsentDecision[];
}

/**
 * Adds participants with their first consent decisions. Codes already used in the
 * organisation are skipped. Returns code -> id of those added.
 */
export async function insertParticipants(
  tx: Kysely<DB>,
  orgId: string,
  participants: readonly ParticipantToStore[],
  recordedBy: string | null,
): Promise<Map<string, string>> {
  const added = new Map<string, string>();
  for (let start = 0; start < participants.length; start += PARTICIPANT_BATCH) {
    const batch = participants.slice(start, start + PARTICIPANT_BATCH);
    const rows = await tx
      .insertInto('evidence_participants')
      .values(
        batch.map((p) => {
          const current = currentConsent(p.consents);
          return {
            org_id: orgId,
            code: p.code,
            first_name: p.firstName,
            age_band: p.ageBand,
            gender: p.gender,
            ethnicity: p.ethnicity,
            main_substances: p.mainSubstances,
            local_authority: p.localAuthority,
            consent_record: current.record,
            consent_network: current.network,
            consent_contact: current.contact,
            created_by: recordedBy,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
      .returning(['id', 'code'])
      .execute();
    for (const r of rows) added.set(r.code, r.id);
    const history = batch.flatMap((p) => {
      const id = added.get(p.code);
      return id === undefined ? [] : p.consents.map((c) => consentRow(orgId, id, c, recordedBy));
    });
    if (history.length > 0) await tx.insertInto('evidence_consents').values(history).execute();
  }
  return added;
}

/**
 * Records consent decisions (given or withdrawn) for one participant: the history keeps every
 * decision, and the participant's current state follows the latest. Withdrawing network
 * consent takes the person out of every network figure from then on. Returns false if the
 * participant is not the organisation's.
 */
export async function recordConsentDecisions(
  tx: Kysely<DB>,
  orgId: string,
  participantId: string,
  decisions: readonly ConsentDecision[],
  recordedBy: string | null,
): Promise<boolean> {
  if (decisions.length === 0) return true;
  const current = currentConsent(decisions);
  const set: Partial<Record<'consent_record' | 'consent_network' | 'consent_contact', boolean>> = {};
  for (const d of decisions) set[`consent_${d.kind}`] = current[d.kind];
  const r = await tx
    .updateTable('evidence_participants')
    .set({ ...set, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await tx
    .insertInto('evidence_consents')
    .values(decisions.map((d) => consentRow(orgId, participantId, d, recordedBy)))
    .execute();
  return true;
}

/**
 * Erasure: deletes the participant and everything recorded about them (consents, assessments,
 * self-completion links) in the caller's transaction. Returns false if not the organisation's.
 */
export async function eraseParticipantRecord(tx: Kysely<DB>, orgId: string, participantId: string): Promise<boolean> {
  const person = await tx
    .selectFrom('evidence_participants')
    .select('code')
    .where('org_id', '=', orgId)
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!person) return false;
  // So an old spreadsheet cannot bring them back (see imports/erased-codes.ts).
  await rememberErasedCode(tx, orgId, person.code);
  const r = await tx
    .deleteFrom('evidence_participants')
    .where('org_id', '=', orgId)
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return false;
  // Foreign keys cascade, but say it explicitly so nothing depends on a schema detail.
  await tx
    .deleteFrom('evidence_assessments')
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .execute();
  await tx
    .deleteFrom('evidence_consents')
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .execute();
  await tx
    .deleteFrom('evidence_completion_links')
    .where('org_id', '=', orgId)
    .where('participant_id', '=', participantId)
    .execute();
  return true;
}

function currentConsent(decisions: readonly ConsentDecision[]): Record<ConsentKind, boolean> {
  const out: Record<ConsentKind, boolean> = { record: false, network: false, contact: false };
  for (const d of decisions) out[d.kind] = d.given; // the last decision of each kind wins
  return out;
}

function consentRow(orgId: string, participantId: string, c: ConsentDecision, recordedBy: string | null) {
  return {
    org_id: orgId,
    participant_id: participantId,
    kind: c.kind,
    given: c.given,
    decided_on: c.decidedOn,
    wording_version: c.wordingVersion,
    recorded_by: recordedBy,
  };
}
