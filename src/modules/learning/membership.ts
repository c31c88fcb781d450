// Whether the person looking counts as a network member, read once per request.
import type { Actor, SignedInActor } from '../../platform/auth/actor.ts';
import { isSignedIn } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { memberOrgIdsAmong } from './library/library.repository.ts';
import { isNetworkMember } from './learning.policy.ts';

export interface Viewer {
  actor: SignedInActor | undefined;
  memberOrgIds: ReadonlySet<string>;
  member: boolean;
}

export async function viewerOf(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Viewer> {
  const signedIn = isSignedIn(actor) ? actor : undefined;
  const memberOrgIds = signedIn
    ? await memberOrgIdsAmong(
        deps.db,
        signedIn.memberships.map((m) => m.orgId),
      )
    : new Set<string>();
  return { actor: signedIn, memberOrgIds, member: isNetworkMember(signedIn, memberOrgIds) };
}
