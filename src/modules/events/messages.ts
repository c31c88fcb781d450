// Every email a registration gets, in plain words, each with the link to see, change or cancel
// it. Confirmed people get the event's calendar file; only they get the online joining link.
import type { Deps } from '../../platform/deps.ts';
import type { MailAttachment } from '../../platform/mail/mailer.ts';
import { describeWhen, shortWhen } from './domain/uk-time.ts';
import { eventPath, personalCalendar, venueLine } from './event-calendar.ts';
import type { EventRow } from './events.repository.ts';
import { registrationPath, registrationToken } from './registration-link.ts';
import type { RegistrationRow } from './registrations.repository.ts';

export type MessageKind =
  | 'confirmed'
  | 'requested'
  | 'waiting'
  | 'offered'
  | 'offer-expired'
  | 'cancelled-by-you'
  | 'declined'
  | 'event-updated'
  | 'event-cancelled'
  | 'event-postponed'
  | 'reminder'
  | 'feedback-request';

export function joinLinkFor(e: EventRow, r: Pick<RegistrationRow, 'status' | 'mode'>): string | undefined {
  return r.status === 'confirmed' && r.mode === 'online' && e.join_url && e.status === 'published'
    ? e.join_url
    : undefined;
}

function placesText(r: RegistrationRow): string {
  const mode = r.mode === 'online' ? 'online' : 'in person';
  return r.places === 1 ? `1 place (${mode})` : `${r.places} places (${mode})`;
}

export interface MessageExtras {
  /** For a move to a new date: when it was going to start. */
  previousStartsAt?: Date | undefined;
}

export async function sendRegistrationEmail(
  deps: Deps,
  e: EventRow,
  r: RegistrationRow,
  kind: MessageKind,
  hostName: string,
  extras: MessageExtras = {},
): Promise<void> {
  if (!r.email) return;
  const link = `${deps.config.publicUrl}${registrationPath(registrationToken(deps.config.sessionSecret, r.id))}`;
  const when = describeWhen(e.starts_at, e.ends_at);
  const where = venueLine(e);
  const join = joinLinkFor(e, r);
  const facts = [`${e.title}`, `When: ${when} (UK time)`, where ? `Where: ${where}` : '', `Booked: ${placesText(r)}`]
    .filter(Boolean)
    .join('\n');
  const manage = `To see your booking, change it, or tell us you can't come:\n${link}`;
  let subject: string;
  let body: string;
  let method: 'REQUEST' | 'CANCEL' | undefined;
  switch (kind) {
    case 'confirmed':
      subject = `You're booked: ${e.title}`;
      body = `Hello ${r.name},\n\nYou have a place. We're glad you're coming.\n\n${facts}${join ? `\n\nJoin online: ${join}` : ''}\n\nThe calendar file attached puts it in your diary.\n\n${manage}`;
      method = 'REQUEST';
      break;
    case 'requested':
      subject = `We've got your request: ${e.title}`;
      body = `Hello ${r.name},\n\nThanks for asking to come. The organisers look at each request and will email you soon. Your place is held meanwhile.\n\n${facts}\n\n${manage}`;
      break;
    case 'waiting':
      subject = `You're on the waiting list: ${e.title}`;
      body = `Hello ${r.name},\n\nThe event is full just now, so you're on the waiting list. If a place frees up we'll email you straight away and hold it for you for ${e.offer_hold_hours} hours.\n\n${facts}\n\n${manage}`;
      break;
    case 'offered':
      subject = `A place is free for you: ${e.title}`;
      body = `Hello ${r.name},\n\nGood news: a place has come free. We're holding it for you until ${r.offer_expires_at ? shortWhen(r.offer_expires_at) : 'soon'} (UK time). After that it passes to the next person.\n\n${facts}\n\nTo take the place (or let it go), open:\n${link}`;
      break;
    case 'offer-expired':
      subject = `The place has passed on: ${e.title}`;
      body = `Hello ${r.name},\n\nWe held a place for you at ${e.title}, but the time ran out, so it has gone to the next person. You don't need to do anything.\n\n${eventPath(e.id) ? `${deps.config.publicUrl}${eventPath(e.id)}` : ''}`;
      break;
    case 'cancelled-by-you':
      subject = `You've cancelled: ${e.title}`;
      body = `Hello ${r.name},\n\nThanks for letting us know you can't come. Your place has gone to someone else who was waiting.\n\nIf that was a mistake, you can book again while places are open:\n${deps.config.publicUrl}${eventPath(e.id)}`;
      method = r.status === 'cancelled' ? 'CANCEL' : undefined;
      break;
    case 'declined':
      subject = `About your request: ${e.title}`;
      body = `Hello ${r.name},\n\nThe organisers couldn't offer you a place at ${e.title} this time. Sorry. Other events are listed at ${deps.config.publicUrl}/events`;
      break;
    case 'event-updated':
      subject = `Changed: ${e.title}`;
      body = `Hello ${r.name},\n\nThe organisers have changed some details. Here is how it stands now:\n\n${facts}${join ? `\n\nJoin online: ${join}` : ''}\n\n${manage}`;
      method = r.status === 'confirmed' ? 'REQUEST' : undefined;
      break;
    case 'event-postponed': {
      const was = extras.previousStartsAt ? ` It was going to be on ${shortWhen(extras.previousStartsAt)}.` : '';
      subject = `New date: ${e.title}`;
      body = `Hello ${r.name},\n\n${e.title} has moved to a new date.${was}${e.move_message ? `\n\nThe organisers say: ${e.move_message}` : ''}\n\n${facts}${join ? `\n\nJoin online: ${join}` : ''}\n\n${r.status === 'waiting' ? 'You are still on the waiting list.' : 'Your place is kept for the new date.'} If the new date doesn't suit you, please tell us so someone else can have the place:\n${link}`;
      method = r.status === 'confirmed' ? 'REQUEST' : undefined;
      break;
    }
    case 'event-cancelled':
      subject = `Cancelled: ${e.title}`;
      body = `Hello ${r.name},\n\nSorry: ${e.title} on ${when} is cancelled.${e.cancel_reason ? `\n\nThe organisers say: ${e.cancel_reason}` : ''}\n\nYou don't need to do anything${r.status === 'waiting' ? ', and you are no longer on the waiting list' : ''}.`;
      method = r.status === 'confirmed' ? 'CANCEL' : undefined;
      break;
    case 'reminder':
      subject = `Coming up: ${e.title}`;
      body = `Hello ${r.name},\n\nA reminder that you're booked.\n\n${facts}${join ? `\n\nJoin online: ${join}` : ''}\n\nIf you can't come now, please tell us so someone else can have your place:\n${link}`;
      break;
    case 'feedback-request':
      subject = `How was it? ${e.title}`;
      body = `Hello ${r.name},\n\nThank you for being part of ${e.title}. Would you tell us how it was? It takes a couple of minutes, and you choose whether we may quote you.\n\n${link}/feedback`;
      break;
  }
  const attachments: MailAttachment[] = method
    ? [
        {
          filename: 'event.ics',
          content: personalCalendar(deps.config, e, method, { name: r.name, email: r.email }, join, hostName),
          contentType: `text/calendar; charset=utf-8; method=${method}`,
        },
      ]
    : [];
  await deps.mailer.send({ to: r.email, subject, text: body, ...(attachments.length ? { attachments } : {}) });
}
