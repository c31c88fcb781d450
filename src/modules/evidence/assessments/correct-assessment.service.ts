// Correcting a questionnaire without deleting and re-entering it: the date, the time point and
// the answers can change; it is re-scored from the answers, keeps its source and link, and the
// audit log says what changed (dates, time points and which answers, never the answers).
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { InstrumentDefinition } from '../domain/instrument-definition.ts';
import { scoreAssessment, type AssessmentScore } from '../domain/scoring.ts';
import { TIME_POINTS } from '../evidence.schemas.ts';
import { correctAssessment as writeCorrection } from '../evidence.write-path.ts';
import { findInstrumentForOrg } from '../instruments/instruments.repository.ts';
import type { ParticipantRow } from '../participants/participants.repository.ts';
import * as repo from './assessments.repository.ts';
import { readResponses } from './assessments.service.ts';

export interface AssessmentToCorrect {
  id: string;
  definition: InstrumentDefinition;
  /** The form as it stands: date, time point and each answer. */
  values: Record<string, string>;
}

async function load(db: Kysely<DB>, org: OrgTarget, participant: ParticipantRow, assessmentId: string) {
  const row = await repo.findAssessmentWithAnswers(db, org.id, participant.id, assessmentId);
  if (!row) throw notFound('questionnaire');
  const instrument = await findInstrumentForOrg(db, org.id, row.instrument_key, row.instrument_version);
  if (!instrument) throw notFound('questionnaire');
  return { row, definition: instrument.definition };
}

/** The questionnaire as its correction form starts: what is recorded now. */
export async function loadAssessmentToCorrect(
  db: Kysely<DB>,
  org: OrgTarget,
  participant: ParticipantRow,
  assessmentId: string,
): Promise<AssessmentToCorrect> {
  const { row, definition } = await load(db, org, participant, assessmentId);
  const known = TIME_POINTS.some((t) => t.value === row.time_point && t.value !== 'other');
  const answers = row.responses as Record<string, number>;
  return {
    id: row.id,
    definition,
    values: {
      assessed_on: row.assessed_on,
      time_point: row.time_point === '' ? 'none' : known ? row.time_point : 'other',
      time_point_other: known || row.time_point === '' ? '' : row.time_point,
      ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, String(v)])),
    },
  };
}

export async function correctAssessment(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: ParticipantRow,
  assessmentId: string,
  input: { assessedOn: string; timePoint: string; form: Record<string, string> },
): Promise<AssessmentScore> {
  return db.transaction().execute(async (tx) => {
    const { row, definition } = await load(tx, org, participant, assessmentId);
    const { responses, errors } = readResponses(definition, input.form);
    if (Object.keys(errors).length > 0) throw new AppError('validation', 'Some questions have no answer.', errors);
    const scored = scoreAssessment(definition, responses);
    if (!scored.ok) throw new AppError('validation', scored.errors.map((e) => e.message).join(' '));
    // a self-completion link's part of the key stays, so it still never collides with staff entries
    const suffix = row.natural_key.split('|').slice(4).join('|');
    const result = await writeCorrection(tx, org.id, row.id, {
      participantCode: participant.code,
      definition,
      assessedOn: input.assessedOn,
      timePoint: input.timePoint,
      responses,
      ...(suffix ? { keySuffix: suffix } : {}),
    });
    if (result === 'missing') throw notFound('questionnaire');
    if (result === 'clash') {
      const message = `${definition.short_name} is already recorded for ${participant.code} on that date${input.timePoint ? ` at ${input.timePoint}` : ''}. Choose a different date or time point.`;
      throw new AppError('conflict', message, { time_point: message });
    }
    const before = row.responses as Record<string, number>;
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'assessment.corrected',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: {
        assessment: row.id,
        instrument: row.instrument_key,
        before: { date: row.assessed_on, time_point: row.time_point },
        after: { date: input.assessedOn, time_point: input.timePoint },
        answers_changed: definition.items.filter((i) => before[i.key] !== responses[i.key]).map((i) => i.key),
      },
    });
    return scored.value;
  });
}
