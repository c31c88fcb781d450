// Use cases for assessments: staff entry, deleting one, and self-completion by a one-time link.
// Scores are always worked out by the domain code from the answers (see evidence.write-path.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { looksLikeToken } from '../../../platform/auth/tokens.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import type { InstrumentDefinition } from '../domain/instrument-definition.ts';
import { scoreAssessment, type AssessmentScore } from '../domain/scoring.ts';
import * as repo from './assessments.repository.ts';
import {
  insertAssessments,
  moveAssessmentToBin,
  naturalKeyOf,
  restoreAssessmentFromBin,
  type AssessmentSource,
} from '../evidence.write-path.ts';
import type { InstrumentRow } from '../instruments/instruments.repository.ts';
import { findInstrumentForOrg } from '../instruments/instruments.repository.ts';
import type { ParticipantRow } from '../participants/participants.repository.ts';
import { findParticipant } from '../participants/participants.repository.ts';

export const LINK_DAYS = 7;

/** Reads each item's answer from a submitted form; problems keyed by item (the form field). */
export function readResponses(
  definition: InstrumentDefinition,
  form: Record<string, string>,
): { responses: Record<string, number>; errors: FieldErrors } {
  const responses: Record<string, number> = {};
  const errors: FieldErrors = {};
  definition.items.forEach((item, index) => {
    const raw = form[item.key] ?? '';
    const value = raw === '' ? NaN : Number(raw);
    if (!item.options.some((o) => o.value === value)) errors[item.key] = `Choose an answer to question ${index + 1}`;
    else responses[item.key] = value;
  });
  return { responses, errors };
}

export interface AssessmentInput {
  assessedOn: string;
  timePoint: string;
  form: Record<string, string>;
}

function noRecordConsent(participant: ParticipantRow): AppError {
  return new AppError(
    'conflict',
    `${participant.code} has not agreed to a record being kept, so answers can't be recorded. Record their consent first.`,
  );
}

/** Staff entry of one questionnaire. Throws a validation error with one message per unanswered question. */
export async function recordAssessment(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: ParticipantRow,
  instrument: InstrumentRow,
  input: AssessmentInput,
): Promise<AssessmentScore> {
  if (!participant.consent_record) throw noRecordConsent(participant);
  const { responses, errors } = readResponses(instrument.definition, input.form);
  if (Object.keys(errors).length > 0) throw new AppError('validation', 'Some questions have no answer.', errors);
  const scored = scoreAssessment(instrument.definition, responses);
  if (!scored.ok) throw new AppError('validation', scored.errors.map((e) => e.message).join(' '));
  await db.transaction().execute(async (tx) => {
    const stored = await storeOne(
      tx,
      org,
      participant,
      instrument.definition,
      input.assessedOn,
      input.timePoint,
      responses,
      'staff',
      actor.personId,
    );
    if (!stored) {
      const message = `${instrument.definition.short_name} is already recorded for ${participant.code} on that date${input.timePoint ? ` at ${input.timePoint}` : ''}. Choose a different time point, or delete the earlier one first.`;
      throw new AppError('conflict', message, { time_point: message });
    }
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'assessment.recorded',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: { instrument: instrument.key },
    });
  });
  return scored.value;
}

async function storeOne(
  tx: Kysely<DB>,
  org: OrgTarget,
  participant: ParticipantRow,
  definition: InstrumentDefinition,
  assessedOn: string,
  timePoint: string,
  responses: Record<string, number>,
  source: AssessmentSource,
  recordedBy: string | null,
  keySuffix?: string,
): Promise<boolean> {
  const a = {
    participantId: participant.id,
    participantCode: participant.code,
    definition,
    assessedOn,
    timePoint,
    responses,
    source,
    recordedBy,
    keySuffix,
  };
  const inserted = await insertAssessments(tx, org.id, [a]);
  return inserted.has(naturalKeyOf(a));
}

/** How long a deleted questionnaire can be restored before the scheduled purge removes it. */
export const RESTORE_DAYS = 30;
const restoreSince = (now: Date) => new Date(now.getTime() - RESTORE_DAYS * 86_400_000);

/** The questionnaire a confirmation page names, or 404. */
export async function findAssessmentToDelete(
  db: Kysely<DB>,
  org: OrgTarget,
  participant: ParticipantRow,
  assessmentId: string,
) {
  const found = await repo.findAssessment(db, org.id, participant.id, assessmentId);
  if (!found) throw notFound('questionnaire');
  return found;
}

/** Deletes a questionnaire from the records; it can be restored for RESTORE_DAYS days. */
export async function removeAssessment(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: ParticipantRow,
  assessmentId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const found = await repo.findAssessment(tx, org.id, participant.id, assessmentId);
    if (!found || !(await moveAssessmentToBin(tx, org.id, found.id, actor.personId))) throw notFound('questionnaire');
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'assessment.deleted',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: { instrument: found.instrument_key, assessment: found.id },
    });
  });
}

/** Puts back a questionnaire deleted in the last RESTORE_DAYS days. */
export async function restoreAssessment(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: ParticipantRow,
  assessmentId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const outcome = await restoreAssessmentFromBin(tx, org.id, participant.id, assessmentId, restoreSince(now));
    if (outcome === 'missing')
      throw new AppError(
        'not_found',
        `That questionnaire can no longer be restored. Deleted questionnaires are kept for ${RESTORE_DAYS} days.`,
      );
    if (outcome === 'clash')
      throw new AppError(
        'conflict',
        `The same questionnaire has been recorded again for ${participant.code} on that date, so the deleted one can't be put back beside it.`,
      );
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'assessment.restored',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: { assessment: assessmentId },
    });
  });
}

/** The participant's questionnaires that can still be restored. */
export async function listRestorableAssessments(
  db: Kysely<DB>,
  org: OrgTarget,
  participantId: string,
  now = new Date(),
) {
  return repo.listDeletedAssessmentsForParticipant(db, org.id, participantId, restoreSince(now));
}

/** The scheduled purge: deleted questionnaires older than RESTORE_DAYS days are removed for good. */
export async function purgeDeletedAssessments(db: Kysely<DB>, now = new Date()): Promise<number> {
  return repo.unsafePurgeDeletedAssessmentsBefore(db, restoreSince(now));
}

// Self-completion ------------------------------------------------------------------------

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CreatedLink {
  url: string;
  token: string;
  expiresAt: Date;
  /** A data: URL of the QR code as SVG, for an <img>. */
  qrDataUrl: string;
}

export async function createCompletionLink(
  db: Kysely<DB>,
  publicUrl: string,
  actor: SignedInActor,
  org: OrgTarget,
  participant: ParticipantRow,
  instrument: InstrumentRow,
  timePoint: string,
  now = new Date(),
): Promise<CreatedLink> {
  if (!participant.consent_record) throw noRecordConsent(participant);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 24 * 3600 * 1000);
  await db.transaction().execute(async (tx) => {
    await repo.insertCompletionLink(tx, {
      tokenHash: hashLinkToken(token),
      orgId: org.id,
      participantId: participant.id,
      instrumentKey: instrument.key,
      instrumentVersion: instrument.version,
      timePoint,
      createdBy: actor.personId,
      expiresAt,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'self_completion.link_created',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: { instrument: instrument.key },
    });
  });
  return linkToShow(publicUrl, token, expiresAt);
}

/** What the once-only link page shows: the address and its QR code. */
export async function linkToShow(publicUrl: string, token: string, expiresAt: Date): Promise<CreatedLink> {
  const url = `${publicUrl}/complete/${token}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { url, token, expiresAt, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export type LinkState =
  | { state: 'open'; orgName: string; definition: InstrumentDefinition; tokenHash: string }
  | { state: 'used' | 'expired' | 'missing' };

/** What a self-completion link leads to. Only the organisation's name is shown, nothing about the person. */
export async function openCompletionLink(db: Kysely<DB>, token: string, now = new Date()): Promise<LinkState> {
  if (!looksLikeToken(token)) return { state: 'missing' };
  const tokenHash = hashLinkToken(token);
  const link = await repo.findCompletionLink(db, tokenHash);
  if (!link) return { state: 'missing' };
  if (link.used_at) return { state: 'used' };
  if (link.expires_at <= now) return { state: 'expired' };
  const instrument = await findInstrumentForOrg(db, link.org_id, link.instrument_key, link.instrument_version);
  if (!instrument) return { state: 'missing' };
  return { state: 'open', orgName: link.org_name, definition: instrument.definition, tokenHash };
}

/** Names a participant's answers kept on their own device: part of the link's hash, never the link. */
export function keepKeyOf(token: string): string {
  return hashLinkToken(token).slice(0, 16);
}

/**
 * The participant's answers through their link. The link is consumed and the assessment stored
 * in one transaction: a second submission finds the link used and is refused.
 */
export async function completeByLink(
  db: Kysely<DB>,
  token: string,
  form: Record<string, string>,
  today: string,
  now = new Date(),
): Promise<'done' | 'used' | 'expired' | 'missing' | { errors: FieldErrors }> {
  const opened = await openCompletionLink(db, token, now);
  if (opened.state !== 'open') return opened.state;
  const { responses, errors } = readResponses(opened.definition, form);
  if (Object.keys(errors).length > 0) return { errors };
  return db.transaction().execute(async (tx) => {
    const link = await repo.findCompletionLink(tx, opened.tokenHash);
    if (!link || !(await repo.consumeCompletionLink(tx, opened.tokenHash, now))) return 'used' as const;
    const participant = await findParticipant(tx, link.org_id, link.participant_id);
    if (!participant || !participant.consent_record) return 'missing' as const;
    const org = { id: link.org_id, slug: '', name: link.org_name, status: 'member' as const };
    // The link makes it unique: it never collides with a staff entry for the same day.
    await storeOne(
      tx,
      org,
      participant,
      opened.definition,
      today,
      link.time_point,
      responses,
      'self',
      null,
      `link:${opened.tokenHash.slice(0, 16)}`,
    );
    await recordAudit(tx, {
      orgId: link.org_id,
      actorId: null,
      action: 'self_completion.completed',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: { instrument: link.instrument_key },
    });
    return 'done' as const;
  });
}

/** How long a spent link is kept after it expired, so its page still says "used" or "expired". */
export const SPENT_LINK_KEEP_DAYS = 30;

/** The daily job: forgets self-completion links that expired a month ago. Returns how many. */
export async function expireCompletionLinks(db: Kysely<DB>, now = new Date()): Promise<number> {
  return repo.deleteLinksExpiredBefore(db, new Date(now.getTime() - SPENT_LINK_KEEP_DAYS * 86_400_000));
}
