// Where signing in takes each person: to their work, not to their password page. Pure.
import type { SignedInActor } from '../../platform/auth/actor.ts';

export function landingPath(actor: Pick<SignedInActor, 'networkRole' | 'memberships'>): string {
  if (actor.networkRole === 'coordinator' || actor.networkRole === 'admin') return '/network';
  if (actor.memberships.length === 1) return `/orgs/${actor.memberships[0]!.orgSlug}`;
  // Several organisations, or none yet: the account page lists them.
  return '/account';
}
