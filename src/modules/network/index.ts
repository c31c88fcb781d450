// The network module: organisations, their teams, and network coordination.
export { networkRoutes } from './network.routes.tsx';
export { findOrgBySlug, insertOrganisation, upsertMembership, slugExists } from './network.repository.ts';
export * as networkPolicy from './network.policy.ts';
export { inviteToOrganisation } from './network.service.ts';
