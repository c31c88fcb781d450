// iCalendar files for events: one per event, feeds per organisation and for the network, and
// the invitations attached to emails. Times go in as Luxon DateTimes in Europe/London with the
// zone's VTIMEZONE from @touch4it/ical-timezones: plain Dates with a TZID were written an hour
// out in summer by ical-generator 10 (its issues #604 and #680), this way round-trips exactly.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { isRepeatedUkTime, UK, ukDateTime } from './uk-time.ts';

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

/**
 * A one-line value (summary, location, the calendar's name): control characters, line breaks
 * among them, become spaces. ical-generator escapes breaks in TEXT values but writes the
 * calendar's NAME as it is, so a title with a line break could add lines of its own.
 */
export function calendarLine(text: string): string {
  return calendarText(text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim());
}

/** Plain text over several lines: only line feeds survive. */
function calendarParagraphs(text: string): string {
  return calendarText(text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, ' '));
}

/**
 * A parameter value such as CN: RFC 5545 (§3.1) allows no DQUOTE in one, and ical-generator
 * writes \" which calendar apps (and ical.js) read as the end of the name, so a booking's name
 * could forge an attendee. Quotes become typographic ones.
 */
export function calendarParam(text: string): string {
  return calendarLine(text).replace(/"/g, '\u201d');
}

export const eventUid = (id: string, host: string) => `event-${id}@${host}`;

export function buildCalendar(o: CalendarOptions): string {
  const cal = ical({
    name: calendarLine(o.name),
    prodId: { company: 'Recovery Connectors', product: 'events', language: 'EN' },
    method: ICalCalendarMethod[o.method],
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const stamp = ukDateTime(o.now ?? new Date()).toUTC();
  for (const e of o.events) {
    const cancelled = e.cancelled || o.method === 'CANCEL';
    // A wall-clock time that happens twice is ambiguous to calendar apps: give it in UTC.
    const exact = isRepeatedUkTime(e.starts) || isRepeatedUkTime(e.ends);
    const time = (d: Date) => (exact ? DateTime.fromJSDate(d, { zone: 'utc' }) : ukDateTime(d));
    const ev = cal.createEvent({
      id: eventUid(e.id, o.host),
      sequence: e.sequence,
      summary: calendarLine(e.title),
      description: calendarParagraphs(e.description),
      start: time(e.starts),
      end: time(e.ends),
      timezone: exact ? null : UK,
      location: e.location ? calendarLine(e.location) : null,
      url: e.url,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp,
      lastModified: ukDateTime(e.updatedAt).toUTC(),
    });
    if (o.organizer && o.method !== 'PUBLISH')
      ev.organizer({ name: calendarParam(o.organizer.name), email: o.organizer.email });
    if (o.attendee && o.method !== 'PUBLISH')
      ev.createAttendee({ name: calendarParam(o.attendee.name), email: o.attendee.email, rsvp: false });
  }
  return cal.toString();
}
