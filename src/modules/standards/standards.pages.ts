// Page loaders: each reads what one page needs and returns its view model.
import type { SignedInActor } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { reviewCandidates, type CandidateView } from './coordination.service.ts';
import { LEVELS, standardsByDomain, type FrameworkDefinition, type Level } from './domain/framework.ts';
import { todayInLondon } from './domain/renewal.ts';
import { liveFiguresFor, type LiveFigures } from './self-assessment.service.ts';
import * as repo from './standards.repository.ts';

export type Outcome = 'recognised' | 'working_towards' | 'not_yet';

export interface DecisionView {
  outcome: Outcome;
  feedback: string;
  actionPlan: string;
  reviewBy: string | null;
  decidedAt: Date;
  renewalDue: string | null;
  response: string;
  respondedAt: Date | null;
}

export interface AnswerView {
  level: Level | null;
  narrative: string;
  links: string[];
  files: { id: string; filename: string; size: number }[];
}

export interface AssessmentView {
  id: string;
  orgName: string;
  orgSlug: string;
  kind: 'full' | 'renewal';
  status: 'draft' | 'submitted' | 'decided';
  frameworkVersion: number;
  frameworkTitle: string;
  definition: FrameworkDefinition;
  submittedAt: Date | null;
  liveFigures: LiveFigures | null;
  answers: Record<string, AnswerView>;
  decision: DecisionView | null;
}

function decisionView(d: Awaited<ReturnType<typeof repo.findDecision>>): DecisionView | null {
  if (!d) return null;
  return {
    outcome: d.outcome as Outcome,
    feedback: d.feedback,
    actionPlan: d.action_plan,
    reviewBy: d.review_by,
    decidedAt: d.decided_at,
    renewalDue: d.renewal_due,
    response: d.org_response,
    respondedAt: d.responded_at,
  };
}

async function assessmentView(
  deps: Deps,
  a: NonNullable<Awaited<ReturnType<typeof repo.unsafeFindAssessment>>>,
): Promise<AssessmentView> {
  const [answers, files, decision] = await Promise.all([
    repo.listAnswers(deps.db, a.org_id, a.id),
    repo.listEvidenceFiles(deps.db, a.org_id, a.id),
    repo.findDecision(deps.db, a.id),
  ]);
  const byKey: Record<string, AnswerView> = {};
  for (const s of a.definition.standards) byKey[s.key] = { level: null, narrative: '', links: [], files: [] };
  for (const ans of answers) {
    const view = byKey[ans.standard_key];
    if (!view) continue;
    view.level = ans.level as Level | null;
    view.narrative = ans.narrative;
    view.links = ans.links.split(/\s+/).filter(Boolean);
  }
  for (const f of files) byKey[f.standard_key]?.files.push({ id: f.id, filename: f.filename, size: Number(f.size) });
  return {
    id: a.id,
    orgName: a.org_name,
    orgSlug: a.org_slug,
    kind: a.kind as 'full' | 'renewal',
    status: a.status as AssessmentView['status'],
    frameworkVersion: a.version,
    frameworkTitle: a.framework_title,
    definition: a.definition,
    submittedAt: a.submitted_at,
    liveFigures: (a.live_figures as unknown as LiveFigures | null) ?? null,
    answers: byKey,
    decision: decisionView(decision),
  };
}

// ---- public

export async function loadPublicStandardsPage(deps: Deps) {
  const [framework, recognised] = await Promise.all([
    repo.latestPublishedFramework(deps.db),
    repo.listRecognisedOrganisations(deps.db, todayInLondon()),
  ]);
  return {
    framework: framework && {
      version: framework.version,
      title: framework.title,
      publishedAt: framework.published_at,
      introduction: framework.definition.introduction,
      groups: standardsByDomain(framework.definition),
    },
    recognised: recognised.map((r) => ({
      name: r.name,
      slug: r.slug,
      decidedOn: r.decided_on,
      renewalDue: r.renewal_due,
    })),
  };
}
export type PublicStandardsView = Awaited<ReturnType<typeof loadPublicStandardsPage>>;

// ---- an organisation

export async function loadOrgStandardsPage(deps: Deps, org: OrgTarget) {
  const [assessments, framework, recognition] = await Promise.all([
    repo.listAssessmentsForOrg(deps.db, org.id),
    repo.latestPublishedFramework(deps.db),
    recognitionsFor(deps, [org.id]),
  ]);
  const decisions = await Promise.all(assessments.map((a) => repo.findDecision(deps.db, a.id)));
  return {
    org,
    canStart: !!framework && !assessments.some((a) => a.status !== 'decided'),
    frameworkVersion: framework?.version ?? null,
    recognition: recognition.get(org.id) ?? null,
    assessments: assessments.map((a, i) => ({
      id: a.id,
      kind: a.kind as 'full' | 'renewal',
      status: a.status as AssessmentView['status'],
      version: a.version,
      createdAt: a.created_at,
      submittedAt: a.submitted_at,
      outcome: (decisions[i]?.outcome as Outcome | undefined) ?? null,
    })),
  };
}
export type OrgStandardsView = Awaited<ReturnType<typeof loadOrgStandardsPage>>;

export async function loadOrgAssessmentPage(deps: Deps, org: OrgTarget, assessmentId: string) {
  const a = await repo.findAssessmentForOrg(deps.db, org.id, assessmentId);
  if (!a) throw notFound('self-assessment');
  const view = await assessmentView(deps, a);
  return { assessment: view, preview: view.status === 'draft' ? await liveFiguresFor(deps, org.id) : null };
}
export type OrgAssessmentView = Awaited<ReturnType<typeof loadOrgAssessmentPage>>;

// ---- coordinators

export async function loadCoordinatorPage(deps: Deps) {
  const [frameworks, submitted, researchers, training, counts, latest] = await Promise.all([
    repo.listFrameworks(deps.db),
    repo.listSubmittedAssessments(deps.db),
    repo.listPeerResearchers(deps.db),
    repo.listTraining(deps.db),
    repo.levelCounts(deps.db),
    repo.latestPublishedFramework(deps.db),
  ]);
  const today = todayInLondon();
  const hardest = (latest?.definition.standards ?? []).map((s) => {
    const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
    for (const c of counts)
      if (c.standard_key === s.key && c.level) byLevel[c.level as Level] = Number(c.organisations);
    return { key: s.key, title: s.title, domain: s.domain, byLevel };
  });
  // Hardest first: the most organisations at the first two levels.
  hardest.sort((x, y) => y.byLevel.emerging + y.byLevel.developing - (x.byLevel.emerging + x.byLevel.developing));
  return {
    frameworks: frameworks.map((f) => ({
      id: f.id,
      version: f.version,
      title: f.title,
      status: f.status as 'draft' | 'published',
      publishedAt: f.published_at,
    })),
    submitted: submitted.map((s) => ({
      id: s.id,
      orgName: s.org_name,
      kind: s.kind as 'full' | 'renewal',
      version: s.version,
      submittedAt: s.submitted_at,
      reviewers: Number(s.reviewers),
      reviewsDone: Number(s.reviews_done),
    })),
    researchers: researchers.map((r) => ({
      personId: r.id,
      name: r.display_name,
      organisations: r.peer_org_names,
      trainingExpiresOn: r.training_expires_on,
      trainingCurrent: !!r.training_expires_on && r.training_expires_on >= today,
      openReviews: Number(r.open_reviews),
      doneReviews: Number(r.done_reviews),
    })),
    training: training.map((t) => ({
      name: t.display_name,
      course: t.course,
      completedOn: t.completed_on,
      expiresOn: t.expires_on,
    })),
    hardest,
  };
}
export type CoordinatorView = Awaited<ReturnType<typeof loadCoordinatorPage>>;

export async function loadCoordinatorAssessmentPage(deps: Deps, assessmentId: string) {
  const a = await repo.unsafeFindAssessment(deps.db, assessmentId);
  if (!a) throw notFound('self-assessment');
  const [view, reviews, candidates, coordinators] = await Promise.all([
    assessmentView(deps, a),
    repo.listReviewsForAssessment(deps.db, a.id),
    a.status === 'submitted' ? reviewCandidates(deps, a) : Promise.resolve([] as CandidateView[]),
    repo.listCoordinators(deps.db),
  ]);
  const assigned = new Set(reviews.map((r) => r.reviewer_id));
  return {
    assessment: view,
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewerId: r.reviewer_id,
      name: r.display_name,
      status: r.status as 'assigned' | 'submitted',
      findings: r.findings as unknown as Record<string, { level: Level | null; notes: string }>,
      visitDate: r.visit_date,
      visitWho: r.visit_who,
      visitSeen: r.visit_seen,
      overrideReason: r.override_reason,
    })),
    candidates: candidates.filter((c) => !assigned.has(c.personId)),
    panelChoices: coordinators.filter((c) => !assigned.has(c.id)).map((c) => ({ id: c.id, name: c.display_name })),
  };
}
export type CoordinatorAssessmentView = Awaited<ReturnType<typeof loadCoordinatorAssessmentPage>>;

export async function loadFrameworkPage(deps: Deps, frameworkId: string) {
  const f = await repo.findFramework(deps.db, frameworkId);
  if (!f) throw notFound('framework');
  return {
    id: f.id,
    version: f.version,
    title: f.title,
    status: f.status as 'draft' | 'published',
    publishedAt: f.published_at,
    introduction: f.definition.introduction,
    groups: standardsByDomain(f.definition),
  };
}
export type FrameworkView = Awaited<ReturnType<typeof loadFrameworkPage>>;

// ---- peer researchers

export async function loadMyReviewsPage(deps: Deps, actor: SignedInActor) {
  const [reviews, interests] = await Promise.all([
    repo.listReviewsForReviewer(deps.db, actor.personId),
    repo.listDeclaredInterests(deps.db, actor.personId),
  ]);
  return {
    reviews: reviews.map((r) => ({
      id: r.id,
      orgName: r.org_name,
      status: r.status as 'assigned' | 'submitted',
      assignedAt: r.created_at,
    })),
    interests: interests.map((i) => ({ orgName: i.name, reason: i.reason })),
  };
}
export type MyReviewsView = Awaited<ReturnType<typeof loadMyReviewsPage>>;

// ---- for other modules (directory profile, ORUK feed)

export interface Recognition {
  decidedOn: string;
  renewalDue: string;
  frameworkVersion: number;
  frameworkTitle: string;
}

export async function recognitionsFor(deps: Pick<Deps, 'db'>, orgIds: readonly string[]) {
  const rows = await repo.currentRecognitions(deps.db, orgIds, todayInLondon());
  return new Map<string, Recognition>(
    rows.map((r) => [
      r.org_id,
      {
        decidedOn: r.decided_on,
        renewalDue: r.renewal_due,
        frameworkVersion: r.version,
        frameworkTitle: r.framework_title,
      },
    ]),
  );
}

export async function loadReviewPage(deps: Deps, actor: SignedInActor, reviewId: string) {
  const review = await repo.findReviewForReviewer(deps.db, reviewId, actor.personId);
  if (!review) throw notFound('review');
  const a = await repo.unsafeFindAssessment(deps.db, review.assessment_id);
  if (!a) throw notFound('review');
  return {
    review: {
      id: review.id,
      status: review.status as 'assigned' | 'submitted',
      findings: review.findings as unknown as Record<string, { level: Level | null; notes: string }>,
      visitDate: review.visit_date,
      visitWho: review.visit_who,
      visitSeen: review.visit_seen,
    },
    assessment: await assessmentView(deps, a),
  };
}
export type ReviewPageView = Awaited<ReturnType<typeof loadReviewPage>>;

export async function loadMemberOrganisations(deps: Deps) {
  return repo.listMemberOrganisations(deps.db);
}
