// A signed-in person with at most one organisation role and a network role, for policy tests.
import type { NetworkRole, OrgRole, SignedInActor } from '../../src/platform/auth/actor.ts';

export function actorWith(role: OrgRole | null, networkRole: NetworkRole | null, orgId: string): SignedInActor {
  return {
    kind: 'person',
    personId: 'p',
    email: 'p@test.example',
    displayName: 'P',
    networkRole,
    memberships: role ? [{ orgId, orgSlug: 'x', orgName: 'X', role }] : [],
    sessionHash: 'h',
  };
}
