// Site-wide public pages, health check and assets.
import type { Database } from '../../platform/db/database.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { networkPolicy } from '../network/index.ts';
import { siteRoutes } from './site.routes.tsx';

export { siteRoutes };

/** The site module needs the database itself for the health check. */
export function siteModule(database: Pick<Database, 'kind' | 'pool'>): ModuleDefinition {
  return {
    name: 'site',
    routes: (deps) => siteRoutes({ ...deps, database }),
    networkLinks: [
      {
        label: 'Records of processing',
        description: 'What personal data the platform holds, why, for how long and how it is kept safe (Article 30).',
        href: '/network/records-of-processing',
        rule: networkPolicy.coordinateNetwork,
      },
    ],
    migrationsRange: [1, 99],
  };
}
