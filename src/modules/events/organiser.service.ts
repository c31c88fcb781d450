// The organiser's use cases: create, edit (telling everyone booked), cancel (telling the waiting
// list too), the list with access needs, the register on the day, and the report afterwards.
import { customAnswersOf } from './domain/custom-questions.ts';
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { listOrgPlaces } from '../directory/index.ts';
import { csvFile } from '../../platform/csv/csv-writer.ts';
import type { Capacity } from './domain/places.ts';
import * as events from './events.repository.ts';
import type { EventFields, EventRow } from './events.repository.ts';
import { sendRegistrationEmail } from './messages.ts';
import { hostNameOf, offerNewPlaces } from './registration.service.ts';
import * as regs from './registrations.repository.ts';

/** Who runs an event: an organisation, or the network itself. */
export type Host = { kind: 'network' } | { kind: 'org'; org: OrgTarget };
export const hostOrgId = (h: Host) => (h.kind === 'org' ? h.org.id : null);
export const hostBase = (h: Host) => (h.kind === 'org' ? `/orgs/${h.org.slug}/events` : '/network/events');
export const hostName = (h: Host) => (h.kind === 'org' ? h.org.name : 'The network');

export async function createEvent(deps: Deps, actor: SignedInActor, host: Host, f: EventFields): Promise<string> {
  return events.insertEvent(deps.db, hostOrgId(host), actor.personId, f);
}

/** The host's own event, or 404: another host's event looks missing. */
export async function hostedEvent(deps: Deps, host: Host, eventId: string): Promise<EventRow> {
  if (!/^[0-9a-f-]{36}$/.test(eventId)) throw notFound('event');
  const e = await events.findEvent(deps.db, eventId);
  if (!e || e.org_id !== hostOrgId(host)) throw notFound('event');
  return e;
}

const SIGNIFICANT: (keyof EventFields)[] = [
  'title',
  'kind',
  'starts_at',
  'ends_at',
  'venue_name',
  'venue_address',
  'venue_postcode',
  'join_url',
  'description_md',
];

function changed(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
}

export async function updateEvent(
  deps: Deps,
  _actor: SignedInActor,
  host: Host,
  eventId: string,
  f: EventFields,
): Promise<{ told: number }> {
  await hostedEvent(deps, host, eventId);
  // Read, check and write under the event's lock, so a booking arriving meanwhile is counted.
  const significant = await deps.db.transaction().execute(async (tx) => {
    const before = (await events.lockEvent(tx, eventId))!;
    if (before.status === 'cancelled')
      throw new AppError('conflict', 'This event is cancelled, so it cannot be changed.');
    const taken: Capacity = { in_person: 0, online: 0 };
    for (const h of await regs.holdingPlaces(tx, eventId)) taken[h.mode] += h.places;
    const fields: Record<string, string> = {};
    if (f.capacity_in_person < taken.in_person)
      fields.capacity_in_person = `${taken.in_person} places in person are already booked or held, so there must be at least ${taken.in_person}.`;
    if (f.capacity_online < taken.online)
      fields.capacity_online = `${taken.online} places online are already booked or held, so there must be at least ${taken.online}.`;
    if (Object.keys(fields).length) throw new AppError('validation', Object.values(fields)[0]!, fields);
    const significant = SIGNIFICANT.some((k) => changed(before[k], f[k]));
    await events.updateEventRow(tx, eventId, f, significant);
    return significant;
  });
  await offerNewPlaces(deps, eventId);
  if (!significant) return { told: 0 };
  return { told: await tellEveryone(deps, eventId, 'event-updated') };
}

/** Emails everyone holding or waiting for a place; returns how many had an address. */
async function tellEveryone(
  deps: Deps,
  eventId: string,
  kind: 'event-updated' | 'event-cancelled' | 'event-postponed',
  previousStartsAt?: Date,
): Promise<number> {
  const e = (await events.findEvent(deps.db, eventId))!;
  const people = await regs.registrationsOf(deps.db, eventId, ['confirmed', 'offered', 'requested', 'waiting']);
  const name = await hostNameOf(deps.db, e);
  for (const r of people) await sendRegistrationEmail(deps, e, r, kind, name, { previousStartsAt });
  return people.filter((p) => p.email).length;
}

/**
 * Moves the event to a new date: everyone booked or waiting keeps their place and is told,
 * with the calendar entry updated (same UID, higher SEQUENCE); reminders follow the new date.
 */
export async function postponeEvent(
  deps: Deps,
  _actor: SignedInActor,
  host: Host,
  eventId: string,
  to: { starts_at: Date; ends_at: Date; message: string },
  now = new Date(),
): Promise<{ told: number }> {
  await hostedEvent(deps, host, eventId);
  if (to.starts_at <= now)
    throw new AppError('validation', 'Choose a new start that is still to come.', {
      start_date: 'Choose a new start that is still to come.',
    });
  const previous = await deps.db.transaction().execute(async (tx) => {
    const before = (await events.lockEvent(tx, eventId))!;
    if (before.status === 'cancelled')
      throw new AppError('conflict', 'This event is cancelled, so it cannot be moved.');
    await events.moveEventRow(tx, eventId, to.starts_at, to.ends_at, to.message);
    return before.starts_at;
  });
  return { told: await tellEveryone(deps, eventId, 'event-postponed', previous) };
}

export async function cancelEvent(
  deps: Deps,
  _actor: SignedInActor,
  host: Host,
  eventId: string,
  reason: string,
): Promise<{ told: number }> {
  await hostedEvent(deps, host, eventId);
  const changedNow = await deps.db.transaction().execute(async (tx) => {
    const before = (await events.lockEvent(tx, eventId))!;
    if (before.status === 'cancelled') return false;
    await events.markEventCancelled(tx, eventId, reason);
    return true;
  });
  if (!changedNow) return { told: 0 };
  return { told: await tellEveryone(deps, eventId, 'event-cancelled') };
}

export const STATUS_LABEL: Record<regs.RegistrationStatus, string> = {
  requested: 'Asked to come',
  confirmed: 'Booked',
  waiting: 'Waiting list',
  offered: 'Offered a place',
  cancelled: "Can't come",
  declined: 'Declined',
  expired: 'Offer passed on',
};

export interface EventReport {
  bookedPlaces: number;
  waitingPlaces: number;
  offeredPlaces: number;
  attendedPlaces: number;
  walkIns: number;
  feedbackCount: number;
  /** Ratings 1–5, counts; hidden below 5 responses so nobody's answer can be picked out. */
  ratings: number[] | undefined;
}

export async function loadOrganiserEventPage(deps: Deps, actor: SignedInActor, host: Host, eventId: string) {
  const e = await hostedEvent(deps, host, eventId);
  const all = await regs.allRegistrationsOf(deps.db, eventId);
  const feedback = await regs.feedbackOf(deps.db, eventId);
  // Access needs are special-category data: each organiser view of them is audited.
  await recordAudit(deps.db, {
    orgId: e.org_id,
    actorId: actor.personId,
    action: 'events.registrations.view',
    subjectType: 'event',
    subjectId: e.id,
  });
  const sum = (s: string[]) => all.filter((r) => s.includes(r.status)).reduce((n, r) => n + r.places, 0);
  const ratings = [1, 2, 3, 4, 5].map((n) => feedback.filter((f) => f.rating === n).length);
  const report: EventReport = {
    bookedPlaces: sum(['confirmed']),
    waitingPlaces: sum(['waiting']),
    offeredPlaces: sum(['offered']),
    attendedPlaces: all.filter((r) => r.attended_at).reduce((n, r) => n + r.places, 0),
    walkIns: all.filter((r) => r.walk_in).length,
    feedbackCount: feedback.length,
    ratings: feedback.length >= 5 ? ratings : undefined,
  };
  return {
    event: e,
    registrations: all.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      places: r.places,
      mode: r.mode,
      status: r.status,
      accessNeeds: r.access_needs,
      dietaryNeeds: r.dietary_needs,
      heardFrom: r.heard_from,
      customAnswers: customAnswersOf(r.custom_answers),
      offerExpiresAt: r.offer_expires_at,
      attended: r.attended_at !== null,
      walkIn: r.walk_in,
    })),
    report,
    feedback: feedback.map((f) => ({
      rating: f.rating,
      struckChord: f.struck_chord,
      couldBeBetter: f.could_be_better,
      consent: f.quote_consent,
    })),
  };
}
export type OrganiserEventView = Awaited<ReturnType<typeof loadOrganiserEventPage>>;

export async function loadHostedEvents(deps: Deps, host: Host) {
  return events.listHostedEvents(deps.db, hostOrgId(host));
}

/** The register on the day: confirmed people, searchable by name. */
export async function loadAttendancePage(deps: Deps, actor: SignedInActor, host: Host, eventId: string, q: string) {
  const e = await hostedEvent(deps, host, eventId);
  const confirmed = await regs.registrationsOf(deps.db, eventId, ['confirmed']);
  await recordAudit(deps.db, {
    orgId: e.org_id,
    actorId: actor.personId,
    action: 'events.register.view',
    subjectType: 'event',
    subjectId: e.id,
  });
  const needle = q.trim().toLocaleLowerCase('en-GB');
  const rows = confirmed
    .filter((r) => !needle || r.name.toLocaleLowerCase('en-GB').includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return {
    event: e,
    q,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      places: r.places,
      mode: r.mode,
      accessNeeds: r.access_needs,
      attended: r.attended_at !== null,
      walkIn: r.walk_in,
    })),
    here: confirmed.filter((r) => r.attended_at).reduce((n, r) => n + r.places, 0),
    expected: confirmed.reduce((n, r) => n + r.places, 0),
  };
}

export async function markAttendance(
  deps: Deps,
  host: Host,
  eventId: string,
  registrationId: string,
  attended: boolean,
) {
  await hostedEvent(deps, host, eventId);
  if (!(await regs.setAttended(deps.db, eventId, registrationId, attended))) throw notFound('booking');
}

/** The register as CSV, for the organiser only; every cell is safe from spreadsheet formulas. */
export async function exportRegisterCsv(
  deps: Deps,
  actor: SignedInActor,
  host: Host,
  eventId: string,
): Promise<{ filename: string; csv: string }> {
  const e = await hostedEvent(deps, host, eventId);
  const rows = await regs.registrationsOf(deps.db, eventId, ['confirmed', 'requested', 'offered', 'waiting']);
  await recordAudit(deps.db, {
    orgId: e.org_id,
    actorId: actor.personId,
    action: 'events.register.export',
    subjectType: 'event',
    subjectId: e.id,
  });
  // A column per question the event asks now; an answer to a reworded question stays findable by its wording.
  const answer = (r: (typeof rows)[number], q: string) =>
    customAnswersOf(r.custom_answers).find((a) => a.question === q)?.answer ?? '';
  const csv = csvFile(
    [
      [
        'Name',
        'Email',
        'Places',
        'How',
        'Status',
        'Here',
        'Walk-in',
        'Access needs',
        'Dietary needs',
        'How they heard',
        ...e.custom_questions,
      ],
      ...rows.map((r) => [
        r.name,
        r.email,
        r.places,
        r.mode === 'online' ? 'Online' : 'In person',
        STATUS_LABEL[r.status],
        r.attended_at ? 'Yes' : '',
        r.walk_in ? 'Yes' : '',
        r.access_needs,
        r.dietary_needs,
        r.heard_from,
        ...e.custom_questions.map((q) => answer(r, q)),
      ]),
    ],
    { bom: true },
  );
  return { filename: `register-${e.starts_at.toISOString().slice(0, 10)}.csv`, csv };
}

/** Venues an organiser may pick: the organisation's places in the directory (none for the network). */
export async function placesFor(deps: Deps, host: Host) {
  return host.kind === 'org' ? listOrgPlaces(deps.db, host.org.id) : [];
}

export { decideRequest, addWalkIn } from './registration.service.ts';
/** The event's row, as the organiser's views show it. */
export type { EventRow as OrganiserEvent } from './events.repository.ts';
