// The insight module: statistics, pooling and disclosure control over recorded outcomes,
// dashboards, social value and evidence packs. Its only public entry.
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { ModuleDefinition, NetworkLink } from '../../platform/modules.ts';
import { insightRoutes } from './insight.routes.tsx';
import { methodsRoutes } from './methods/methods.routes.tsx';
import type { Deps } from '../../platform/deps.ts';
import type { FastifyInstance } from 'fastify';
import { viewNetworkInsight, viewOrgInsight } from './insight.policy.ts';

export { runPoolCommand } from './pool.command.ts';
export { insightRoutes } from './insight.routes.tsx';
export { rebuildSummaries } from './summaries.repository.ts';
export * as insightPolicy from './insight.policy.ts';

export const insightWorkspaceLinks: WorkspaceLink[] = [
  {
    label: 'Insight',
    description: 'Your reach and outcomes with their uncertainty, social value, and evidence packs for commissioners.',
    href: (org) => `/orgs/${org.slug}/insight`,
    rule: viewOrgInsight,
  },
];

export const insightNetworkLinks: NetworkLink[] = [
  {
    label: 'Network insight',
    description: 'Reach and outcomes across the network, with their uncertainty; the network evidence pack and open data.',
    href: '/network/insight',
    rule: viewNetworkInsight,
  },
];

export const insightModule: ModuleDefinition = {
  name: 'insight',
  routes: (deps: Deps) => async (app: FastifyInstance) => {
    await app.register(insightRoutes(deps));
    await app.register(methodsRoutes(deps));
  },
  workspaceLinks: insightWorkspaceLinks,
  networkLinks: insightNetworkLinks,
  migrationsRange: [300, 399],
};
