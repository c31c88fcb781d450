// Who may see which insight pages. Pure and synchronous; deny by default.
import { roleIn, type OrgRole, type SignedInActor } from '../../platform/auth/actor.ts';
import type { ActorRule, OrgRule, OrgTarget } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

function orgRoles(name: string, roles: readonly OrgRole[]): OrgRule {
  return { name, allows: (actor: SignedInActor, org: OrgTarget) => roles.includes(roleIn(actor, org.id) as OrgRole) };
}

/** The organisation's own dashboard (exact figures): anyone with a role in it. */
export const viewOrgInsight = orgRoles('insight.org.view', ['lead', 'worker', 'volunteer', 'peer_researcher']);
/** Evidence packs and open data for the organisation: leads and workers, who deal with commissioners. */
export const makeOrgPack = orgRoles('insight.org.pack', ['lead', 'worker']);
/** The network dashboard, consortium and network packs: coordinators. */
export const viewNetworkInsight: ActorRule = { name: 'insight.network.view', allows: (actor) => networkPolicy.coordinateNetwork.allows(actor) };
