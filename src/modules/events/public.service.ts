// What anyone may read: the list of events, an event's page, its calendar file and the feeds.
import { isSignedIn, type Actor } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/http/errors.ts';
import { buildCalendar } from './domain/ics.ts';
import { descriptionHtml } from './domain/description.ts';
import { freePlaces, modesOf, type Mode } from './domain/places.ts';
import { calendarEventOf, siteHost } from './event-calendar.ts';
import * as events from './events.repository.ts';
import { mayAttend, mayOrganise, type Audience } from './events.policy.ts';
import type { GalleryItem } from './gallery.service.ts';
import { capacityOf, closedReason } from './registration.service.ts';

export interface EventsListQuery {
  online: boolean;
  org: string;
  area: string;
  from: string;
}

export async function loadEventsListPage(deps: Deps, actor: Actor, q: EventsListQuery, now = new Date()) {
  const signedIn = isSignedIn(actor);
  const inNetwork = signedIn && (actor.networkRole !== null || actor.memberships.length > 0);
  const org = q.org ? await events.findMemberOrgBySlug(deps.db, q.org) : undefined;
  const from =
    /^\d{4}-\d{2}-\d{2}$/.test(q.from) && !Number.isNaN(Date.parse(q.from)) ? new Date(`${q.from}T00:00:00Z`) : now;
  const rows = await events.listEvents(deps.db, {
    from: from < now ? now : from,
    orgId: q.org ? (org?.id ?? '00000000-0000-0000-0000-000000000000') : undefined,
    online: q.online,
    area: q.area || undefined,
    audiences: inNetwork ? ['anyone', 'network'] : ['anyone'],
    memberOrgIds: signedIn ? actor.memberships.map((m) => m.orgId) : [],
    includeCancelled: true,
    limit: 100,
  });
  return {
    query: q,
    orgName: org?.name,
    events: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind as 'online' | 'in_person' | 'hybrid',
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      where: r.kind === 'online' ? 'Online' : [r.venue_name, r.venue_postcode].filter(Boolean).join(', '),
      host: r.org_name ?? 'The network',
      cancelled: r.status === 'cancelled',
      membersOnly: r.audience !== 'anyone',
    })),
  };
}
export type EventsListView = Awaited<ReturnType<typeof loadEventsListPage>>;

export async function loadEventPage(deps: Deps, actor: Actor, eventId: string, now = new Date()) {
  if (!/^[0-9a-f-]{36}$/.test(eventId)) throw notFound('event');
  const e = await events.findEventPage(deps.db, eventId);
  if (!e || !mayAttend(actor, { orgId: e.org_id, audience: e.audience as Audience })) throw notFound('event');
  const free = freePlaces(capacityOf(e), [
    { mode: 'in_person', places: e.held_in_person },
    { mode: 'online', places: e.held_online },
  ]);
  const modes = modesOf(e.kind as 'online').filter((m) => capacityOf(e)[m] > 0);
  const pictures: GalleryItem[] = e.pictures.map((p) => ({
    id: p.id,
    src: `/events/${e.id}/pictures/${p.id}`,
    kind: p.kind as 'photo',
    altText: p.alt_text,
    caption: p.caption,
  }));
  return {
    id: e.id,
    title: e.title,
    descriptionHtml: descriptionHtml(e.description_md),
    kind: e.kind as 'online' | 'in_person' | 'hybrid',
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    venue: { name: e.venue_name, address: e.venue_address, postcode: e.venue_postcode },
    host: e.org_id ? (e.org_name ?? 'Recovery Connectors') : 'Recovery Connectors network',
    cancelled: e.status === 'cancelled',
    cancelReason: e.cancel_reason,
    movedFrom: e.moved_from,
    moveMessage: e.move_message,
    closedReason: closedReason(e, now),
    ended: e.ends_at <= now,
    needsApproval: e.needs_approval,
    membersOnly: e.audience !== 'anyone',
    modes,
    free: modes.map((m: Mode) => ({ mode: m, left: free[m] })),
    maxPlaces: e.max_places_per_registration,
    holdHours: e.offer_hold_hours,
    customQuestions: e.custom_questions,
    mayOrganise: mayOrganise(actor, { orgId: e.org_id }),
    organiserHref: e.org_id ? undefined : `/network/events/${e.id}`,
    orgId: e.org_id,
    pictures,
  };
}
export type EventPageView = Awaited<ReturnType<typeof loadEventPage>>;

/** One event's public calendar file (no joining link: calendars get shared). */
export async function eventCalendarFile(deps: Deps, actor: Actor, eventId: string): Promise<string> {
  if (!/^[0-9a-f-]{36}$/.test(eventId)) throw notFound('event');
  const e = await events.findEvent(deps.db, eventId);
  if (!e || !mayAttend(actor, { orgId: e.org_id, audience: e.audience as Audience })) throw notFound('event');
  return buildCalendar({
    name: e.title,
    host: siteHost(deps.config),
    method: 'PUBLISH',
    events: [calendarEventOf(deps.config, e)],
  });
}

/** The network's feed (every public event) or one organisation's. */
export async function feedCalendarFile(deps: Deps, orgSlug: string | undefined, now = new Date()): Promise<string> {
  const org = orgSlug ? await events.findMemberOrgBySlug(deps.db, orgSlug) : undefined;
  if (orgSlug && !org) throw notFound('organisation');
  const since = new Date(now.getTime() - 90 * 86400_000);
  const rows = await events.listFeedEvents(deps.db, org ? org.id : undefined, since);
  return buildCalendar({
    name: org ? `${org.name}: events` : 'Recovery Connectors: events',
    host: siteHost(deps.config),
    method: 'PUBLISH',
    events: rows.map((e) => calendarEventOf(deps.config, e)),
  });
}
