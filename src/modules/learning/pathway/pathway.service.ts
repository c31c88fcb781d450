// Starting a LERO: a group's progress, asking for a mentor, mentors answering, coordinators matching.
import { isSignedIn, type Actor, type SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { findOrgFacts } from '../../directory/index.ts';
import { rankMentors, type MentorSuggestion } from '../domain/mentor-matching.ts';
import { isPathwayStep, PATHWAY_STEPS } from '../domain/pathway.ts';
import { canSeePathway } from '../learning.policy.ts';
import * as repo from './pathway.repository.ts';

export async function loadPathwayPage(deps: Deps, actor: SignedInActor, org: OrgTarget) {
  const [done, request, mine] = await Promise.all([
    repo.doneSteps(deps.db, org.id),
    repo.openRequestOf(deps.db, org.id),
    repo.personDoneSteps(deps.db, actor.personId),
  ]);
  const doneKeys = new Map(done.map((d) => [d.step, d.done_at]));
  return {
    steps: PATHWAY_STEPS.map((s) => ({ ...s, doneAt: doneKeys.get(s.key) })),
    doneCount: PATHWAY_STEPS.filter((s) => doneKeys.has(s.key)).length,
    mentor: request ? { status: request.status, name: request.mentor_name, slug: request.mentor_slug } : undefined,
    canAsk: actor.memberships.some((m) => m.orgId === org.id && m.role === 'lead'),
    /** Steps this person ticked on their own before the group was here. */
    ownSteps: mine.length,
  };
}

/** The public guide, with a signed-in person's own ticks when they are not in a group yet. */
export async function loadStartGuide(deps: Deps, actor: Actor) {
  if (!isSignedIn(actor))
    return {
      steps: PATHWAY_STEPS.map((s) => ({ ...s, doneAt: undefined })),
      personal: false,
      groups: [] as { slug: string; name: string }[],
    };
  // Anyone in a group keeps the group's pathway (see keepPathway); these are theirs.
  const groups = actor.memberships;
  const done = new Map((await repo.personDoneSteps(deps.db, actor.personId)).map((d) => [d.step, d.done_at]));
  return {
    steps: PATHWAY_STEPS.map((s) => ({ ...s, doneAt: done.get(s.key) })),
    personal: true,
    groups: groups.map((g) => ({ slug: g.orgSlug, name: g.orgName })),
  };
}

export async function setPersonalStep(deps: Deps, actor: SignedInActor, step: string, done: boolean) {
  if (!isPathwayStep(step)) throw notFound('step');
  await repo.setPersonStep(deps.db, actor.personId, step, done);
}

/** Brings a person's own ticks across to their new group's pathway. */
export async function bringStepsToGroup(deps: Deps, actor: SignedInActor, org: OrgTarget): Promise<number> {
  return deps.db.transaction().execute((tx) => repo.movePersonStepsToGroup(tx, actor.personId, org.id));
}

export async function setPathwayStep(deps: Deps, actor: SignedInActor, org: OrgTarget, step: string, done: boolean) {
  if (!isPathwayStep(step)) throw notFound('step');
  await deps.db.transaction().execute((tx) => repo.setStep(tx, org.id, step, done, actor.personId));
}

/** Mentor suggestions for a group, with their reasons. */
export async function suggestMentors(deps: Deps, org: OrgTarget, limit = 5): Promise<MentorSuggestion[]> {
  const offers = await repo.mentorOffers(deps.db);
  const ids = [org.id, ...offers.filter((o) => o.capacity > 0).map((o) => o.org_id)];
  const facts = await findOrgFacts(deps.db, ids);
  const group = facts.find((f) => f.orgId === org.id);
  if (!group) throw notFound('organisation');
  const byId = new Map(offers.map((o) => [o.org_id, o]));
  const candidates = facts
    .filter((f) => f.orgId !== org.id && f.status === 'member')
    .map((f) => ({ ...f, capacity: byId.get(f.orgId)?.capacity ?? 0, mentoring: byId.get(f.orgId)?.mentoring ?? 0 }));
  return rankMentors(group, candidates, limit);
}

export async function loadMentorPage(deps: Deps, org: OrgTarget) {
  const request = await repo.openRequestOf(deps.db, org.id);
  return { request, suggestions: request ? [] : await suggestMentors(deps, org) };
}

export async function askForMentorship(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  mentorOrgId: string,
  message: string,
) {
  // Only someone we would suggest: never an organisation with no room, never any id typed in.
  const suggestion = (await suggestMentors(deps, org, 50)).find((s) => s.orgId === mentorOrgId);
  if (!suggestion)
    throw new AppError('validation', 'Choose one of the suggested mentors.', {
      mentor: 'Choose one of the suggested mentors',
    });
  const id = await repo.insertRequest(deps.db, {
    orgId: org.id,
    mentorOrgId,
    message,
    reasons: suggestion.reasons,
    byCoordinator: false,
    askedBy: actor.personId,
    status: 'asked',
  });
  if (!id) throw new AppError('conflict', 'You have already asked for a mentor. You can ask again if they say no.');
  const saved = await repo.findRequest(deps.db, id);
  for (const to of await repo.leadEmails(deps.db, mentorOrgId)) {
    await deps.mailer.send({
      to,
      subject: `${org.name} would like you to mentor them`,
      text: `${org.name} is a new group getting started, and asked whether your organisation could mentor them.\n\n${message}\n\nSay yes or no here: ${deps.config.publicUrl}/orgs/${saved?.mentor_slug ?? ''}/mentoring\n`,
    });
  }
  return id;
}

export async function loadMentoringPage(deps: Deps, org: OrgTarget) {
  const [offer, reqs] = await Promise.all([repo.findOffer(deps.db, org.id), repo.requestsToMentor(deps.db, org.id)]);
  return { capacity: offer?.capacity ?? 0, note: offer?.note ?? '', requests: reqs };
}

export async function setMentorCapacity(
  deps: Deps,
  _actor: SignedInActor,
  org: OrgTarget,
  capacity: number,
  note: string,
) {
  await repo.upsertOffer(deps.db, org.id, capacity, note);
}

export async function answerMentorRequest(
  deps: Deps,
  actor: SignedInActor,
  mentorOrg: OrgTarget,
  requestId: string,
  accept: boolean,
) {
  const r = await repo.findRequest(deps.db, requestId);
  if (!r || r.mentor_org_id !== mentorOrg.id) throw notFound('request');
  const ok = await deps.db.transaction().execute(async (tx) => {
    const changed = await repo.decideRequest(tx, r.id, mentorOrg.id, 'asked', accept ? 'accepted' : 'declined');
    if (changed)
      await recordAudit(tx, {
        orgId: r.org_id,
        actorId: actor.personId,
        action: accept ? 'learning.mentor.accepted' : 'learning.mentor.declined',
        subjectType: 'learning_mentor_request',
        subjectId: r.id,
      });
    return changed;
  });
  if (!ok) throw new AppError('conflict', 'This request has already been answered.');
  for (const to of await repo.leadEmails(deps.db, r.org_id)) {
    await deps.mailer.send({
      to,
      subject: accept ? `${mentorOrg.name} will mentor you` : `${mentorOrg.name} can't mentor you just now`,
      text: accept
        ? `Good news: ${mentorOrg.name} said yes. They can now see your progress on the pathway and will be in touch.\n\n${deps.config.publicUrl}/orgs/${r.group_slug}/pathway\n`
        : `${mentorOrg.name} can't take this on just now. You can ask another group: ${deps.config.publicUrl}/orgs/${r.group_slug}/pathway/mentor\n`,
    });
  }
  return r;
}

/** A mentee's pathway, for its accepted mentor. */
export async function loadMenteePathway(deps: Deps, actor: SignedInActor, mentorOrg: OrgTarget, requestId: string) {
  const r = await repo.findRequest(deps.db, requestId);
  if (!r || r.mentor_org_id !== mentorOrg.id || r.status !== 'accepted') throw notFound('group');
  const group: OrgTarget = { id: r.org_id, slug: r.group_slug, name: r.group_name, status: 'applicant' };
  if (!canSeePathway(actor, group, r.mentor_org_id)) throw notFound('group');
  const done = new Map((await repo.doneSteps(deps.db, r.org_id)).map((d) => [d.step, d.done_at]));
  return { groupName: r.group_name, steps: PATHWAY_STEPS.map((s) => ({ ...s, doneAt: done.get(s.key) })) };
}

export async function loadMatchesPage(deps: Deps) {
  return repo.allRequests(deps.db);
}

export async function matchByHand(deps: Deps, actor: SignedInActor, groupOrgId: string, mentorOrgId: string) {
  if (groupOrgId === mentorOrgId)
    throw new AppError('validation', 'A group can’t mentor itself.', { mentor: 'Choose a different organisation' });
  const facts = await findOrgFacts(deps.db, [groupOrgId, mentorOrgId]);
  const mentor = facts.find((f) => f.orgId === mentorOrgId);
  if (facts.length !== 2 || !mentor || mentor.status !== 'member')
    throw new AppError('validation', 'Choose a member organisation as the mentor.', {
      mentor: 'Choose a member organisation',
    });
  const id = await repo.insertRequest(deps.db, {
    orgId: groupOrgId,
    mentorOrgId,
    message: 'Matched by a network coordinator.',
    reasons: ['Matched by a network coordinator'],
    byCoordinator: true,
    askedBy: actor.personId,
    status: 'asked',
  });
  if (!id) throw new AppError('conflict', 'That group already has a mentor or an open request.');
  return id;
}

export async function matchChoices(deps: Deps) {
  const orgs = await repo.organisationsByStatus(deps.db);
  return {
    groups: orgs.map((o) => ({ id: o.id, name: o.name })),
    mentors: orgs.filter((o) => o.status === 'member').map((o) => ({ id: o.id, name: o.name })),
  };
}
