// People who can help: members say what they can offer and what they are looking for;
// other members search the list. Opt-in, members only, removable at any time.
import type { Actor, SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { viewerOf, type Viewer } from '../membership.ts';
import * as repo from './people.repository.ts';

type MemberViewer = Viewer & { actor: SignedInActor };

/** Only network members see the list; everyone else is told the page is missing. */
async function memberViewer(deps: Deps, actor: Actor): Promise<MemberViewer> {
  const viewer = await viewerOf(deps, actor);
  if (!viewer.member || !viewer.actor) throw notFound('page');
  return viewer as MemberViewer;
}

/** The member organisations this person belongs to (a coordinator may belong to none). */
const ownMemberOrgs = (v: MemberViewer) =>
  v.actor.memberships.filter((m) => v.memberOrgIds.has(m.orgId)).map((m) => m.orgId);

export async function loadHelpersPage(deps: Deps, actor: Actor, q: string) {
  const viewer = await memberViewer(deps, actor);
  const [rows, mine] = await Promise.all([
    repo.searchHelpers(deps.db, q.slice(0, 200)),
    repo.findHelperEntry(deps.db, viewer.actor.personId),
  ]);
  return {
    q,
    listed: mine !== undefined,
    canList: ownMemberOrgs(viewer).length > 0,
    people: rows.map((r) => ({
      personId: r.person_id,
      name: r.display_name?.trim() || 'Someone',
      email: r.email,
      orgName: r.org_name,
      orgSlug: r.org_slug,
      canOffer: r.can_offer,
      lookingFor: r.looking_for,
      updatedAt: r.updated_at,
      mine: r.person_id === viewer.actor.personId,
    })),
  };
}

export async function loadHelperForm(deps: Deps, actor: Actor) {
  const viewer = await memberViewer(deps, actor);
  const [entry, orgs] = await Promise.all([
    repo.findHelperEntry(deps.db, viewer.actor.personId),
    repo.orgNames(deps.db, ownMemberOrgs(viewer)),
  ]);
  return { entry, orgs: orgs.map((o) => ({ value: o.id, label: o.name })) };
}

export interface HelperInput {
  org: string;
  can_offer: string;
  looking_for: string;
}

export async function saveHelperEntry(deps: Deps, actor: Actor, input: HelperInput) {
  const viewer = await memberViewer(deps, actor);
  const orgs = ownMemberOrgs(viewer);
  if (orgs.length === 0)
    throw new AppError('forbidden', 'People are listed through a member organisation. Ask to join one first.');
  // Only an organisation the person is in; anything else typed in is refused.
  if (!orgs.includes(input.org))
    throw new AppError('validation', 'Choose one of your organisations.', { org: 'Choose one of your organisations' });
  await deps.db.transaction().execute(async (tx) => {
    await repo.saveHelperEntry(tx, {
      personId: viewer.actor.personId,
      orgId: input.org,
      canOffer: input.can_offer,
      lookingFor: input.looking_for,
    });
    await recordAudit(tx, {
      orgId: input.org,
      actorId: viewer.actor.personId,
      action: 'learning.helper.listed',
      subjectType: 'person',
      subjectId: viewer.actor.personId,
    });
  });
}

export async function removeHelperEntry(deps: Deps, actor: Actor) {
  const viewer = await memberViewer(deps, actor);
  await deps.db.transaction().execute(async (tx) => {
    for (const orgId of await repo.removeHelperEntry(tx, viewer.actor.personId)) {
      await recordAudit(tx, {
        orgId,
        actorId: viewer.actor.personId,
        action: 'learning.helper.removed',
        subjectType: 'person',
        subjectId: viewer.actor.personId,
      });
    }
  });
}
