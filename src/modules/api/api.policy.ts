// Who may make and revoke API tokens. Pure and synchronous; deny by default.
import { orgRoleRule, type ActorRule } from '../../platform/http/access.ts';
import { networkPolicy } from '../network/index.ts';

/** An organisation's tokens (public or org scope): its leads. */
export const manageOrgApiTokens = orgRoleRule('api.org.tokens', ['lead']);

/** The network's tokens (public or network scope): coordinators. */
export const manageNetworkApiTokens: ActorRule = {
  name: 'api.network.tokens',
  allows: (actor) => networkPolicy.coordinateNetwork.allows(actor),
};
