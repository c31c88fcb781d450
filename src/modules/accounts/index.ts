// The accounts module: signing in and out, emailed links, passwords, invitations.
import type { ModuleDefinition } from '../../platform/modules.ts';
import { accountRoutes } from './accounts.routes.tsx';

export { accountRoutes };

export const accountsModule: ModuleDefinition = { name: 'accounts', routes: accountRoutes, migrationsRange: [1, 99] };
