// Who is making a request. Loaded once per request from the session cookie.
export type OrgRole = 'lead' | 'worker' | 'volunteer' | 'peer_researcher';
export type NetworkRole = 'coordinator' | 'admin';

export const ORG_ROLES: readonly OrgRole[] = ['lead', 'worker', 'volunteer', 'peer_researcher'];

export const ORG_ROLE_LABEL: Record<OrgRole, string> = {
  lead: 'Lead',
  worker: 'Worker',
  volunteer: 'Volunteer',
  peer_researcher: 'Peer researcher',
};

export const NETWORK_ROLE_LABEL: Record<NetworkRole, string> = {
  coordinator: 'Network coordinator',
  admin: 'Network administrator',
};

export interface ActorMembership {
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: OrgRole;
}

export interface SignedInActor {
  kind: 'person';
  personId: string;
  email: string;
  displayName: string;
  networkRole: NetworkRole | null;
  memberships: ActorMembership[];
  /** Hash of the session token behind this request. */
  sessionHash: string;
}

export type Actor = SignedInActor | { kind: 'anonymous' };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

export function isSignedIn(actor: Actor): actor is SignedInActor {
  return actor.kind === 'person';
}

export function roleIn(actor: Actor, orgId: string): OrgRole | undefined {
  return isSignedIn(actor) ? actor.memberships.find((m) => m.orgId === orgId)?.role : undefined;
}

export function hasNetworkRole(actor: Actor, ...roles: NetworkRole[]): boolean {
  return isSignedIn(actor) && actor.networkRole !== null && roles.includes(actor.networkRole);
}
