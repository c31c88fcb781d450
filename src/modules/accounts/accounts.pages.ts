// Reads for the invitation pages: who is inviting, to what role, and whether the invited email
// already has an account (then no name or password is asked for).
import type { OrgRole } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import * as repo from './accounts.repository.ts';
import { checkLink } from './accounts.service.ts';

export interface InvitationView {
  orgName: string;
  role: OrgRole;
  email: string;
  hasAccount: boolean;
}

/** The invitation behind a link; throws LinkNotUsable when it is used, expired or unknown. */
export async function loadInvitationPage(deps: Deps, token: string): Promise<InvitationView> {
  const row = await checkLink(deps, 'invitation', token);
  const [org, person] = await Promise.all([
    repo.findOrgName(deps.db, row.org_id!),
    repo.findPersonByEmail(deps.db, row.email),
  ]);
  // A racing acceptance makes the account and uses the link in one transaction, so an account
  // seen here may be that winner's: look at the link again, or the loser is sent to sign in as them.
  if (person) await checkLink(deps, 'invitation', token);
  return { orgName: org.name, role: row.role as OrgRole, email: row.email, hasAccount: !!person };
}

/** Where a newly joined member lands: their organisation's workspace. */
export async function workspacePathOf(deps: Deps, orgId: string): Promise<string> {
  return `/orgs/${(await repo.findOrgName(deps.db, orgId)).slug}`;
}
