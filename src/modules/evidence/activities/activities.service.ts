// Use cases for sessions and volunteer hours: the page's view model and recording them.
// Correcting and deleting them is in correct-activities.service.ts.
import type { z } from 'zod';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ActivityForm, VolunteerHoursForm } from '../evidence.schemas.ts';

export type SessionInput = z.infer<typeof ActivityForm>;
export type HoursInput = z.infer<typeof VolunteerHoursForm>;
import { activityKey } from '../imports/engine/natural-keys.ts';
import { correctActivities } from '../evidence.policy.ts';
import * as repo from './activities.repository.ts';
import type { ActivitiesView } from './activities.views.tsx';

export const ACTIVITIES_PER_PAGE = 25;

export async function loadActivitiesPage(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  page: number,
): Promise<ActivitiesView> {
  const [types, list, hours] = await Promise.all([
    repo.listActivityTypes(deps.db, org.id),
    repo.listActivities(deps.db, org.id, page, ACTIVITIES_PER_PAGE),
    repo.listVolunteerHours(deps.db, org.id),
  ]);
  return {
    org,
    mayCorrect: correctActivities.allows(actor, org),
    types: types.map((t) => t.name),
    sessions: list.rows.map((r) => ({
      id: r.id,
      date: r.held_on,
      type: r.type_name,
      attendance: r.attendance,
      firstTimers: r.first_time_attendees,
      volunteers: r.volunteers,
      volunteerHours: r.volunteer_hours,
    })),
    page,
    pages: Math.max(1, Math.ceil(list.total / ACTIVITIES_PER_PAGE)),
    hours: hours.map((h) => ({
      id: h.id,
      date: h.worked_on,
      who: h.volunteer_label,
      volunteers: h.volunteers,
      hours: h.hours,
      note: h.note,
    })),
  };
}

/** The organisation's activity names, for the form's suggestions. */
export async function listTypeNames(deps: Deps, org: OrgTarget): Promise<string[]> {
  return (await repo.listActivityTypes(deps.db, org.id)).map((t) => t.name);
}

/** The row for a session as typed on the form: its activity (added if new) and its key. */
export async function sessionToStore(tx: Kysely<DB>, org: OrgTarget, f: SessionInput) {
  const type = f.activity_type.replace(/\s+/g, ' ');
  const types = await repo.ensureActivityTypes(tx, org.id, [type]);
  const firstTimeAttendees = f.first_time_attendees ?? null;
  const volunteers = f.volunteers ?? null;
  const volunteerHours = f.volunteer_hours ?? null;
  return {
    type,
    row: {
      activityTypeId: types.get(type.toLowerCase())!,
      heldOn: f.held_on,
      attendance: f.attendance,
      firstTimeAttendees,
      volunteers,
      volunteerHours,
      naturalKey: activityKey({
        date: f.held_on,
        activity_type: type,
        attendance: f.attendance,
        first_time_attendees: firstTimeAttendees,
        volunteers,
        volunteer_hours: volunteerHours,
      }),
    },
  };
}

/** Records one session; 'duplicate' when that kind of session is already recorded on that date. */
export async function recordSession(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  f: SessionInput,
): Promise<{ type: string; saved: boolean }> {
  return deps.db.transaction().execute(async (tx) => {
    const { type, row } = await sessionToStore(tx, org, f);
    const added = await repo.insertActivities(tx, org.id, [{ ...row, source: 'staff', recordedBy: actor.personId }]);
    return { type, saved: added > 0 };
  });
}

export async function recordVolunteerHours(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  f: HoursInput,
): Promise<void> {
  await repo.insertVolunteerHours(deps.db, org.id, {
    workedOn: f.worked_on,
    volunteerLabel: f.volunteer_label,
    volunteers: f.volunteers,
    hours: f.hours,
    note: f.note,
    recordedBy: actor.personId,
  });
}
