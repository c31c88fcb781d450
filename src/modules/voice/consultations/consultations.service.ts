// Consultations: opening one, taking part (one vote per person per statement), adding
// statements for moderation, closing, and the analysis a job keeps up to date.
import { createHmac, randomBytes } from 'node:crypto';
import { isSignedIn, type Actor, type SignedInActor } from '../../../platform/auth/actor.ts';
import { hashToken } from '../../../platform/auth/tokens.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { renderBackground } from '../domain/markdown.ts';
import { analyse, type Analysis, type VoteRecord, type VoteValue } from '../domain/analysis.ts';
import { canManageConsultation, canSeeResults, canTakePart, phaseOf, type Phase } from '../voice.policy.ts';
import * as repo from './consultations.repository.ts';
import type { ConsultationRow } from './consultations.repository.ts';
export type { ConsultationRow, StatementRow } from './consultations.repository.ts';

export const ANALYSE_JOB = 'voice.analyse-consultation';
/** Votes from one address per minute: generous, as a whole room at an event may share one. */
export const VOTES_PER_ADDRESS_PER_MINUTE = 600;

/** Who is voting: a signed-in person, or the token in this browser's cookie for the consultation. */
export type Voter = { personId: string } | { token: string };

const target = (c: ConsultationRow) => ({
  orgId: c.org_id,
  audience: c.audience,
  resultsVisibility: c.results_visibility,
});
const phase = (c: ConsultationRow, now: Date) =>
  phaseOf({ opensAt: c.opens_at, closesAt: c.closes_at, closedAt: c.closed_at }, now);

export function newParticipantToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A keyed hash of the address for the per-minute limit: the address itself is never stored. */
export function addressHash(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`voice:${address}`).digest('hex').slice(0, 32);
}

const who = (v: Voter) => ('personId' in v ? { personId: v.personId } : { tokenHash: hashToken(v.token) });

export interface LoadedConsultation {
  row: ConsultationRow;
  phase: Phase;
  canManage: boolean;
  canSeeResults: boolean;
}

/** Loads a consultation the actor may see; "missing" and "not for you" both answer 404. */
export async function loadConsultation(
  deps: Deps,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<LoadedConsultation> {
  const row = await repo.findConsultation(deps.db, id);
  if (!row) throw notFound('consultation');
  const members = await repo.memberOrgIds(deps.db);
  const manage = canManageConsultation(actor, target(row));
  if (!manage && !canTakePart(actor, target(row), members)) throw notFound('consultation');
  const p = phase(row, now);
  if (!manage && p === 'upcoming' && row.audience !== 'link') throw notFound('consultation');
  return { row, phase: p, canManage: manage, canSeeResults: canSeeResults(actor, target(row), p, members) };
}

export interface ConsultationInput {
  title: string;
  background: string;
  audience: 'link' | 'network' | 'org';
  opensAt: Date;
  closesAt: Date;
  resultsVisibility: 'after_close' | 'live';
  statementsPerPerson: number;
  statements: string[];
}

export async function openConsultation(
  deps: Deps,
  actor: SignedInActor,
  orgId: string | null,
  input: ConsultationInput,
): Promise<string> {
  if (!canManageConsultation(actor, { orgId, audience: input.audience, resultsVisibility: input.resultsVisibility }))
    throw notFound('page');
  if (orgId === null && input.audience === 'org')
    throw new AppError('validation', 'Choose who can take part.', {
      audience: 'A network consultation is for anyone with the link, or members of the network.',
    });
  return deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertConsultation(tx, { ...input, orgId, createdBy: actor.personId });
    await repo.insertStatements(tx, id, orgId, input.statements, 'accepted');
    await deps.jobs.send(
      'voice.close-consultations',
      {},
      { startAfter: input.closesAt, within: tx, singletonKey: `voice-close:${id}` },
    );
    return id;
  });
}

export interface VotingView {
  consultation: LoadedConsultation;
  backgroundHtml: string;
  statements: { id: string; text: string; vote: number | undefined }[];
  next: { id: string; text: string; number: number } | undefined;
  voted: number;
  mine: { text: string; status: string; reason: string }[];
  canAddStatement: boolean;
  counts: { participants: number; votes: number };
}

export async function loadVotingPage(
  deps: Deps,
  actor: Actor,
  id: string,
  voter: Voter | undefined,
  options: { statement?: string } = {},
): Promise<VotingView> {
  const consultation = await loadConsultation(deps, actor, id);
  const [participantId, counts] = await Promise.all([
    voter ? repo.findParticipant(deps.db, id, who(voter)) : undefined,
    repo.countVotes(deps.db, id),
  ]);
  // One reading of the statements: a participant's own (any status) come from the same rows as the
  // accepted ones; a visitor who has not taken part needs only the accepted.
  const [listed, votes] = await Promise.all([
    repo.listStatements(deps.db, id, participantId ? undefined : 'accepted'),
    participantId ? repo.votesOf(deps.db, participantId) : new Map<string, number>(),
  ]);
  const statements = listed
    .filter((s) => s.status === 'accepted')
    .map((s) => ({ id: s.id, text: s.text, vote: votes.get(s.id) }));
  const chosen = options.statement ? statements.findIndex((s) => s.id === options.statement) : -1;
  const nextIndex = chosen >= 0 ? chosen : statements.findIndex((s) => s.vote === undefined);
  const mine = participantId
    ? listed
        .filter((s) => s.author_participant_id === participantId)
        .map((s) => ({ text: s.text, status: s.status, reason: s.reject_reason }))
    : [];
  const limit = consultation.row.statements_per_person;
  return {
    consultation,
    backgroundHtml: renderBackground(consultation.row.background),
    statements,
    next: nextIndex >= 0 ? { ...statements[nextIndex]!, number: nextIndex + 1 } : undefined,
    voted: votes.size,
    mine,
    canAddStatement: consultation.phase === 'open' && limit > 0 && mine.length < limit,
    counts,
  };
}

const VALUES: Record<string, VoteValue> = { agree: 1, disagree: -1, pass: 0 };

/** One vote per participant per statement: a second vote replaces the first. */
export async function castVote(
  deps: Deps,
  actor: Actor,
  id: string,
  voter: Voter,
  input: { statementId: string; choice: string; address: string },
  limits: { perMinute?: number; now?: Date } = {},
): Promise<void> {
  const c = await loadConsultation(deps, actor, id, limits.now);
  if (c.phase !== 'open')
    throw new AppError(
      'conflict',
      c.phase === 'closed'
        ? 'This consultation has closed. Thank you for your interest.'
        : 'This consultation has not opened yet.',
    );
  const value = VALUES[input.choice];
  if (value === undefined) throw new AppError('validation', 'Choose agree, disagree or pass.');
  const statement = (await repo.listStatements(deps.db, id, 'accepted')).find((s) => s.id === input.statementId);
  if (!statement) throw notFound('statement');
  const hash = addressHash(deps.config.sessionSecret, input.address);
  const recent = await repo.votesFromAddressSince(
    deps.db,
    hash,
    new Date((limits.now ?? new Date()).getTime() - 60_000),
  );
  if (recent >= (limits.perMinute ?? VOTES_PER_ADDRESS_PER_MINUTE))
    throw new AppError(
      'too_many_requests',
      'A lot of votes have come from your connection in the last minute. Please wait a minute and try again.',
    );
  await deps.db.transaction().execute(async (tx) => {
    const participantId = await repo.ensureParticipant(tx, id, c.row.org_id, who(voter));
    await repo.upsertVote(tx, {
      consultationId: id,
      orgId: c.row.org_id,
      statementId: statement.id,
      participantId,
      value,
      addressHash: hash,
    });
    await deps.jobs.send(
      ANALYSE_JOB,
      { consultationId: id },
      { within: tx, singletonKey: `voice-analyse:${id}`, startAfter: new Date(Date.now() + 5_000) },
    );
  });
}

/** A participant's own statement, waiting for moderation; limited per person. */
export async function proposeStatement(
  deps: Deps,
  actor: Actor,
  id: string,
  voter: Voter,
  text: string,
): Promise<void> {
  const c = await loadConsultation(deps, actor, id);
  if (c.phase !== 'open') throw new AppError('conflict', 'Statements can be added while the consultation is open.');
  await deps.db.transaction().execute(async (tx) => {
    const participantId = await repo.ensureParticipant(tx, id, c.row.org_id, who(voter));
    if ((await repo.countStatementsBy(tx, participantId)) >= c.row.statements_per_person) {
      throw new AppError(
        'conflict',
        `You have added ${c.row.statements_per_person === 1 ? 'a statement' : `${c.row.statements_per_person} statements`}, the most for one person here. Thank you.`,
      );
    }
    await repo.insertStatements(tx, id, c.row.org_id, [text], 'pending', participantId);
  });
}

export async function loadModeration(deps: Deps, actor: Actor, id: string) {
  const c = await loadConsultation(deps, actor, id);
  if (!c.canManage) throw notFound('consultation');
  return {
    consultation: c,
    pending: await repo.listStatements(deps.db, id, 'pending'),
    rejected: await repo.listStatements(deps.db, id, 'rejected'),
  };
}

export async function moderateStatement(
  deps: Deps,
  actor: SignedInActor,
  id: string,
  statementId: string,
  decision: { accept: boolean; reason: string },
): Promise<void> {
  const c = await loadConsultation(deps, actor, id);
  if (!c.canManage) throw notFound('consultation');
  if (!decision.accept && decision.reason.trim().length === 0)
    throw new AppError('validation', 'Say why, so the person who wrote it understands.', {
      reason: 'Say why, so the person who wrote it understands.',
    });
  const done = await repo.moderateStatement(deps.db, id, statementId, {
    status: decision.accept ? 'accepted' : 'rejected',
    reason: decision.accept ? '' : decision.reason.trim(),
    by: actor.personId,
  });
  if (!done) throw new AppError('conflict', 'That statement has already been looked at.');
}

export async function closeEarly(deps: Deps, actor: SignedInActor, id: string): Promise<void> {
  const c = await loadConsultation(deps, actor, id);
  if (!c.canManage) throw notFound('consultation');
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.closeConsultation(tx, id, new Date()))) throw new AppError('conflict', 'It has already closed.');
    await deps.jobs.send(ANALYSE_JOB, { consultationId: id }, { within: tx, singletonKey: `voice-analyse:${id}` });
  });
}

/** The job: closes consultations whose time has come, and queues their final analysis. */
export async function closeDueConsultations(deps: Deps, now = new Date()): Promise<string[]> {
  return deps.db.transaction().execute(async (tx) => {
    const ids = await repo.closeDueConsultations(tx, now);
    for (const id of ids)
      await deps.jobs.send(ANALYSE_JOB, { consultationId: id }, { within: tx, singletonKey: `voice-analyse:${id}` });
    return ids;
  });
}

/** The job: recomputes one consultation's analysis from its votes (never on a page view). */
export async function analyseConsultation(deps: Deps, consultationId: string): Promise<Analysis | undefined> {
  const row = await repo.findConsultation(deps.db, consultationId);
  if (!row) return undefined;
  const [votes, statements] = await Promise.all([
    repo.readVotes(deps.db, consultationId),
    repo.listStatements(deps.db, consultationId, 'accepted'),
  ]);
  const result = analyse(
    votes as VoteRecord[],
    statements.map((s) => s.id),
  );
  await repo.saveAnalysis(deps.db, consultationId, row.org_id, votes.length, result);
  return result;
}

export async function listConsultationsFor(
  deps: Deps,
  actor: Actor,
  options: { orgId?: string } = {},
  now = new Date(),
) {
  const members = await repo.memberOrgIds(deps.db);
  const orgIds = options.orgId ? [options.orgId] : isSignedIn(actor) ? actor.memberships.map((m) => m.orgId) : [];
  const rows = await repo.listConsultations(deps.db, { orgIds, includeNetwork: !options.orgId });
  return rows
    .filter(
      (r) =>
        canManageConsultation(actor, target(r)) ||
        (canTakePart(actor, target(r), members) && phase(r, now) !== 'upcoming'),
    )
    .map((r) => ({ row: r, phase: phase(r, now), canManage: canManageConsultation(actor, target(r)) }));
}
