// Who may do what with an organisation and with the network. Pure and synchronous; deny by
// default. Routes name these rules in `config.access`; the access layer enforces them.
import { hasNetworkRole } from '../../platform/auth/actor.ts';
import { orgRoleRule, type ActorRule, type OrgRule } from '../../platform/http/access.ts';

/** See the organisation's own workspace: anyone with a role in it. */
export const viewOrgWorkspace = orgRoleRule('org.workspace.view', ['lead', 'worker', 'volunteer', 'peer_researcher']);
/** Invite people, change roles, remove people: the organisation's leads. */
export const manageOrgTeam = orgRoleRule('org.team.manage', ['lead']);
/** Read who viewed or exported personal data: the organisation's leads. */
export const readOrgAudit = orgRoleRule('org.audit.read', ['lead']);

/** Network coordination: organisations' status, inviting leads. */
export const coordinateNetwork: ActorRule = {
  name: 'network.coordinate',
  allows: (actor) => hasNetworkRole(actor, 'coordinator', 'admin'),
};

/** A coordinator acting on any organisation (status, inviting its lead); not its private data. */
export const coordinateOrganisation: OrgRule = {
  name: 'network.organisation.coordinate',
  allows: (actor) => coordinateNetwork.allows(actor),
};
