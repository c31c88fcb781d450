// Who may do what in shared learning. Pure and synchronous; deny by default.
import { roleIn, type SignedInActor } from '../../platform/auth/actor.ts';
import { orgRoleRule, type OrgRule, type OrgTarget } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

const isCoordinator = (actor: SignedInActor) => networkPolicy.coordinateNetwork.allows(actor);

/** Write resources and submit stories for the organisation: its leads and workers, of a member organisation. */
export const contributeLearning: OrgRule = {
  name: 'learning.org.contribute',
  allows: (actor, org) => org.status === 'member' && ['lead', 'worker'].includes(roleIn(actor, org.id) ?? ''),
};

/** See and keep the organisation's pathway progress: anyone in it (a new group is small), and coordinators. */
export const keepPathway: OrgRule = {
  name: 'learning.org.pathway',
  allows: (actor, org) => roleIn(actor, org.id) !== undefined || isCoordinator(actor),
};

/** Ask for a mentor on the group's behalf: its lead. */
export const askForMentor = orgRoleRule('learning.org.ask-mentor', ['lead']);

/** Offer mentoring and answer requests: leads of member organisations. */
export const mentorForOrg: OrgRule = {
  name: 'learning.org.mentor',
  allows: (actor, org) => org.status === 'member' && roleIn(actor, org.id) === 'lead',
};

/** Review stories, moderate questions, see and make mentor matches: network coordinators. */
export const coordinateLearning = networkPolicy.coordinateNetwork;

/**
 * A person counts as a network member (members-only resources, questions, people who can
 * help) when they belong to a member organisation, or coordinate the network.
 * `memberOrgIds` are the ids of organisations whose status is member.
 */
export function isNetworkMember(actor: SignedInActor | undefined, memberOrgIds: ReadonlySet<string>): boolean {
  if (!actor) return false;
  return isCoordinator(actor) || actor.memberships.some((m) => memberOrgIds.has(m.orgId));
}

/** Can this person read a resource? Published public ones: anyone. Members only: network members. */
export function canReadResource(
  actor: SignedInActor | undefined,
  memberOrgIds: ReadonlySet<string>,
  r: { visibility: string; status: string; orgId: string },
): boolean {
  const own = actor ? roleIn(actor, r.orgId) !== undefined : false;
  if (r.status !== 'published') return own || (actor ? isCoordinator(actor) : false);
  if (r.visibility === 'public') return true;
  return isNetworkMember(actor, memberOrgIds);
}

/** A group's pathway progress: the group, its accepted mentor, coordinators. */
export function canSeePathway(actor: SignedInActor, group: OrgTarget, mentorOrgId: string | undefined): boolean {
  return keepPathway.allows(actor, group) || (mentorOrgId !== undefined && roleIn(actor, mentorOrgId) !== undefined);
}

/** Hide or restore questions and answers: coordinators. */
export const moderate = (actor: SignedInActor) => isCoordinator(actor);
