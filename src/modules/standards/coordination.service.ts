// The coordinators' side: frameworks as versioned data, training records, assigning peer
// reviewers under the conflict rules, and the panel's decision.
import { DateTime } from 'luxon';
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { assignmentAllowed, reviewConflicts, type Conflict } from './domain/conflicts.ts';
import { decisionBlocker } from './domain/cycle.ts';
import { DRAFT_FRAMEWORK, DRAFT_FRAMEWORK_TITLE } from './domain/draft-framework.ts';
import { FrameworkDefinitionSchema, type FrameworkDefinition, type Standard } from './domain/framework.ts';
import { renewalDue, todayInLondon } from './domain/renewal.ts';
import { consortiumPartnersSince } from '../funding/index.ts';
import { mentoringPartnersSince } from '../learning/index.ts';
import * as repo from './standards.repository.ts';

/**
 * Organisations in a mentoring or consortium relationship with an organisation in the last
 * three years: mentoring from the learning module, consortium bids (as lead or a partner who
 * accepted) from the funding module.
 */
export type RelationshipSource = (deps: Deps, orgId: string) => Promise<{ orgId: string; what: string }[]>;

const recentRelationships: RelationshipSource = async (deps, orgId) => {
  const since = DateTime.fromISO(todayInLondon()).minus({ years: RELATIONSHIP_YEARS }).toISODate()!;
  const [mentoring, consortia] = await Promise.all([
    mentoringPartnersSince(deps.db, orgId, since),
    consortiumPartnersSince(deps.db, orgId, since),
  ]);
  return [
    ...mentoring.map((p) => ({ orgId: p.orgId, what: p.role === 'mentor' ? 'was a mentor of' : 'was mentored by' })),
    ...consortia.map((partner) => ({ orgId: partner, what: 'was in a consortium bid with' })),
  ];
};
const RELATIONSHIP_YEARS = 3;

// ---- frameworks

/** A new draft, copied from the latest published version (or the shipped draft when there is none). */
export async function startDraftFramework(deps: Deps, actor: SignedInActor): Promise<string> {
  const existing = await repo.findDraftFramework(deps.db);
  if (existing) return existing.id;
  const latest = await repo.latestPublishedFramework(deps.db);
  const { id } = await repo.insertFramework(deps.db, {
    title: latest?.title ?? DRAFT_FRAMEWORK_TITLE,
    definition: latest?.definition ?? DRAFT_FRAMEWORK,
    status: 'draft',
    createdBy: actor.personId,
  });
  return id;
}

export async function saveDraftStandard(
  deps: Deps,
  actor: SignedInActor,
  frameworkId: string,
  key: string,
  input: Omit<Standard, 'key' | 'domain'>,
): Promise<void> {
  const framework = await repo.findFramework(deps.db, frameworkId);
  if (!framework || framework.status !== 'draft') throw notFound('draft');
  const index = framework.definition.standards.findIndex((s) => s.key === key);
  if (index < 0) throw notFound('standard');
  const standards = framework.definition.standards.slice();
  standards[index] = { ...standards[index]!, ...input };
  const definition: FrameworkDefinition = FrameworkDefinitionSchema.parse({ ...framework.definition, standards });
  await repo.updateDraftFramework(deps.db, frameworkId, framework.title, definition);
  await recordAudit(deps.db, {
    orgId: null,
    actorId: actor.personId,
    action: 'standards.framework.edited',
    subjectType: 'standards_framework',
    subjectId: frameworkId,
    detail: { standard: key },
  });
}

export async function publishFramework(deps: Deps, actor: SignedInActor, frameworkId: string): Promise<void> {
  const published = await repo.publishDraftFramework(deps.db, frameworkId);
  if (!published) throw notFound('draft');
  await recordAudit(deps.db, {
    orgId: null,
    actorId: actor.personId,
    action: 'standards.framework.published',
    subjectType: 'standards_framework',
    subjectId: frameworkId,
  });
}

// ---- training

export async function recordTraining(
  deps: Deps,
  actor: SignedInActor,
  input: { personId: string; course: string; completedOn: string; expiresOn: string },
): Promise<void> {
  const researchers = await repo.listPeerResearchers(deps.db);
  if (!researchers.some((r) => r.id === input.personId)) {
    throw new AppError('validation', 'Choose a peer researcher.', { person: 'Choose a peer researcher' });
  }
  await repo.insertTraining(deps.db, { ...input, recordedBy: actor.personId });
}

// ---- assignment

export interface CandidateView {
  personId: string;
  name: string;
  organisations: string[];
  openReviews: number;
  conflicts: Conflict[];
}

export async function reviewCandidates(
  deps: Deps,
  assessment: { id: string; org_id: string },
  relationships: RelationshipSource = recentRelationships,
): Promise<CandidateView[]> {
  const [researchers, areaCodes, related] = await Promise.all([
    repo.listPeerResearchers(deps.db),
    repo.areaCodesOf(deps.db, assessment.org_id),
    relationships(deps, assessment.org_id),
  ]);
  const today = todayInLondon();
  return researchers.map((r) => ({
    personId: r.id,
    name: r.display_name,
    organisations: r.peer_org_names,
    openReviews: Number(r.open_reviews),
    conflicts: reviewConflicts(
      {
        peerResearcherOrgIds: r.peer_org_ids,
        memberOrgIds: r.member_org_ids,
        trainingExpiresOn: r.training_expires_on ?? undefined,
        declaredOrgIds: r.declared_org_ids,
        ownAreaCodes: r.area_codes,
      },
      { orgId: assessment.org_id, areaCodes, recentRelationships: related },
      today,
    ),
  }));
}

export async function assignReviewer(
  deps: Deps,
  actor: SignedInActor,
  assessmentId: string,
  input: { reviewerId: string; overrideReason: string },
  relationships: RelationshipSource = recentRelationships,
): Promise<void> {
  const assessment = await repo.unsafeFindAssessment(deps.db, assessmentId);
  if (!assessment) throw notFound('self-assessment');
  if (assessment.status !== 'submitted') {
    throw new AppError('conflict', 'Reviewers can only be assigned to a sent self-assessment awaiting a decision.');
  }
  const candidate = (await reviewCandidates(deps, assessment, relationships)).find(
    (c) => c.personId === input.reviewerId,
  );
  if (!candidate) {
    throw new AppError('validation', 'Choose a peer researcher from a member organisation.', {
      reviewer: 'Choose a peer researcher from a member organisation',
    });
  }
  if (!assignmentAllowed(candidate.conflicts, input.overrideReason)) {
    const blocking = candidate.conflicts.filter((c) => !c.overridable);
    const message = blocking.length
      ? `${candidate.name} can’t review this organisation: ${blocking.map((c) => c.message).join(' ')}`
      : `${candidate.name} works in the same area. To assign them anyway, give a reason of at least 10 characters.`;
    throw new AppError('validation', message, {
      [blocking.length ? 'reviewer' : 'override_reason']: message,
    });
  }
  const overrideReason = candidate.conflicts.length ? input.overrideReason.trim() : '';
  await deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertReview(tx, {
      orgId: assessment.org_id,
      assessmentId,
      reviewerId: input.reviewerId,
      assignedBy: actor.personId,
      overrideReason,
    });
    if (!id) throw new AppError('conflict', `${candidate.name} is already reviewing this self-assessment.`);
    await recordAudit(tx, {
      orgId: assessment.org_id,
      actorId: actor.personId,
      action: overrideReason ? 'standards.reviewer.assigned_with_override' : 'standards.reviewer.assigned',
      subjectType: 'standards_assessment',
      subjectId: assessmentId,
      detail: {
        reviewer: input.reviewerId,
        ...(overrideReason ? { override_reason: overrideReason, rules: candidate.conflicts.map((c) => c.rule) } : {}),
      },
    });
  });
}

// ---- decision

export async function decideAssessment(
  deps: Deps,
  actor: SignedInActor,
  assessmentId: string,
  input: {
    outcome: 'recognised' | 'working_towards' | 'not_yet';
    feedback: string;
    actionPlan: string;
    reviewBy: string | null;
    panel: string[];
  },
): Promise<void> {
  const assessment = await repo.unsafeFindAssessment(deps.db, assessmentId);
  if (!assessment) throw notFound('self-assessment');
  if (assessment.status !== 'submitted')
    throw new AppError('conflict', 'This self-assessment has already been decided.');
  const [reviews, coordinators] = await Promise.all([
    repo.listReviewsForAssessment(deps.db, assessmentId),
    repo.listCoordinators(deps.db),
  ]);
  // The decider always sits on the panel.
  const panel = [...new Set([actor.personId, ...input.panel])];
  const coordinatorIds = new Set(coordinators.map((c) => c.id));
  if (panel.some((id) => !coordinatorIds.has(id))) {
    throw new AppError('validation', 'The panel is made of network coordinators.', {
      panel: 'Choose coordinators only',
    });
  }
  const blocker = decisionBlocker({
    submittedReviewerIds: reviews.filter((r) => r.status === 'submitted').map((r) => r.reviewer_id),
    assignedReviewerIds: reviews.map((r) => r.reviewer_id),
    panelIds: panel,
    kind: assessment.kind as 'full' | 'renewal',
  });
  if (blocker) throw new AppError('validation', blocker, { outcome: blocker });
  const today = todayInLondon();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.markDecided(tx, assessmentId))) {
      throw new AppError('conflict', 'This self-assessment has already been decided.');
    }
    await repo.insertDecision(tx, {
      assessmentId,
      orgId: assessment.org_id,
      outcome: input.outcome,
      feedback: input.feedback,
      actionPlan: input.actionPlan,
      reviewBy: input.outcome === 'working_towards' ? input.reviewBy : null,
      panel,
      decidedBy: actor.personId,
      renewalDue: input.outcome === 'recognised' ? renewalDue(today) : null,
    });
    await recordAudit(tx, {
      orgId: assessment.org_id,
      actorId: actor.personId,
      action: 'standards.decided',
      subjectType: 'standards_assessment',
      subjectId: assessmentId,
      detail: { outcome: input.outcome },
    });
  });
  const leads = await repo.leadEmailsOf(deps.db, assessment.org_id);
  const url = `${deps.config.publicUrl}/orgs/${assessment.org_slug}/standards/assessments/${assessmentId}`;
  for (const to of leads) {
    await deps.mailer.send({
      to,
      subject: 'A decision on your standards self-assessment',
      text: `The network's panel has made a decision on ${assessment.org_name}'s self-assessment.\n\nRead it, and respond if you wish: ${url}\n`,
    });
  }
}
