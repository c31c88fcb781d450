// The funding module: who funds recovery (360Giving open grants data, matched to members by
// identifier), a board of opportunities with deadline reminders and a calendar feed, an
// organisation's value statement, and consortium bids with a combined evidence pack.
// Its only public entry.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { bidRoutes } from './bids/bids.routes.tsx';
import { fundingRoutes } from './funding.routes.tsx';
import { fundersRoutes } from './grants/funders.routes.tsx';
import { grantsDataRoutes } from './grants/grants-data.routes.tsx';
import { boardRoutes } from './opportunities/board.routes.tsx';
import { changeOpportunityRoutes } from './opportunities/change-opportunity.routes.tsx';
import { coordinateFunding, manageOrgFunding } from './funding.policy.ts';
import { seedFundingDemo } from './funding.seed.ts';
import { deadlineReminderJob } from './opportunities/reminders.job.ts';

export { runGrantImportCommand } from './grants/import.command.ts';
export { remindDeadlines } from './opportunities/reminders.job.ts';
export { consortiumPartnersSince } from './bids/consortium-partners.repository.ts';
export * as fundingPolicy from './funding.policy.ts';

export const fundingModule: ModuleDefinition = {
  name: 'funding',
  routes: (deps: Deps) => async (app: FastifyInstance) => {
    await app.register(fundersRoutes(deps));
    await app.register(grantsDataRoutes(deps));
    await app.register(boardRoutes(deps));
    await app.register(fundingRoutes(deps));
    await app.register(bidRoutes(deps));
    await app.register(changeOpportunityRoutes(deps));
  },
  workspaceLinks: [
    {
      label: 'Funding',
      description: 'What you achieve and what it is worth, funding opportunities, and bids with other members.',
      href: (org) => `/orgs/${org.slug}/funding`,
      rule: manageOrgFunding,
    },
  ],
  networkLinks: [
    {
      label: 'Grants data',
      description: 'Import funders’ published grants (360Giving) and edit the keywords that flag recovery work.',
      href: '/network/funding/import',
      rule: coordinateFunding,
    },
  ],
  seedDemo: seedFundingDemo,
  jobs: [deadlineReminderJob],
  migrationsRange: [700, 799],
};
