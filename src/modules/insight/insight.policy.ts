// Who may see which insight pages. Pure and synchronous; deny by default.
import { orgRoleRule, type ActorRule } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

/** The organisation's own dashboard (exact figures): anyone with a role in it. */
export const viewOrgInsight = orgRoleRule('insight.org.view', ['lead', 'worker', 'volunteer', 'peer_researcher']);
/** Evidence packs, social value and open data for the organisation: leads and workers, who deal with commissioners. */
export const makeOrgPack = orgRoleRule('insight.org.pack', ['lead', 'worker']);
/** The network dashboard, consortium and network packs: coordinators. */
export const viewNetworkInsight: ActorRule = {
  name: 'insight.network.view',
  allows: (actor) => networkPolicy.coordinateNetwork.allows(actor),
};
