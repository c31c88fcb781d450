// Who may do what in the collective voice. Pure and synchronous; deny by default.
import { isSignedIn, roleIn, type Actor, type SignedInActor } from '../../platform/auth/actor.ts';
import { orgRoleRule, type ActorRule } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

const isCoordinator = (actor: Actor) => isSignedIn(actor) && networkPolicy.coordinateNetwork.allows(actor);

/** Network consultations, moderation of words, collections, papers to government: coordinators. */
export const coordinateVoice: ActorRule = { name: 'voice.network.coordinate', allows: (actor) => isCoordinator(actor) };

/** Consultations for the organisation's own people: its leads. */
export const runOrgConsultations = orgRoleRule('voice.org.consult', ['lead']);

export interface ConsultationTarget {
  /** null: the network's own. */
  orgId: string | null;
  audience: 'link' | 'network' | 'org';
  resultsVisibility: 'after_close' | 'live';
}

export type Phase = 'upcoming' | 'open' | 'closed';

export function phaseOf(c: { opensAt: Date; closesAt: Date; closedAt: Date | null }, now: Date): Phase {
  if (c.closedAt || now >= c.closesAt) return 'closed';
  return now < c.opensAt ? 'upcoming' : 'open';
}

/** Run it (statements, moderation, closing early): coordinators for the network's, the organisation's leads for its own. */
export function canManageConsultation(actor: Actor, c: ConsultationTarget): boolean {
  if (!isSignedIn(actor)) return false;
  return c.orgId === null ? isCoordinator(actor) : roleIn(actor, c.orgId) === 'lead';
}

/** Belongs to a member organisation, or coordinates. `memberOrgIds`: organisations whose status is member. */
export function isNetworkMember(actor: Actor, memberOrgIds: ReadonlySet<string>): actor is SignedInActor {
  return isSignedIn(actor) && (isCoordinator(actor) || actor.memberships.some((m) => memberOrgIds.has(m.orgId)));
}

/** See it and take part: anyone with the link; members of the network; the organisation's own people. */
export function canTakePart(actor: Actor, c: ConsultationTarget, memberOrgIds: ReadonlySet<string>): boolean {
  if (c.audience === 'link') return true;
  if (c.audience === 'network') return isNetworkMember(actor, memberOrgIds);
  return c.orgId !== null && roleIn(actor, c.orgId) !== undefined;
}

/** Results: the people who run it at any time; everyone who may take part once closed, or as they come if it is live. Thresholds apply to all. */
export function canSeeResults(
  actor: Actor,
  c: ConsultationTarget,
  phase: Phase,
  memberOrgIds: ReadonlySet<string>,
): boolean {
  if (canManageConsultation(actor, c)) return true;
  if (!canTakePart(actor, c, memberOrgIds)) return false;
  return phase === 'closed' || (c.resultsVisibility === 'live' && phase === 'open');
}

/** Comment on a draft paper and endorse it for the organisation: leads of member organisations. */
export function leadOrgsOf(actor: Actor, memberOrgIds: ReadonlySet<string>): string[] {
  if (!isSignedIn(actor)) return [];
  return actor.memberships.filter((m) => m.role === 'lead' && memberOrgIds.has(m.orgId)).map((m) => m.orgId);
}

/** Read a paper: published ones, anyone; drafts, coordinators and leads of member organisations. */
export function canReadSubmission(actor: Actor, s: { status: string }, memberOrgIds: ReadonlySet<string>): boolean {
  if (s.status === 'published') return true;
  return isCoordinator(actor) || leadOrgsOf(actor, memberOrgIds).length > 0;
}
