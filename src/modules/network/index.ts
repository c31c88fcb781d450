// The network module: organisations, their teams, and network coordination.
import type { ModuleDefinition } from '../../platform/modules.ts';
import { networkRoutes } from './network.routes.tsx';

export { networkRoutes };
export {
  findOrgBySlug,
  insertOrganisation,
  insertOrganisations,
  leadEmailsOf,
  upsertMembership,
  slugExists,
} from './network.repository.ts';
export * as networkPolicy from './network.policy.ts';
export { inviteToOrganisation } from './network.service.ts';

export const networkModule: ModuleDefinition = { name: 'network', routes: networkRoutes, migrationsRange: [1, 99] };
