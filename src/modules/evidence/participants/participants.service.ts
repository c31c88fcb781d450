// Use cases for participants: adding, consent decisions, viewing (audited), subject access
// export (audited) and erasure (audited without personal data). Access has been checked by
// the route's rule; these keep the data rules (consent order, codes unique, nothing half-written).
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import * as assessmentsRepo from '../assessments/assessments.repository.ts';
import { erasedCodesAmong } from '../imports/erased-codes.ts';
import * as repo from './participants.repository.ts';
import type { ConsentKind } from './participants.repository.ts';
import {
  eraseParticipantRecord,
  insertParticipants,
  recordConsentDecisions,
  type ConsentDecision,
} from '../evidence.write-path.ts';

/** The consent wording in force; stored with every decision so it can be shown later. */
export const CONSENT_WORDING_VERSION = '2026-1';

export const CONSENT_WORDING: Record<ConsentKind, { label: string; text: string }> = {
  record: {
    label: 'Keep a record',
    text: 'I agree that this organisation keeps a record of my answers to questionnaires, to see how I am getting on. I can ask for it to be deleted at any time.',
  },
  network: {
    label: 'Include in network evidence',
    text: 'I agree that my answers are included, without my name or code, in figures the recovery network publishes. Small groups are never shown. I can change my mind at any time.',
  },
  contact: {
    label: 'Be contacted',
    text: 'I agree that this organisation may contact me about how I am getting on.',
  },
};

/** Prefix for generated codes: the organisation's initials, e.g. Leeds Recovery Café -> LRC. */
export function codePrefix(orgName: string): string {
  const initials = orgName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 6);
  return initials || 'P';
}

export interface NewParticipantInput {
  code: string | undefined;
  firstName: string;
  ageBand: string;
  gender: string;
  ethnicity: string;
  mainSubstances: string[];
  localAuthority: string;
  consentNetwork: boolean;
  consentContact: boolean;
  consentDate: string;
}

/**
 * A generated code nobody has now or had before: an erased person's code is never handed to
 * someone new, or an old spreadsheet with that code would be refused for them (or worse, read
 * as theirs).
 */
async function freshCode(tx: Kysely<DB>, org: OrgTarget): Promise<string> {
  for (let batch = 0; ; batch++) {
    const candidates = await repo.nextParticipantCodes(tx, org.id, codePrefix(org.name), 20 * (batch + 1));
    const erased = await erasedCodesAmong(tx, org.id, candidates);
    const free = candidates.find((c) => !erased.has(c));
    if (free) return free;
  }
}

export async function addParticipant(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  input: NewParticipantInput,
): Promise<{ id: string; code: string }> {
  return db.transaction().execute(async (tx) => {
    const code = input.code ?? (await freshCode(tx, org));
    if (await repo.findParticipantByCode(tx, org.id, code)) {
      const message = `Someone at ${org.name} already has the code ${code}. Choose another, or leave it blank for a new one.`;
      throw new AppError('conflict', message, { code: message });
    }
    if ((await erasedCodesAmong(tx, org.id, [code])).size > 0) {
      const message = `The code ${code} belonged to someone whose record was erased, so it is not used again. Choose another, or leave it blank for a new one.`;
      throw new AppError('conflict', message, { code: message });
    }
    const decision = (kind: ConsentKind, given: boolean): ConsentDecision => ({
      kind,
      given,
      decidedOn: input.consentDate,
      wordingVersion: CONSENT_WORDING_VERSION,
    });
    const added = await insertParticipants(
      tx,
      org.id,
      [
        {
          code,
          firstName: input.firstName,
          ageBand: input.ageBand,
          gender: input.gender,
          ethnicity: input.ethnicity,
          mainSubstances: input.mainSubstances,
          localAuthority: input.localAuthority,
          consents: [
            decision('record', true),
            decision('network', input.consentNetwork),
            decision('contact', input.consentContact),
          ],
        },
      ],
      actor.personId,
    );
    const id = added.get(code);
    if (!id) throw new AppError('conflict', `The code ${code} was taken a moment ago. Please try again.`);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'participant.created',
      subjectType: 'participant',
      subjectId: id,
    });
    return { id, code };
  });
}

/**
 * One consent decision. Sharing with the network needs a record to share, so giving network
 * consent needs record consent, and withdrawing record consent withdraws network consent too.
 */
export async function decideConsent(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: repo.ParticipantRow,
  input: { kind: ConsentKind; given: boolean; decidedOn: string },
): Promise<void> {
  const d = (kind: ConsentKind, given: boolean): ConsentDecision => ({
    kind,
    given,
    decidedOn: input.decidedOn,
    wordingVersion: CONSENT_WORDING_VERSION,
  });
  if (input.kind === 'network' && input.given && !participant.consent_record) {
    const message = 'Consent to be included in network evidence needs consent to keep a record first.';
    throw new AppError('validation', message, { kind: message });
  }
  const decisions = [d(input.kind, input.given)];
  if (input.kind === 'record' && !input.given && participant.consent_network) decisions.push(d('network', false));
  await db.transaction().execute(async (tx) => {
    if (!(await recordConsentDecisions(tx, org.id, participant.id, decisions, actor.personId)))
      throw notFound('participant');
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'participant.consent_changed',
      subjectType: 'participant',
      subjectId: participant.id,
      detail: { kinds: decisions.map((x) => `${x.kind}:${x.given ? 'given' : 'withdrawn'}`) },
    });
  });
}

/** Deletes the person and everything about them; the audit entry keeps only the record's id. */
export async function eraseParticipant(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participantId: string,
  detail: ErasureDetail = {},
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (!(await eraseParticipantWithin(tx, actor.personId, org.id, participantId, detail)))
      throw notFound('participant');
  });
}

/** Why an erasure happened, for its audit entry: never anything about the person. */
export type ErasureDetail = { reason?: 'retention'; batch?: string };

/**
 * The erasure itself, in the caller's transaction: the one path every erasure takes (a lead's,
 * and the retention job's, whose actor is null). Returns false when there was nobody to erase.
 */
export async function eraseParticipantWithin(
  tx: Kysely<DB>,
  actorId: string | null,
  orgId: string,
  participantId: string,
  detail: ErasureDetail = {},
): Promise<boolean> {
  if (!(await eraseParticipantRecord(tx, orgId, participantId))) return false;
  await recordAudit(tx, {
    orgId,
    actorId,
    action: 'participant.erased',
    subjectType: 'participant',
    subjectId: participantId,
    detail,
  });
  return true;
}

/** The participant's page: their details, consents, answers and links. Audited as a view. */
export async function viewParticipant(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: repo.ParticipantRow,
  ip: string,
) {
  const [consents, assessments, links] = await Promise.all([
    repo.listConsents(db, org.id, participant.id),
    assessmentsRepo.listAssessmentsForParticipant(db, org.id, participant.id),
    assessmentsRepo.listOpenLinks(db, org.id, participant.id, new Date()),
  ]);
  await recordAudit(db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'participant.viewed',
    subjectType: 'participant',
    subjectId: participant.id,
    ip,
  });
  return { consents, assessments, links };
}

/** A subject access export: everything held about one person, as JSON. Audited. */
export async function exportParticipant(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  participant: repo.ParticipantRow,
  ip: string,
) {
  const [consents, assessments, links] = await Promise.all([
    repo.listConsents(db, org.id, participant.id),
    assessmentsRepo.listAssessmentsForParticipant(db, org.id, participant.id),
    assessmentsRepo.listOpenLinks(db, org.id, participant.id, new Date(0)),
  ]);
  await recordAudit(db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'participant.exported',
    subjectType: 'participant',
    subjectId: participant.id,
    ip,
  });
  const { org_id: _org, ...details } = participant;
  return {
    about: `Everything ${org.name} holds about participant ${participant.code} on Recovery Connectors, exported ${new Date().toISOString()}.`,
    organisation: org.name,
    participant: details,
    consent_decisions: consents.map((c) => ({
      kind: c.kind,
      decision: c.given ? 'given' : 'withdrawn',
      decided_on: c.decided_on,
      wording_version: c.wording_version,
      wording: c.wording_version === CONSENT_WORDING_VERSION ? CONSENT_WORDING[c.kind as ConsentKind].text : null,
      recorded_at: c.recorded_at,
    })),
    assessments: assessments.map((a) => ({
      instrument: a.instrument_key,
      instrument_version: a.instrument_version,
      date: a.assessed_on,
      time_point: a.time_point,
      answers: a.responses,
      scores: a.scores,
      how: a.source,
      recorded_at: a.created_at,
    })),
    self_completion_links: links.map((l) => ({
      instrument: l.instrument_key,
      created_at: l.created_at,
      expires_at: l.expires_at,
      used_at: l.used_at,
    })),
  };
}
