// The standards module: a versioned framework, self-assessment with live figures, review by
// trained peer researchers under conflict-of-interest rules, a panel's decision, recognition
// and renewal. Its only public entry.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { networkStandardsRoutes } from './network.routes.tsx';
import { orgStandardsRoutes } from './org.routes.tsx';
import { renewalReminderJob } from './renewal.job.ts';
import { reviewRoutes } from './review.routes.tsx';
import { standardsOrgMarks } from './org-marks.ts';
import { seedStandardsDemo } from './standards.seed.ts';
import { assessOrgStandards, coordinateStandards } from './standards.policy.ts';

export { recognitionsFor, type Recognition } from './standards.pages.ts';
export { remindRenewals } from './renewal.job.ts';
export { RECOGNISED_TERM } from './org-marks.ts';
export * as standardsPolicy from './standards.policy.ts';

function standardsRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(orgStandardsRoutes(deps));
    await app.register(networkStandardsRoutes(deps));
    await app.register(reviewRoutes(deps));
  };
}

export const standardsModule: ModuleDefinition = {
  name: 'standards',
  routes: standardsRoutes,
  workspaceLinks: [
    {
      label: 'Standards',
      description: 'Look at where you are against the network’s standards, and send a self-assessment for peer review.',
      href: (org) => `/orgs/${org.slug}/standards`,
      rule: assessOrgStandards,
    },
  ],
  networkLinks: [
    {
      label: 'Standards',
      description:
        'Self-assessments waiting for reviewers or a decision, peer researchers and their training, versions.',
      href: '/network/standards',
      rule: coordinateStandards,
    },
  ],
  seedDemo: seedStandardsDemo,
  jobs: [renewalReminderJob],
  orgMarks: standardsOrgMarks,
  migrationsRange: [800, 899],
};
