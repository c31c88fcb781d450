// Who may organise events and who may come. Pure and synchronous; deny by default.
import { isSignedIn, roleIn, type Actor, type SignedInActor } from '../../platform/auth/actor.ts';
import { orgRoleRule, type ActorRule, type OrgTarget } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

/** Create and run an organisation's events (registrations, access needs, the register): its leads and workers. */
export const manageOrgEvents = orgRoleRule('events.org.manage', ['lead', 'worker']);

/** Create and run the network's own events: network coordinators. */
export const manageNetworkEvents: ActorRule = networkPolicy.coordinateNetwork;

export type Audience = 'anyone' | 'network' | 'organisation';

export interface EventAccessTarget {
  /** The hosting organisation; null for the network's own events. */
  orgId: string | null;
  audience: Audience;
}

/** May this person organise this event (see its registrations, access needs and register)? */
export function mayOrganise(actor: Actor, event: Pick<EventAccessTarget, 'orgId'>): boolean {
  if (!isSignedIn(actor)) return false;
  if (event.orgId === null) return manageNetworkEvents.allows(actor);
  const org: OrgTarget = { id: event.orgId, slug: '', name: '', status: 'member' };
  return manageOrgEvents.allows(actor, org);
}

function inNetwork(actor: SignedInActor): boolean {
  return actor.networkRole !== null || actor.memberships.length > 0;
}

/** May this person see the event and register for it? */
export function mayAttend(actor: Actor, event: EventAccessTarget): boolean {
  if (event.audience === 'anyone') return true;
  if (!isSignedIn(actor)) return false;
  if (mayOrganise(actor, event)) return true;
  if (event.audience === 'network') return inNetwork(actor);
  // One organisation's people; the network's own "organisation" events mean the network's people.
  return event.orgId === null ? inNetwork(actor) : roleIn(actor, event.orgId) !== undefined;
}
