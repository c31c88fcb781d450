// Changing an organisation's logo: checked and re-encoded before it is kept, audited, and read
// back for the profile and the cover of the organisation's evidence packs.
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import * as repo from './logo.repository.ts';
import { prepareLogo } from './prepare-logo.ts';

export async function changeOrgLogo(deps: Deps, actor: SignedInActor, org: OrgTarget, upload: Buffer): Promise<void> {
  const logo = await prepareLogo(upload);
  if (!logo.ok) throw new AppError('validation', logo.problem, { logo: logo.problem });
  await deps.db.transaction().execute(async (tx) => {
    await repo.saveLogo(tx, org.id, logo, actor.personId);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'organisation.logo_changed',
      subjectType: 'organisation',
      subjectId: org.id,
      detail: { width: logo.width, height: logo.height },
    });
  });
}

export async function removeOrgLogo(deps: Deps, actor: SignedInActor, org: OrgTarget): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.deleteLogo(tx, org.id))) return;
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'organisation.logo_removed',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
}

/** The logo as a PNG, for the packs' covers; undefined when there is none. */
export async function findOrgLogo(deps: Pick<Deps, 'db'>, orgId: string) {
  return repo.findLogo(deps.db, orgId);
}

export async function findPublicOrgLogo(deps: Pick<Deps, 'db'>, slug: string) {
  return repo.findPublicLogo(deps.db, slug);
}
