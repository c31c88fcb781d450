// The api module: the open API under /api/v1 (its OpenAPI document, public lists, the network's
// and an organisation's figures) and the pages where leads and coordinators make, list and
// revoke read-only API tokens. The bearer check is the platform's (platform/auth/api-tokens.ts),
// the directory's search is the directory module's own route.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { ModuleDefinition, NetworkLink } from '../../platform/modules.ts';
import { manageNetworkApiTokens, manageOrgApiTokens } from './api.policy.ts';
import { apiTokenRoutes } from './tokens.routes.tsx';
import { apiV1Routes } from './v1.routes.ts';

export const apiWorkspaceLinks: WorkspaceLink[] = [
  {
    label: 'API tokens',
    description: 'Let another system, such as a council directory, read your public information or your own figures.',
    href: (org) => `/orgs/${org.slug}/api-tokens`,
    rule: manageOrgApiTokens,
  },
];

export const apiNetworkLinks: NetworkLink[] = [
  {
    label: 'API tokens',
    description: "Let another system read the network's public information or its figures after disclosure control.",
    href: '/network/api-tokens',
    rule: manageNetworkApiTokens,
  },
];

export const apiModule: ModuleDefinition = {
  name: 'api',
  routes: (deps: Deps) => async (app: FastifyInstance) => {
    await app.register(apiV1Routes(deps));
    await app.register(apiTokenRoutes(deps));
  },
  workspaceLinks: apiWorkspaceLinks,
  networkLinks: apiNetworkLinks,
  migrationsRange: [900, 999],
};
