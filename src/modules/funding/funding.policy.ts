// Who may do what with funding. Pure and synchronous; deny by default.
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { orgRoleRule, type ActorRule, type OrgRule } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

/**
 * An organisation's funding work (its bids, its value statement, showing its grants, marking
 * interest): its leads and workers, and only while it is a member.
 */
export const manageOrgFunding: OrgRule = {
  name: 'funding.org.manage',
  allows: (actor, org) =>
    org.status === 'member' && orgRoleRule('funding.org.manage', ['lead', 'worker']).allows(actor, org),
};

/** Importing grants data and editing the recovery keyword list: coordinators. */
export const coordinateFunding: ActorRule = {
  name: 'funding.network.coordinate',
  allows: (actor) => networkPolicy.coordinateNetwork.allows(actor),
};

/** Adding an opportunity to the board: coordinators, or a lead or worker of any member. */
export function mayAddOpportunity(actor: SignedInActor, memberOrgIds: ReadonlySet<string>): boolean {
  if (coordinateFunding.allows(actor)) return true;
  return actor.memberships.some((m) => (m.role === 'lead' || m.role === 'worker') && memberOrgIds.has(m.orgId));
}

/**
 * Changing or removing an opportunity on the board: coordinators, the person who added it, or a
 * lead of the organisation that added it (so it outlives one person moving on).
 */
export function mayChangeOpportunity(
  actor: SignedInActor,
  o: { addedBy: string | null; addedByOrg: string | null },
): boolean {
  if (coordinateFunding.allows(actor)) return true;
  if (o.addedBy !== null && o.addedBy === actor.personId) return true;
  return o.addedByOrg !== null && actor.memberships.some((m) => m.role === 'lead' && m.orgId === o.addedByOrg);
}

// ---- consortium bids ---------------------------------------------------------------------------

/** Where an organisation stands on one bid; undefined when it has nothing to do with it. */
export type PartnerStanding = 'lead' | 'invited' | 'accepted' | 'declined' | undefined;

export type BidAction =
  | 'see-invitation'
  | 'respond'
  | 'view'
  | 'edit-bid'
  | 'invite'
  | 'set-budget'
  | 'add-task'
  | 'add-document'
  | 'sign-off'
  | 'add-note'
  | 'export';

const PARTNER_ACTIONS: readonly BidAction[] = ['view', 'add-task', 'add-document', 'sign-off', 'add-note', 'export'];

/**
 * What an organisation (already authorised to manage its own funding) may do on a bid. The
 * lead does everything; an accepted partner works on the bid but cannot change its terms; an
 * invited one sees only the invitation and answers it; a declined one sees nothing.
 */
export function canOnBid(standing: PartnerStanding, action: BidAction): boolean {
  switch (standing) {
    case 'lead':
      return action !== 'respond' && action !== 'see-invitation';
    case 'accepted':
      return PARTNER_ACTIONS.includes(action);
    case 'invited':
      return action === 'see-invitation' || action === 'respond';
    default:
      return false;
  }
}
