// Booking, the waiting list and offers. Every change of places locks the event's row first, in
// one transaction, so concurrent bookings and cancellations queue on it: no event is ever over
// capacity and no freed place is lost. Emails go after the transaction commits.
import { answersFor, answersToQuestions, customAnswersOf } from './domain/custom-questions.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isSignedIn, type Actor } from '../../platform/auth/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { fitsNow, freePlaces, modesOf, nextOffers, type Mode } from './domain/places.ts';
import { shortWhen } from './domain/uk-time.ts';
import * as events from './events.repository.ts';
import type { EventRow } from './events.repository.ts';
import { mayAttend, type Audience } from './events.policy.ts';
import { joinLinkFor, sendRegistrationEmail, type MessageKind } from './messages.ts';
import { venueLine } from './event-calendar.ts';
import { registrationToken, registrationTokenHash } from './registration-link.ts';
import { hashToken, looksLikeToken } from '../../platform/auth/tokens.ts';
import * as regs from './registrations.repository.ts';
import type { RegistrationRow } from './registrations.repository.ts';

export const EXPIRE_OFFERS_JOB = 'events.expire-offers';

export interface RegisterInput {
  name: string;
  email: string;
  places: number;
  mode: Mode;
  access_needs: string;
  dietary_needs: string;
  heard_from: string;
  /** Answers to the event's own questions, in the order it asks them. */
  custom_answers: string[];
  /** Join the waiting list when fewer places are left than asked for. */
  wait_if_full: boolean;
}

type Mail = { reg: RegistrationRow; kind: MessageKind };

export const capacityOf = (e: EventRow) => ({ in_person: e.capacity_in_person, online: e.capacity_online });

export async function hostNameOf(db: Kysely<DB>, e: Pick<EventRow, 'org_id'>): Promise<string> {
  if (!e.org_id) return 'Recovery Connectors network';
  return (await events.orgNameOf(db, e.org_id))?.name ?? 'Recovery Connectors';
}

/** Why registration is not open now, or undefined when it is. */
export function closedReason(e: EventRow, now: Date): string | undefined {
  if (e.status === 'cancelled') return 'This event has been cancelled.';
  if (e.ends_at <= now) return 'This event has finished. Thank you to everyone who came.';
  if (e.starts_at <= now) return 'This event has started, so booking has closed.';
  if (e.registration_closes_at && e.registration_closes_at <= now) return 'Booking for this event has closed.';
  if (e.registration_opens_at && e.registration_opens_at > now)
    return `Booking opens on ${shortWhen(e.registration_opens_at)}.`;
  return undefined;
}

/** Offers free places to the waiting list in arrival order; the caller holds the event's lock. */
async function offerFreedPlaces(tx: Kysely<DB>, e: EventRow, now: Date): Promise<RegistrationRow[]> {
  if (e.status !== 'published' || e.starts_at <= now) return [];
  const free = freePlaces(capacityOf(e), await regs.holdingPlaces(tx, e.id));
  const ids = nextOffers(free, await regs.waitingInArrivalOrder(tx, e.id));
  if (!ids.length) return [];
  // The hold never runs past the start of the event.
  const until = new Date(Math.min(now.getTime() + e.offer_hold_hours * 3600_000, e.starts_at.getTime()));
  await regs.setStatus(tx, ids, 'offered', until);
  return (await regs.registrationsOf(tx, e.id, ['offered'])).filter((r) => ids.includes(r.id));
}

async function afterCommit(deps: Deps, e: EventRow, mails: Mail[]): Promise<void> {
  if (!mails.length) return;
  const host = await hostNameOf(deps.db, e);
  for (const m of mails) await sendRegistrationEmail(deps, e, m.reg, m.kind, host);
  const expiries = mails
    .filter((m) => m.kind === 'offered' && m.reg.offer_expires_at)
    .map((m) => m.reg.offer_expires_at!.getTime());
  if (expiries.length) {
    await deps.jobs.send(
      EXPIRE_OFFERS_JOB,
      {},
      { startAfter: new Date(Math.min(...expiries) + 1000), singletonKey: `expire:${e.id}:${Math.min(...expiries)}` },
    );
  }
}

export async function registerForEvent(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: RegisterInput,
  now = new Date(),
): Promise<{ registration: RegistrationRow; token: string }> {
  const email = input.email.toLowerCase();
  const id = randomUUID();
  const { event, registration } = await deps.db.transaction().execute(async (tx) => {
    const e = await events.lockEvent(tx, eventId);
    if (!e || !mayAttend(actor, { orgId: e.org_id, audience: e.audience as Audience })) throw notFound('event');
    const closed = closedReason(e, now);
    if (closed) throw new AppError('conflict', closed);
    const capacity = capacityOf(e);
    if (!modesOf(e.kind as 'online').includes(input.mode) || capacity[input.mode] === 0) {
      throw new AppError('validation', 'Choose how you will take part.', { mode: 'Choose how you will take part.' });
    }
    const most = Math.min(e.max_places_per_registration, capacity[input.mode]);
    if (input.places > most) {
      const msg = `You can book up to ${most} ${most === 1 ? 'place' : 'places'} at once.`;
      throw new AppError('validation', msg, { places: msg });
    }
    if (email && (await regs.hasActiveBookingFor(tx, e.id, email))) {
      throw new AppError(
        'conflict',
        'This email address is already booked or on the waiting list. The link in your email lets you change it.',
      );
    }
    const free = freePlaces(capacity, await regs.holdingPlaces(tx, e.id));
    const fits = fitsNow(free, input.mode, input.places);
    if (!fits && free[input.mode] > 0 && !input.wait_if_full) {
      const left = free[input.mode];
      const msg = `Only ${left} ${left === 1 ? 'place is' : 'places are'} left. Ask for ${left === 1 ? '1' : `${left} or fewer`}, or choose to join the waiting list.`;
      throw new AppError('validation', msg, { places: msg });
    }
    const status: regs.RegistrationStatus = fits ? (e.needs_approval ? 'requested' : 'confirmed') : 'waiting';
    const registration = await regs.insertRegistration(tx, {
      id,
      event_id: e.id,
      org_id: e.org_id,
      person_id: isSignedIn(actor) ? actor.personId : null,
      name: input.name,
      email,
      places: input.places,
      mode: input.mode,
      status,
      access_needs: input.access_needs,
      dietary_needs: input.dietary_needs,
      heard_from: input.heard_from,
      custom_answers: answersFor(e.custom_questions, input.custom_answers),
      token_hash: registrationTokenHash(deps.config.sessionSecret, id),
    });
    return { event: e, registration };
  });
  await afterCommit(deps, event, [{ reg: registration, kind: registration.status as MessageKind }]);
  return { registration, token: registrationToken(deps.config.sessionSecret, id) };
}

/** The registration behind a link, or 404 for an unknown or altered one. */
export async function findByToken(deps: Deps, token: string): Promise<RegistrationRow> {
  if (!looksLikeToken(token)) throw notFound('booking');
  const r = await regs.findRegistrationByTokenHash(deps.db, hashToken(token));
  if (!r) throw notFound('booking');
  return r;
}

const ENDED: readonly string[] = ['cancelled', 'declined', 'expired'];

/**
 * "Can't come" (or "take me off the waiting list"): frees the places and offers them on. A
 * replayed link finds the registration already cancelled and changes nothing.
 */
export async function cancelRegistration(
  deps: Deps,
  token: string,
  now = new Date(),
): Promise<{ changed: boolean; event: EventRow }> {
  const found = await findByToken(deps, token);
  const result = await deps.db.transaction().execute(async (tx) => {
    const e = (await events.lockEvent(tx, found.event_id))!;
    const r = (await regs.findRegistration(tx, e.id, found.id))!;
    if (ENDED.includes(r.status)) return { changed: false, event: e, mails: [] as Mail[] };
    await regs.setStatus(tx, [r.id], 'cancelled');
    const offers = await offerFreedPlaces(tx, e, now);
    const mails: Mail[] = [
      { reg: { ...r, status: 'cancelled' }, kind: 'cancelled-by-you' },
      ...offers.map((o) => ({ reg: o, kind: 'offered' as const })),
    ];
    return { changed: true, event: e, mails };
  });
  await afterCommit(deps, result.event, result.mails);
  return { changed: result.changed, event: result.event };
}

/** Takes an offered place while its hold lasts. */
export async function acceptOffer(deps: Deps, token: string, now = new Date()): Promise<EventRow> {
  const found = await findByToken(deps, token);
  const result = await deps.db.transaction().execute(async (tx) => {
    const e = (await events.lockEvent(tx, found.event_id))!;
    const r = (await regs.findRegistration(tx, e.id, found.id))!;
    if (r.status === 'confirmed') return { e, mails: [] as Mail[] };
    if (r.status !== 'offered') throw new AppError('gone', 'There is no place being held for you now.');
    if (e.status !== 'published') throw new AppError('gone', 'This event has been cancelled.');
    if (r.offer_expires_at && r.offer_expires_at <= now) {
      throw new AppError(
        'gone',
        'Sorry, the time to take this place has run out, so it has passed to the next person.',
      );
    }
    await regs.setStatus(tx, [r.id], 'confirmed');
    return {
      e,
      mails: [{ reg: { ...r, status: 'confirmed' as const, offer_expires_at: null }, kind: 'confirmed' as const }],
    };
  });
  await afterCommit(deps, result.e, result.mails);
  return result.e;
}

/**
 * Changes how many places a booking holds. Fewer frees places, which are offered on at once;
 * more is only possible while that many are free (a waiting or offered booking just changes
 * what it waits for, and keeps its place in line).
 */
export async function changeMyPlaces(
  deps: Deps,
  token: string,
  places: number,
  now = new Date(),
): Promise<{ changed: boolean }> {
  const found = await findByToken(deps, token);
  const result = await deps.db.transaction().execute(async (tx) => {
    const e = (await events.lockEvent(tx, found.event_id))!;
    const r = (await regs.findRegistration(tx, e.id, found.id))!;
    if (ENDED.includes(r.status) || e.status !== 'published')
      throw new AppError('gone', 'This booking has been cancelled.');
    if (e.starts_at <= now)
      throw new AppError('conflict', 'The event has started, so the booking can no longer change.');
    const most = Math.min(e.max_places_per_registration, capacityOf(e)[r.mode as Mode]);
    if (places < 1 || places > most) {
      const msg = `Choose from 1 to ${most} ${most === 1 ? 'place' : 'places'}.`;
      throw new AppError('validation', msg, { places: msg });
    }
    if (places === r.places) return { changed: false, e, mails: [] as Mail[] };
    const holds = ['confirmed', 'requested', 'offered'].includes(r.status);
    if (holds && places > r.places) {
      const free = freePlaces(capacityOf(e), await regs.holdingPlaces(tx, e.id))[r.mode as Mode];
      if (places - r.places > free) {
        const msg =
          free === 0
            ? 'No more places are free just now.'
            : `Only ${free} more ${free === 1 ? 'place is' : 'places are'} free just now.`;
        throw new AppError('validation', msg, { places: msg });
      }
    }
    await regs.setPlaces(tx, r.id, places);
    const offers = holds && places < r.places ? await offerFreedPlaces(tx, e, now) : [];
    return { changed: true, e, mails: offers.map((o) => ({ reg: o, kind: 'offered' as const })) };
  });
  await afterCommit(deps, result.e, result.mails);
  return { changed: result.changed };
}

export async function updateMyAnswers(
  deps: Deps,
  token: string,
  a: { access_needs: string; dietary_needs: string; custom_answers: string[] },
) {
  const r = await findByToken(deps, token);
  if (ENDED.includes(r.status)) throw new AppError('gone', 'This booking has been cancelled.');
  const e = (await events.findEvent(deps.db, r.event_id))!;
  await regs.updateAnswers(deps.db, r.id, {
    access_needs: a.access_needs,
    dietary_needs: a.dietary_needs,
    custom_answers: answersFor(e.custom_questions, a.custom_answers),
  });
}

/** Job: offers whose hold has run out pass to the next people waiting. */
export async function expireOffers(deps: Deps, now = new Date()): Promise<number> {
  const due = await regs.expiredOffers(deps.db, now);
  const byEvent = new Set(due.map((d) => d.event_id));
  let expired = 0;
  for (const eventId of byEvent) {
    const result = await deps.db.transaction().execute(async (tx) => {
      const e = (await events.lockEvent(tx, eventId))!;
      const stale = (await regs.registrationsOf(tx, e.id, ['offered'])).filter(
        (r) => r.offer_expires_at && r.offer_expires_at <= now,
      );
      await regs.setStatus(
        tx,
        stale.map((r) => r.id),
        'expired',
      );
      const offers = await offerFreedPlaces(tx, e, now);
      return {
        e,
        stale,
        mails: [
          ...stale.map((r) => ({ reg: { ...r, status: 'expired' as const }, kind: 'offer-expired' as const })),
          ...offers.map((o) => ({ reg: o, kind: 'offered' as const })),
        ],
      };
    });
    expired += result.stale.length;
    await afterCommit(deps, result.e, result.mails);
  }
  return expired;
}

/** The organiser approves or declines a request; a decline offers the places on. */
export async function decideRequest(
  deps: Deps,
  eventId: string,
  registrationId: string,
  approve: boolean,
  now = new Date(),
) {
  const result = await deps.db.transaction().execute(async (tx) => {
    const e = await events.lockEvent(tx, eventId);
    const r = e && (await regs.findRegistration(tx, e.id, registrationId));
    if (!e || !r) throw notFound('booking');
    if (r.status !== 'requested') throw new AppError('conflict', 'This request has already been answered.');
    await regs.setStatus(tx, [r.id], approve ? 'confirmed' : 'declined');
    const offers = approve ? [] : await offerFreedPlaces(tx, e, now);
    const mails: Mail[] = [
      { reg: { ...r, status: approve ? 'confirmed' : 'declined' }, kind: approve ? 'confirmed' : 'declined' },
      ...offers.map((o) => ({ reg: o, kind: 'offered' as const })),
    ];
    return { e, mails };
  });
  await afterCommit(deps, result.e, result.mails);
}

/** After an organiser raises the capacity: offers the new places to the waiting list. */
export async function offerNewPlaces(deps: Deps, eventId: string, now = new Date()) {
  const result = await deps.db.transaction().execute(async (tx) => {
    const e = (await events.lockEvent(tx, eventId))!;
    return { e, mails: (await offerFreedPlaces(tx, e, now)).map((o) => ({ reg: o, kind: 'offered' as const })) };
  });
  await afterCommit(deps, result.e, result.mails);
}

/** A walk-in on the day, added by the organiser and marked as here. */
export async function addWalkIn(deps: Deps, eventId: string, name: string, places: number, mode: Mode) {
  const id = randomUUID();
  await deps.db.transaction().execute(async (tx) => {
    const e = await events.lockEvent(tx, eventId);
    if (!e) throw notFound('event');
    await regs.insertRegistration(tx, {
      id,
      event_id: e.id,
      org_id: e.org_id,
      person_id: null,
      name,
      email: '',
      places,
      mode,
      status: 'confirmed',
      walk_in: true,
      attended_at: new Date(),
      access_needs: '',
      dietary_needs: '',
      heard_from: '',
      custom_answers: [],
      token_hash: registrationTokenHash(deps.config.sessionSecret, id),
    });
  });
}

/** The page behind the emailed link. */
export async function loadBookingPage(deps: Deps, token: string, now = new Date()) {
  const r = await findByToken(deps, token);
  const e = (await events.findEvent(deps.db, r.event_id))!;
  return {
    token,
    eventId: e.id,
    title: e.title,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    where: venueLine(e),
    status: r.status,
    places: r.places,
    mode: r.mode as Mode,
    offerExpiresAt: r.offer_expires_at,
    joinUrl: joinLinkFor(e, r),
    eventCancelled: e.status === 'cancelled',
    eventStarted: e.starts_at <= now,
    accessNeeds: r.access_needs,
    dietaryNeeds: r.dietary_needs,
    customQuestions: e.custom_questions,
    customAnswers: answersToQuestions(e.custom_questions, customAnswersOf(r.custom_answers)),
    maxPlaces: Math.min(e.max_places_per_registration, capacityOf(e)[r.mode as Mode]),
  };
}
