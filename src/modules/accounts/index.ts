// The accounts module: signing in and out, emailed links, passwords, invitations.
import { deleteExpiredRateLimits } from '../../platform/auth/rate-limit.repository.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { accountRoutes } from './accounts.routes.tsx';
import { SEND_LINK_JOB, sendEmailedLink } from './accounts.service.ts';

export { accountRoutes };

export const accountsModule: ModuleDefinition = {
  name: 'accounts',
  routes: accountRoutes,
  jobs: [
    { name: SEND_LINK_JOB, retryLimit: 3, retryDelaySeconds: 30, run: sendEmailedLink },
    // Rate-limit counters whose window is over (sign-in, joining) are cleared every hour.
    {
      name: 'accounts.sweep-rate-limits',
      schedule: '23 * * * *',
      run: async (deps) => void (await deleteExpiredRateLimits(deps.db)),
    },
  ],
  migrationsRange: [1, 99],
};
