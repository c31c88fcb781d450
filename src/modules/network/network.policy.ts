// Who may do what with an organisation and with the network. Pure and synchronous; deny by
// default. Routes name these rules in `config.access`; the access layer enforces them.
import { hasNetworkRole, roleIn, type OrgRole, type SignedInActor } from '../../platform/auth/actor.ts';
import type { ActorRule, OrgRule, OrgTarget } from '../../platform/http/access.ts';

function orgRoles(name: string, roles: readonly OrgRole[]): OrgRule {
  return {
    name,
    allows: (actor: SignedInActor, org: OrgTarget) => {
      const role = roleIn(actor, org.id);
      return role !== undefined && roles.includes(role);
    },
  };
}

/** See the organisation's own workspace: anyone with a role in it. */
export const viewOrgWorkspace = orgRoles('org.workspace.view', ['lead', 'worker', 'volunteer', 'peer_researcher']);
/** Invite people, change roles, remove people: the organisation's leads. */
export const manageOrgTeam = orgRoles('org.team.manage', ['lead']);
/** Read who viewed or exported personal data: the organisation's leads. */
export const readOrgAudit = orgRoles('org.audit.read', ['lead']);

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

