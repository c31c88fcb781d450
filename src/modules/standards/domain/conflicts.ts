// Who may review whom. Pure: every fact arrives as data, so each rule is tested exactly.
// A reviewer must be a trained peer researcher from another member organisation, with no
// relationship to the organisation under review. Only the shared-area rule can be
// overridden, and only with a recorded reason.

export type ConflictRule =
  | 'not_peer_researcher'
  | 'no_current_training'
  | 'own_organisation'
  | 'declared_interest'
  | 'recent_relationship'
  | 'same_local_authority';

export interface Conflict {
  rule: ConflictRule;
  message: string;
  overridable: boolean;
}

export interface ReviewerFacts {
  /** Organisations where the person holds the peer researcher role. */
  peerResearcherOrgIds: readonly string[];
  /** Every organisation the person holds any role in. */
  memberOrgIds: readonly string[];
  /** Latest training expiry (YYYY-MM-DD), if any. */
  trainingExpiresOn: string | undefined;
  /** Organisations the person declared a relationship with. */
  declaredOrgIds: readonly string[];
  /** Local authority codes served by the person's own organisations. */
  ownAreaCodes: readonly string[];
}

export interface TargetFacts {
  orgId: string;
  areaCodes: readonly string[];
  /**
   * Organisations in a mentoring or consortium relationship with the target within the last
   * three years, each with what it was as a phrase that reads before "this organisation" ("was a mentor of").
   */
  recentRelationships: readonly { orgId: string; what: string }[];
}

export function reviewConflicts(reviewer: ReviewerFacts, target: TargetFacts, today: string): Conflict[] {
  const conflicts: Conflict[] = [];
  const refuse = (rule: ConflictRule, message: string, overridable = false) =>
    conflicts.push({ rule, message, overridable });

  if (reviewer.peerResearcherOrgIds.length === 0) {
    refuse('not_peer_researcher', 'They are not a peer researcher at a member organisation.');
  }
  if (!reviewer.trainingExpiresOn || reviewer.trainingExpiresOn < today) {
    refuse(
      'no_current_training',
      reviewer.trainingExpiresOn
        ? `Their peer researcher training ran out on ${reviewer.trainingExpiresOn}.`
        : 'There is no record of peer researcher training for them.',
    );
  }
  if (reviewer.memberOrgIds.includes(target.orgId)) {
    refuse('own_organisation', 'They belong to the organisation being reviewed.');
  }
  if (reviewer.declaredOrgIds.includes(target.orgId)) {
    refuse('declared_interest', 'They declared a relationship with this organisation.');
  }
  const related = target.recentRelationships.find((r) => reviewer.memberOrgIds.includes(r.orgId));
  if (related) {
    refuse('recent_relationship', `Their organisation ${related.what} this organisation in the last three years.`);
  }
  const shared = reviewer.ownAreaCodes.some((code) => target.areaCodes.includes(code));
  if (shared) {
    refuse(
      'same_local_authority',
      'Their organisation works in the same local authority area. A coordinator can allow this with a reason.',
      true,
    );
  }
  return conflicts;
}

/** May this reviewer be assigned, given the conflicts and whether an override reason was given? */
export function assignmentAllowed(conflicts: readonly Conflict[], overrideReason: string): boolean {
  return conflicts.every((c) => c.overridable && overrideReason.trim().length >= 10);
}
