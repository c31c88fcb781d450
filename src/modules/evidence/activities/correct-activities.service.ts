// Correcting a session or volunteer hours, and deleting them. Each change is audited with what
// the record said before and after (counts and dates only: nothing here is about a person),
// so a mistake can be seen and put right.
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import * as repo from './activities.repository.ts';

export type { StoredHours, StoredSession } from './activities.repository.ts';
import { sessionToStore, type HoursInput, type SessionInput } from './activities.service.ts';

const sessionDetail = (s: repo.StoredSession) => ({
  date: s.held_on,
  activity: s.type_name,
  attendance: s.attendance,
  firstTimeAttendees: s.first_time_attendees,
  volunteers: s.volunteers,
  volunteerHours: s.volunteer_hours,
});

const hoursDetail = (h: repo.StoredHours) => ({
  date: h.worked_on,
  who: h.volunteer_label,
  volunteers: h.volunteers,
  hours: h.hours,
  note: h.note,
});

export async function loadSession(deps: Deps, org: OrgTarget, id: string): Promise<repo.StoredSession> {
  const found = await repo.findSession(deps.db, org.id, id);
  if (!found) throw notFound('session');
  return found;
}

export async function loadVolunteerHours(deps: Deps, org: OrgTarget, id: string): Promise<repo.StoredHours> {
  const found = await repo.findVolunteerHours(deps.db, org.id, id);
  if (!found) throw notFound('volunteer hours');
  return found;
}

/** Changes a session; `saved: false` when another session has that date and activity already. */
export async function changeSession(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  id: string,
  f: SessionInput,
): Promise<{ type: string; saved: boolean }> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.findSession(tx, org.id, id);
    if (!before) throw notFound('session');
    const { type, row } = await sessionToStore(tx, org, f);
    if (!(await repo.updateSession(tx, org.id, id, row))) return { type, saved: false };
    const after = (await repo.findSession(tx, org.id, id))!;
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'activity.changed',
      subjectType: 'activity',
      subjectId: id,
      detail: { before: sessionDetail(before), after: sessionDetail(after) },
    });
    return { type, saved: true };
  });
}

/** Deletes a session; returns what it said, so the page can offer to put it back. */
export async function deleteSession(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  id: string,
): Promise<repo.StoredSession> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.findSession(tx, org.id, id);
    if (!before) throw notFound('session');
    await repo.deleteSession(tx, org.id, id);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'activity.deleted',
      subjectType: 'activity',
      subjectId: id,
      detail: { before: sessionDetail(before) },
    });
    return before;
  });
}

export async function changeVolunteerHours(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  id: string,
  f: HoursInput,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const before = await repo.findVolunteerHours(tx, org.id, id);
    if (!before) throw notFound('volunteer hours');
    await repo.updateVolunteerHours(tx, org.id, id, {
      workedOn: f.worked_on,
      volunteerLabel: f.volunteer_label,
      volunteers: f.volunteers,
      hours: f.hours,
      note: f.note,
    });
    const after = (await repo.findVolunteerHours(tx, org.id, id))!;
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'volunteer_hours.changed',
      subjectType: 'volunteer_hours',
      subjectId: id,
      detail: { before: hoursDetail(before), after: hoursDetail(after) },
    });
  });
}

export async function deleteVolunteerHours(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  id: string,
): Promise<repo.StoredHours> {
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.findVolunteerHours(tx, org.id, id);
    if (!before) throw notFound('volunteer hours');
    await repo.deleteVolunteerHours(tx, org.id, id);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'volunteer_hours.deleted',
      subjectType: 'volunteer_hours',
      subjectId: id,
      detail: { before: hoursDetail(before) },
    });
    return before;
  });
}
