// A peer researcher's side: the reviews assigned to them, and nothing else; notes per
// standard, a visit record and recommended levels; declaring relationships.
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Level } from './domain/framework.ts';
import * as repo from './standards.repository.ts';

/** The review and its assessment, for the person assigned to it only ("not yours" is 404). */
export async function loadAssignedReview(deps: Deps, actor: SignedInActor, reviewId: string) {
  const review = await repo.findReviewForReviewer(deps.db, reviewId, actor.personId);
  if (!review) throw notFound('review');
  const assessment = await repo.unsafeFindAssessment(deps.db, review.assessment_id);
  if (!assessment) throw notFound('review');
  return { review, assessment };
}

export interface ReviewInput {
  findings: Record<string, { level: Level | null; notes: string }>;
  visitDate: string | null;
  visitWho: string;
  visitSeen: string;
}

export async function saveAssignedReview(
  deps: Deps,
  actor: SignedInActor,
  reviewId: string,
  input: ReviewInput,
  options: { submit: boolean },
): Promise<void> {
  const { review, assessment } = await loadAssignedReview(deps, actor, reviewId);
  if (review.status !== 'assigned') throw new AppError('conflict', 'You have already sent this review.');
  const keys = assessment.definition.standards.map((s) => s.key);
  const findings = Object.fromEntries(keys.map((k) => [k, input.findings[k] ?? { level: null, notes: '' }]));
  if (options.submit) {
    const fields: Record<string, string> = {};
    for (const k of keys) if (!findings[k]!.level) fields[`level_${k}`] = `Recommend a level for standard ${k}`;
    // A renewal is a desk review: the visit is for full assessments.
    if (!input.visitDate && assessment.kind === 'full') fields.visit_date = 'Enter the date of the visit';
    if (Object.keys(fields).length) {
      throw new AppError(
        'validation',
        'Recommend a level for every standard and record the visit before you send.',
        fields,
      );
    }
  }
  const saved = await repo.saveReview(deps.db, reviewId, actor.personId, {
    ...input,
    findings,
    submit: options.submit,
  });
  if (!saved) throw new AppError('conflict', 'You have already sent this review.');
  if (options.submit) {
    await recordAudit(deps.db, {
      orgId: assessment.org_id,
      actorId: actor.personId,
      action: 'standards.review.submitted',
      subjectType: 'standards_review',
      subjectId: reviewId,
    });
  }
}

export async function readReviewerEvidenceFile(deps: Deps, actor: SignedInActor, reviewId: string, fileId: string) {
  const { assessment } = await loadAssignedReview(deps, actor, reviewId);
  const file = await repo.findEvidenceFile(deps.db, assessment.id, fileId);
  if (!file) throw notFound('file');
  await recordAudit(deps.db, {
    orgId: assessment.org_id,
    actorId: actor.personId,
    action: 'standards.evidence.viewed',
    subjectType: 'standards_evidence_file',
    subjectId: fileId,
  });
  return file;
}

export async function declareInterest(deps: Deps, actor: SignedInActor, orgId: string, reason: string) {
  try {
    await repo.insertDeclaredInterest(deps.db, actor.personId, orgId, reason);
  } catch (err) {
    // 23503: no such organisation.
    if ((err as { code?: string }).code !== '23503') throw err;
    throw new AppError('validation', 'Choose an organisation.', { org: 'Choose an organisation' });
  }
}

export async function readCoordinatorEvidenceFile(
  deps: Deps,
  actor: SignedInActor,
  assessmentId: string,
  fileId: string,
) {
  const assessment = await repo.unsafeFindAssessment(deps.db, assessmentId);
  if (!assessment) throw notFound('file');
  const file = await repo.findEvidenceFile(deps.db, assessmentId, fileId);
  if (!file) throw notFound('file');
  await recordAudit(deps.db, {
    orgId: assessment.org_id,
    actorId: actor.personId,
    action: 'standards.evidence.viewed',
    subjectType: 'standards_evidence_file',
    subjectId: fileId,
  });
  return file;
}
