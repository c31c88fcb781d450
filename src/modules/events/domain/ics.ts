// iCalendar files for events: one per event, feeds per organisation and for the network, and
// the invitations attached to emails. Times go in as Luxon DateTimes in Europe/London with the
// zone's VTIMEZONE from @touch4it/ical-timezones: plain Dates with a TZID were written an hour
// out in summer by ical-generator 10 (its issues #604 and #680), this way round-trips exactly.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { UK, ukDateTime } from './uk-time.ts';

export interface CalendarEvent {
  /** The event's id: the UID is made from it and never changes. */
  id: string;
  sequence: number;
  title: string;
  /** Plain text. */
  description: string;
  starts: Date;
  ends: Date;
  location: string;
  /** The event's public page. */
  url: string;
  cancelled: boolean;
  updatedAt: Date;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarOptions {
  name: string;
  /** The site's host, for UIDs: `event-{id}@{host}`. */
  host: string;
  method: CalendarMethod;
  events: readonly CalendarEvent[];
  /** For REQUEST and CANCEL: who organises and who is invited. */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  now?: Date;
}

/**
 * Some calendar apps (Outlook among them) render DESCRIPTION and even SUMMARY as HTML, so angle
 * brackets from organisers' text become harmless look-alikes rather than markup.
 */
export function calendarText(text: string): string {
  return text.replace(/</g, '\u2039').replace(/>/g, '\u203a');
}

export const eventUid = (id: string, host: string) => `event-${id}@${host}`;

export function buildCalendar(o: CalendarOptions): string {
  const cal = ical({
    name: o.name,
    prodId: { company: 'Recovery Connectors', product: 'events', language: 'EN' },
    method: ICalCalendarMethod[o.method],
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const stamp = ukDateTime(o.now ?? new Date()).toUTC();
  for (const e of o.events) {
    const cancelled = e.cancelled || o.method === 'CANCEL';
    const ev = cal.createEvent({
      id: eventUid(e.id, o.host),
      sequence: e.sequence,
      summary: calendarText(e.title),
      description: calendarText(e.description),
      start: ukDateTime(e.starts),
      end: ukDateTime(e.ends),
      timezone: UK,
      location: e.location ? calendarText(e.location) : null,
      url: e.url,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp,
      lastModified: ukDateTime(e.updatedAt).toUTC(),
    });
    if (o.organizer && o.method !== 'PUBLISH') ev.organizer(o.organizer);
    if (o.attendee && o.method !== 'PUBLISH') ev.createAttendee({ name: o.attendee.name, email: o.attendee.email, rsvp: false });
  }
  return cal.toString();
}
