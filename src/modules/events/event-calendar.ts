// From an event's row to what calendars and emails say about it.
import type { Config } from '../../platform/config.ts';
import { descriptionText } from './domain/description.ts';
import { buildCalendar, type CalendarEvent, type CalendarMethod } from './domain/ics.ts';
import type { EventRow } from './events.repository.ts';

export const eventPath = (id: string) => `/events/${id}`;

export function venueLine(e: Pick<EventRow, 'kind' | 'venue_name' | 'venue_address' | 'venue_postcode'>): string {
  const place = [e.venue_name, e.venue_address, e.venue_postcode].filter(Boolean).join(', ');
  if (e.kind === 'online') return 'Online';
  if (e.kind === 'hybrid') return place ? `${place}, and online` : 'In person and online';
  return place;
}

/** The join link goes only into the files confirmed people get, never into feeds. */
export function calendarEventOf(config: Config, e: EventRow, joinUrl?: string): CalendarEvent {
  const text = descriptionText(e.description_md);
  return {
    id: e.id,
    sequence: e.sequence,
    title: e.title,
    description: [joinUrl ? `Join online: ${joinUrl}` : '', text, `${config.publicUrl}${eventPath(e.id)}`]
      .filter(Boolean)
      .join('\n\n'),
    starts: e.starts_at,
    ends: e.ends_at,
    location: joinUrl && e.kind === 'online' ? joinUrl : venueLine(e),
    url: `${config.publicUrl}${eventPath(e.id)}`,
    cancelled: e.status === 'cancelled',
    updatedAt: e.updated_at,
  };
}

export const siteHost = (config: Config) => new URL(config.publicUrl).host;

export function personalCalendar(
  config: Config,
  e: EventRow,
  method: CalendarMethod,
  attendee: { name: string; email: string },
  joinUrl: string | undefined,
  hostName: string,
): string {
  return buildCalendar({
    name: e.title,
    host: siteHost(config),
    method,
    events: [calendarEventOf(config, e, joinUrl)],
    organizer: { name: hostName, email: `no-reply@${new URL(config.publicUrl).hostname}` },
    attendee,
  });
}
