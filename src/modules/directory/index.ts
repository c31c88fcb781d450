// The directory module: the public map of member organisations and what they offer (find
// support, profiles, coverage map, the Open Referral UK feed), editing by leads, and joining.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { applicationRoutes } from './applications.routes.tsx';
import { editOrgDirectory } from './directory.policy.ts';
import { directoryPublicRoutes } from './directory.routes.tsx';
import { directoryEditRoutes } from './edit/edit.routes.tsx';
import { orukRoutes } from './oruk.routes.ts';
import { helpLineRoutes } from './help-lines/help-lines.routes.tsx';
import { listingReportRoutes } from './listing-report/listing-report.routes.tsx';
import { logoRoutes } from './logo/logo.routes.tsx';
import { editHelpLines, reviewApplications } from './directory.policy.ts';
import type { NetworkLink } from '../../platform/modules.ts';

export function directoryRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(directoryPublicRoutes(deps));
    await app.register(directoryEditRoutes(deps));
    await app.register(orukRoutes(deps));
    await app.register(applicationRoutes(deps));
    await app.register(helpLineRoutes(deps));
    await app.register(listingReportRoutes(deps));
    await app.register(logoRoutes(deps));
  };
}

export const directoryWorkspaceLinks: WorkspaceLink[] = [
  {
    label: 'Public profile',
    description: 'What the public and the network see about your organisation, and the areas you serve.',
    href: (org) => `/orgs/${org.slug}/profile`,
    rule: editOrgDirectory,
  },
  {
    label: 'Services on the map',
    description: 'What you offer, where and when: shown in Find support and the open data feed.',
    href: (org) => `/orgs/${org.slug}/services`,
    rule: editOrgDirectory,
  },
];

export const directoryNetworkLinks: NetworkLink[] = [
  {
    label: 'Applications to join',
    description: 'Expressions of interest from groups who want to join: ask a question, approve or decline.',
    href: '/network/applications',
    rule: reviewApplications,
  },
  {
    label: 'Help now numbers',
    description: 'The crisis numbers shown to the public, and when each was last checked.',
    href: '/network/help-lines',
    rule: editHelpLines,
  },
];

/** The checked help-now numbers, for any page a person seeking help may land on. */
export { loadHelpNow } from './help-lines/help-lines.service.ts';

export { seedDirectoryDemo, seedDirectorySynthetic } from './directory.seed.ts';
export { listOrgPlaces, type OrgPlace } from './places.repository.ts';
/** An organisation's logo (PNG, at most 400 px a side), for the covers of its packs. */
export { findOrgLogo } from './logo/logo.service.ts';

export const directoryModule: ModuleDefinition = {
  name: 'directory',
  routes: directoryRoutes,
  workspaceLinks: directoryWorkspaceLinks,
  networkLinks: directoryNetworkLinks,
  migrationsRange: [100, 199],
};

// For the learning module: facts for mentor matching, and organisations that offer a kind of support.
export { findOrgFacts, findOrgsOffering, findOrgsOfferingEach, type OrgFacts } from './org-facts.repository.ts';
export { SERVICE_TYPES } from './domain/service-types.ts';
export { assertValidOruk } from './domain/oruk.validate.ts';
export {
  listMemberRegistrations,
  setRegistrationNumbers,
  type MemberRegistration,
} from './registrations.repository.ts';
