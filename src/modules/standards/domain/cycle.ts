// The rules of the cycle that are not about who: a complete submission, enough reviews,
// and a panel independent of the reviewers.
import type { FrameworkDefinition, Level } from './framework.ts';

export const MIN_REVIEWERS = 2;
/** Renewal is a lighter desk review: one peer reviewer, no visit needed. */
export const MIN_RENEWAL_REVIEWERS = 1;

export function minReviewers(kind: 'full' | 'renewal'): number {
  return kind === 'renewal' ? MIN_RENEWAL_REVIEWERS : MIN_REVIEWERS;
}

export interface AnswerFacts {
  standardKey: string;
  level: Level | null;
}

/** Standards still without a level, in framework order. */
export function missingLevels(definition: FrameworkDefinition, answers: readonly AnswerFacts[]): string[] {
  const answered = new Set(answers.filter((a) => a.level).map((a) => a.standardKey));
  return definition.standards.filter((s) => !answered.has(s.key)).map((s) => s.key);
}

export interface DecisionFacts {
  submittedReviewerIds: readonly string[];
  assignedReviewerIds: readonly string[];
  panelIds: readonly string[];
  kind: 'full' | 'renewal';
}

/** Why a decision can't be made yet, or undefined when it can. */
export function decisionBlocker(facts: DecisionFacts): string | undefined {
  const needed = minReviewers(facts.kind);
  if (facts.submittedReviewerIds.length < needed) {
    return needed === 1
      ? 'A renewal needs a finished desk review by a peer researcher.'
      : `A decision needs at least ${needed} finished peer reviews.`;
  }
  if (facts.panelIds.length === 0) return 'Choose at least one coordinator for the panel.';
  if (facts.panelIds.some((id) => facts.assignedReviewerIds.includes(id))) {
    return 'Nobody who reviewed this assessment can sit on the panel that decides it.';
  }
  return undefined;
}
