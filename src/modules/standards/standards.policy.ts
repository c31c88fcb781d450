// Who may do what with standards. Pure and synchronous; deny by default.
import { orgRoleRule, type ActorRule } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

/** Self-assessment, evidence and responding to a decision: the organisation's leads and workers. */
export const assessOrgStandards = orgRoleRule('standards.org.assess', ['lead', 'worker']);
/** Frameworks, training records, assigning reviewers, panel decisions: coordinators. */
export const coordinateStandards: ActorRule = {
  name: 'standards.network.coordinate',
  allows: (actor) => networkPolicy.coordinateNetwork.allows(actor),
};
/**
 * Reviews: any signed-in person reaches their own list; a review is shown only to the person
 * assigned to it (checked when it is loaded, answering 404 otherwise).
 */
