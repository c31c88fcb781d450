// Use cases for sessions and volunteer hours: the page's view model, and the two writes.
import type { z } from 'zod';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { ActivityForm, VolunteerHoursForm } from '../evidence.schemas.ts';
import { activityKey } from '../imports/engine/natural-keys.ts';
import * as repo from './activities.repository.ts';
import type { ActivitiesView } from './activities.views.tsx';

export const ACTIVITIES_PER_PAGE = 25;

export async function loadActivitiesPage(deps: Deps, org: OrgTarget, page: number): Promise<ActivitiesView> {
  const [types, list, hours] = await Promise.all([
    repo.listActivityTypes(deps.db, org.id),
    repo.listActivities(deps.db, org.id, page, ACTIVITIES_PER_PAGE),
    repo.listVolunteerHours(deps.db, org.id),
  ]);
  return {
    org,
    types: types.map((t) => t.name),
    sessions: list.rows.map((r) => ({
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
      date: h.worked_on,
      who: h.volunteer_label,
      volunteers: h.volunteers,
      hours: h.hours,
      note: h.note,
    })),
  };
}

/** Records one session; 'duplicate' when that kind of session is already recorded on that date. */
export async function recordSession(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  f: z.infer<typeof ActivityForm>,
): Promise<{ type: string; saved: boolean }> {
  const type = f.activity_type.replace(/\s+/g, ' ');
  const added = await deps.db.transaction().execute(async (tx) => {
    const types = await repo.ensureActivityTypes(tx, org.id, [type]);
    const record = {
      date: f.held_on,
      activity_type: type,
      attendance: f.attendance,
      first_time_attendees: f.first_time_attendees ?? null,
      volunteers: f.volunteers ?? null,
      volunteer_hours: f.volunteer_hours ?? null,
    };
    return repo.insertActivities(tx, org.id, [
      {
        activityTypeId: types.get(type.toLowerCase())!,
        heldOn: f.held_on,
        attendance: f.attendance,
        firstTimeAttendees: record.first_time_attendees,
        volunteers: record.volunteers,
        volunteerHours: record.volunteer_hours,
        naturalKey: activityKey(record),
        source: 'staff',
        recordedBy: actor.personId,
      },
    ]);
  });
  return { type, saved: added > 0 };
}

export async function recordVolunteerHours(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  f: z.infer<typeof VolunteerHoursForm>,
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
