// A stored session or volunteer hours as the recording forms' field values: to prefill the
// change page, and for "put it back" after a delete. The hours fields are named vh_… so their
// errors never clash with the session form's on the page that has both.
import { formValues } from '../../../platform/http/forms.ts';
import type { StoredHours, StoredSession } from './correct-activities.service.ts';

const text = (v: number | null) => (v === null ? '' : String(v));
export const sessionValues = (s: StoredSession): Record<string, string> => ({
  held_on: s.held_on,
  activity_type: s.type_name,
  attendance: String(s.attendance),
  first_time_attendees: text(s.first_time_attendees),
  volunteers: text(s.volunteers),
  volunteer_hours: text(s.volunteer_hours),
});
export const hoursValues = (h: StoredHours): Record<string, string> => ({
  vh_worked_on: h.worked_on,
  vh_volunteer_label: h.volunteer_label,
  vh_volunteers: String(h.volunteers),
  vh_hours: String(h.hours),
  vh_note: h.note,
});
/** The hours form's fields are named vh_… (as on the recording page). */
export const unprefixed = (body: unknown) =>
  Object.fromEntries(Object.entries(formValues(body)).map(([k, v]) => [k.replace(/^vh_/, ''), v]));
export const prefixed = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [`vh_${k}`, v]));
