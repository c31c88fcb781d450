// The insight module: statistics, pooling and disclosure control over recorded outcomes,
// dashboards, social value and evidence packs. Its only public entry.
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { ModuleDefinition, NetworkLink } from '../../platform/modules.ts';
import { insightRoutes } from './insight.routes.tsx';
import { methodsRoutes } from './methods/methods.routes.tsx';
import type { Deps } from '../../platform/deps.ts';
import type { FastifyInstance } from 'fastify';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { viewNetworkInsight, viewOrgInsight } from './insight.policy.ts';
import { publishFiguresJob } from './release.job.ts';
import { estimateReferencesJob } from './references.job.ts';
import { seedInsightDemo } from './release.service.ts';

export { runPoolCommand } from './pool.command.ts';
export { runFiguresCommand } from './release.command.ts';
export { publishRelease } from './release.service.ts';
export { estimateNetworkReferences } from './references.service.ts';
export { insightRoutes } from './insight.routes.tsx';
export { rebuildSummaries } from './summaries.repository.ts';
export * as insightPolicy from './insight.policy.ts';
// For the funding module: a consortium's combined pack and an organisation's value statement.
export {
  buildOrgDashboard,
  buildOutsideView,
  type OrgDashboard,
  type OutsideView,
  type PooledMeasureView,
} from './insight.service.ts';
export {
  outsidePack,
  socialValueFor,
  socialValueHeadline,
  socialValueBlocks,
  type Block,
  type PackDocument,
  type Section,
} from './pack.document.ts';
export { renderPackPdf } from './pack.pdf.ts';
export {
  DEFAULT_ASSUMPTIONS,
  calculateSocialValue,
  type SocialValueAssumptions,
  type SocialValueResult,
} from './domain/social-value.ts';
export { discloseCount, roundToNearestFive, MINIMUM_GROUP_SIZE, type Disclosed } from './domain/disclosure.ts';
export { SOURCES } from './domain/sources.ts';
// Also used by the voice module: the same disclosure rules and pooled figures on its pages and papers.

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
    description:
      'Reach and outcomes across the network, with their uncertainty; the network evidence pack and open data.',
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
  jobs: [publishFiguresJob as JobDefinition, estimateReferencesJob as JobDefinition],
  // After the evidence demo (seeded by the core demo first): its figures, published at once.
  seedDemo: (tx) => seedInsightDemo(tx),
  migrationsRange: [300, 399],
};
