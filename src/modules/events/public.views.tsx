// Pages anyone may see: the list of events, an event with its booking form, a booking (through
// its emailed link) and the feedback form.
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Radios,
  SummaryList,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { describeWhen, shortWhen } from './domain/uk-time.ts';
import { CUSTOM_ANSWER_FIELDS, REGISTER_FIELD_ORDER } from './events.schemas.ts';
import type { GalleryItem } from './gallery.service.ts';
import type { EventPageView, EventsListView } from './public.service.ts';

const KIND_LABEL = { online: 'Online', in_person: 'In person', hybrid: 'In person and online' } as const;
const MODE_LABEL = { online: 'Online', in_person: 'In person' } as const;
const errorTitle = (errors: FieldErrors, title: string) => (Object.keys(errors).length ? `Error: ${title}` : title);

export function EventsListPage({ ctx, view }: { ctx: PageContext; view: EventsListView }) {
  const q = view.query;
  return (
    <Layout ctx={ctx} title="Events">
      <h1>Events</h1>
      <p class="lede">
        Days together across the network: recovery walks, open days, training and gatherings. Everyone is welcome unless
        it says otherwise.
      </p>
      <form method="get" action="/events" class="filter-form">
        <TextInput name="area" label="Town or postcode" value={q.area} width="medium" />
        <TextInput name="from" label="From date" type="date" value={q.from} width="medium" />
        <div class="field">
          <div class="radio">
            <input type="checkbox" id="f-online" name="online" value="yes" checked={q.online} />
            <label for="f-online">Online only</label>
          </div>
        </div>
        {q.org && <input type="hidden" name="org" value={q.org} />}
        <Button variant="secondary">Show events</Button>
      </form>
      {view.orgName && (
        <p>
          Showing events by {view.orgName}. <a href="/events">Show everyone's</a>
        </p>
      )}
      {view.events.length === 0 ? (
        <p class="empty">No events match just now. Try another town, or take off "online only".</p>
      ) : (
        <ul class="event-list">
          {view.events.map((e) => (
            <li class="event-item">
              <h2 class="event-title">
                <a href={`/events/${e.id}`}>{e.title}</a>
              </h2>
              <p class="event-meta">
                <strong>{shortWhen(e.startsAt)}</strong> · {e.where || KIND_LABEL[e.kind]} · {e.host}
              </p>
              <p class="event-tags">
                <span class="tag">{KIND_LABEL[e.kind]}</span>{' '}
                {e.membersOnly && <span class="tag tag-applicant">Network members</span>}{' '}
                {e.cancelled && <span class="tag tag-lapsed">Cancelled</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>Put these in your calendar</h2>
      <p>
        Subscribe to{' '}
        <a href={q.org ? `/events/calendar.ics?org=${encodeURIComponent(q.org)}` : '/events/calendar.ics'}>
          the events calendar
        </a>{' '}
        in your phone or computer's calendar app, and new events appear by themselves.
      </p>
    </Layout>
  );
}

function Places({ view }: { view: EventPageView }) {
  return (
    <ul>
      {view.free.map((f) => (
        <li>
          {view.free.length > 1 ? `${MODE_LABEL[f.mode]}: ` : ''}
          {f.left === 0
            ? 'full – you can join the waiting list'
            : f.left === 1
              ? '1 place left'
              : `${f.left} places left`}
        </li>
      ))}
    </ul>
  );
}

/** Sketch notes and photos from the day, each with its description for screen readers. */
export function Gallery({ pictures }: { pictures: GalleryItem[] }) {
  return (
    <ul class="gallery">
      {pictures.map((p) => (
        <li class="gallery-item">
          <figure>
            <a href={p.src}>
              <img src={p.src} alt={p.altText} loading="lazy" />
            </a>
            <figcaption>{p.caption || (p.kind === 'sketch_notes' ? 'Sketch notes' : 'Photo')}</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

export function EventPage({
  ctx,
  view,
  pictures,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: EventPageView;
  pictures: GalleryItem[];
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const anyFree = view.free.some((f) => f.left > 0);
  const venue = [view.venue.name, view.venue.address, view.venue.postcode].filter(Boolean).join(', ');
  return (
    <Layout
      ctx={ctx}
      title={errorTitle(errors, view.title)}
      before={<Breadcrumbs items={[{ href: '/events', label: 'Events' }]} />}
    >
      <ErrorSummary errors={errors} order={REGISTER_FIELD_ORDER} />
      {view.cancelled && (
        <NotificationBanner kind="warning" title="Cancelled">
          <p>This event is cancelled.{view.cancelReason ? ` ${view.cancelReason}` : ''}</p>
        </NotificationBanner>
      )}
      {!view.cancelled && view.movedFrom && (
        <NotificationBanner kind="info" title="New date">
          <p>
            This event has moved from {shortWhen(view.movedFrom)} to the date below.
            {view.moveMessage ? ` ${view.moveMessage}` : ''}
          </p>
        </NotificationBanner>
      )}
      <h1>{view.title}</h1>
      <SummaryList
        items={[
          { key: 'When', value: `${describeWhen(view.startsAt, view.endsAt)} (UK time)` },
          {
            key: 'Where',
            value:
              view.kind === 'online'
                ? 'Online. The joining link comes with your booking.'
                : view.kind === 'hybrid'
                  ? `${venue}, or online`
                  : venue,
          },
          { key: 'Run by', value: view.host },
          ...(view.membersOnly ? [{ key: 'Who can come', value: 'People in the network' }] : []),
        ]}
      />
      <p>
        <a href={`/events/${view.id}/calendar.ics`}>Add to my calendar</a>
      </p>
      {view.mayOrganise && view.orgId === null && (
        <p>
          <a href={`/network/events/${view.id}`}>Organise this event</a>
        </p>
      )}
      <div class="prose" dangerouslySetInnerHTML={{ __html: view.descriptionHtml }} />
      {pictures.length > 0 && (
        <section aria-labelledby="pictures-heading">
          <h2 id="pictures-heading">Pictures from the day</h2>
          <Gallery pictures={pictures} />
        </section>
      )}
      {!view.cancelled && view.ended && <p>{view.closedReason}</p>}
      {!view.cancelled && !view.ended && (
        <section aria-labelledby="book-heading">
          <h2 id="book-heading">Book a place</h2>
          {view.closedReason ? (
            <p>{view.closedReason}</p>
          ) : (
            <>
              <Places view={view} />
              <p>Booking is free. You don't need an account: we email you a link to change or cancel.</p>
              {view.needsApproval && (
                <p>The organisers look at each booking before confirming it. Your place is held meanwhile.</p>
              )}
              {!anyFree && (
                <p>If a place frees up, we'll offer it to the next person and hold it for {view.holdHours} hours.</p>
              )}
              <form method="post" action={`/events/${view.id}/book`} id="f-form" novalidate>
                <CsrfField token={ctx.csrfToken()} />
                <TextInput
                  name="name"
                  label="Your name"
                  value={values.name}
                  error={errors.name}
                  autocomplete="name"
                  width="medium"
                />
                <TextInput
                  name="email"
                  label="Your email address"
                  type="email"
                  value={values.email}
                  error={errors.email}
                  autocomplete="email"
                  spellcheck={false}
                  width="medium"
                />
                {view.modes.length > 1 ? (
                  <Radios
                    name="mode"
                    label="How will you take part?"
                    value={values.mode}
                    error={errors.mode}
                    options={view.modes.map((m) => ({ value: m, label: MODE_LABEL[m] }))}
                  />
                ) : (
                  <input type="hidden" name="mode" value={view.modes[0]} />
                )}
                {view.maxPlaces > 1 && (
                  <TextInput
                    name="places"
                    label="How many places?"
                    hint={`Including you. Up to ${view.maxPlaces}.`}
                    type="number"
                    inputMode="numeric"
                    value={values.places ?? '1'}
                    error={errors.places}
                    width="short"
                  />
                )}
                {view.free.some((f) => f.left > 0) && (
                  <div class="field">
                    <div class="radio">
                      <input
                        type="checkbox"
                        id="f-wait_if_full"
                        name="wait_if_full"
                        value="yes"
                        checked={values.wait_if_full === 'yes'}
                      />
                      <label for="f-wait_if_full">If there aren't enough places left, put us on the waiting list</label>
                    </div>
                  </div>
                )}
                <TextArea
                  name="access_needs"
                  label="Anything that would help you take part? (optional)"
                  hint="For example step-free access, a quiet space, captions or a hearing loop. Only the organisers see this."
                  value={values.access_needs}
                  error={errors.access_needs}
                  rows={3}
                />
                <TextInput
                  name="dietary_needs"
                  label="Food and drink needs (optional)"
                  value={values.dietary_needs}
                  error={errors.dietary_needs}
                />
                <TextInput
                  name="heard_from"
                  label="How did you hear about it? (optional)"
                  value={values.heard_from}
                  error={errors.heard_from}
                />
                <CustomAnswerBoxes questions={view.customQuestions} values={values} errors={errors} optional />
                <Button>{anyFree ? 'Book my place' : 'Join the waiting list'}</Button>
              </form>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}

export interface BookingView {
  token: string;
  eventId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  where: string;
  status: 'requested' | 'confirmed' | 'waiting' | 'offered' | 'cancelled' | 'declined' | 'expired';
  places: number;
  mode: 'in_person' | 'online';
  offerExpiresAt: Date | null;
  joinUrl: string | undefined;
  eventCancelled: boolean;
  eventStarted: boolean;
  accessNeeds: string;
  dietaryNeeds: string;
  customQuestions: string[];
  /** One per question, '' when not answered. */
  customAnswers: string[];
  maxPlaces: number;
}

/** A box for each of the organiser's own questions, numbered to match the event's order. */
function CustomAnswerBoxes({
  questions,
  values,
  errors,
  optional = false,
}: {
  questions: readonly string[];
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  optional?: boolean;
}) {
  return (
    <>
      {questions.map((q, i) => {
        const name = CUSTOM_ANSWER_FIELDS[i]!;
        return (
          <TextArea
            name={name}
            label={optional ? `${q} (optional)` : q}
            value={values[name]}
            error={errors[name]}
            rows={3}
          />
        );
      })}
    </>
  );
}

const BOOKING_STATUS: Record<BookingView['status'], string> = {
  requested: 'Waiting for the organisers to confirm. Your place is held.',
  confirmed: "You're booked.",
  waiting: "You're on the waiting list. We'll email you if a place frees up.",
  offered: 'A place is free for you. Take it before the time runs out.',
  cancelled: "You've told us you can't come. Your booking is cancelled.",
  declined: "The organisers couldn't offer you a place this time.",
  expired: 'We held a place for you, but the time ran out and it passed on.',
};

export function BookingPage({
  ctx,
  view,
  errors = {},
  values,
  placesValue,
}: {
  ctx: PageContext;
  view: BookingView;
  errors?: FieldErrors;
  values?: Record<string, string>;
  placesValue?: string;
}) {
  const base = `/events/r/${view.token}`;
  const active = ['requested', 'confirmed', 'waiting', 'offered'].includes(view.status) && !view.eventCancelled;
  const v = values ?? {
    access_needs: view.accessNeeds,
    dietary_needs: view.dietaryNeeds,
    ...Object.fromEntries(view.customAnswers.map((a, i) => [CUSTOM_ANSWER_FIELDS[i]!, a])),
  };
  return (
    <Layout ctx={ctx} title={errorTitle(errors, 'Your booking')}>
      <ErrorSummary errors={errors} />
      <h1>Your booking</h1>
      <p class="lede">{view.eventCancelled ? 'This event has been cancelled. Sorry.' : BOOKING_STATUS[view.status]}</p>
      <SummaryList
        items={[
          { key: 'Event', value: <a href={`/events/${view.eventId}`}>{view.title}</a> },
          { key: 'When', value: `${describeWhen(view.startsAt, view.endsAt)} (UK time)` },
          { key: 'Where', value: view.where },
          { key: 'Places', value: `${view.places} (${MODE_LABEL[view.mode].toLowerCase()})` },
          ...(view.status === 'offered' && view.offerExpiresAt
            ? [{ key: 'Held until', value: `${shortWhen(view.offerExpiresAt)} (UK time)` }]
            : []),
          ...(view.joinUrl ? [{ key: 'Join online', value: <a href={view.joinUrl}>{view.joinUrl}</a> }] : []),
        ]}
      />
      {view.status === 'offered' && active && (
        <form method="post" action={`${base}/accept`}>
          <CsrfField token={ctx.csrfToken()} />
          <Button>Take the place</Button>
        </form>
      )}
      {view.status === 'confirmed' && (
        <p>
          <a href={`/events/${view.eventId}/calendar.ics`}>Add to my calendar</a>
          {view.eventStarted && (
            <>
              {' · '}
              <a href={`${base}/feedback`}>Tell us how it was</a>
            </>
          )}
        </p>
      )}
      {active && !view.eventStarted && (
        <>
          {view.maxPlaces > 1 && (
            <>
              <h2>{view.status === 'waiting' ? 'How many places you are waiting for' : 'How many places'}</h2>
              <form method="post" action={`${base}/places`} novalidate>
                <CsrfField token={ctx.csrfToken()} />
                <TextInput
                  name="places"
                  label="Places, including you"
                  hint={`Up to ${view.maxPlaces}. Fewer frees places for people waiting.`}
                  type="number"
                  inputMode="numeric"
                  value={placesValue ?? String(view.places)}
                  error={errors.places}
                  width="short"
                />
                <Button variant="secondary">Change places</Button>
              </form>
            </>
          )}
          <h2>Change what you told us</h2>
          <form method="post" action={`${base}/answers`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <TextArea
              name="access_needs"
              label="Anything that would help you take part?"
              hint="Only the organisers see this."
              value={v.access_needs}
              error={errors.access_needs}
              rows={3}
            />
            <TextInput
              name="dietary_needs"
              label="Food and drink needs"
              value={v.dietary_needs}
              error={errors.dietary_needs}
            />
            <CustomAnswerBoxes questions={view.customQuestions} values={v} errors={errors} />
            <Button variant="secondary">Save changes</Button>
          </form>
          <h2>{view.status === 'waiting' ? 'Leave the waiting list' : "Can't come?"}</h2>
          <p>Letting us know means someone on the waiting list can have your place.</p>
          <form method="post" action={`${base}/cancel`}>
            <CsrfField token={ctx.csrfToken()} />
            <Button variant="warning">
              {view.status === 'waiting' ? 'Take me off the waiting list' : "I can't come"}
            </Button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function FeedbackPage({
  ctx,
  token,
  title,
  open,
  errors = {},
  values,
}: {
  ctx: PageContext;
  token: string;
  title: string;
  open: boolean;
  errors?: FieldErrors;
  values: Record<string, string>;
}) {
  return (
    <Layout ctx={ctx} title={errorTitle(errors, 'How was it?')}>
      <ErrorSummary
        errors={errors}
        order={['rating', 'struck_chord', 'could_be_better', 'quote_consent', 'first_name']}
      />
      <h1>How was it?</h1>
      <p class="lede">{title}</p>
      {!open ? (
        <p>You can tell us how it was once the event has begun.</p>
      ) : (
        <form method="post" action={`/events/r/${token}/feedback`} novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <Radios
            name="rating"
            label="Overall, how was it? (optional)"
            value={values.rating}
            error={errors.rating}
            inline
            options={[
              { value: '5', label: '5 – really good' },
              { value: '4', label: '4' },
              { value: '3', label: '3' },
              { value: '2', label: '2' },
              { value: '1', label: '1 – not good' },
            ]}
          />
          <TextArea
            name="struck_chord"
            label="What struck a chord with you?"
            value={values.struck_chord}
            error={errors.struck_chord}
            rows={4}
          />
          <TextArea
            name="could_be_better"
            label="What could be better?"
            value={values.could_be_better}
            error={errors.could_be_better}
            rows={4}
          />
          <Radios
            name="quote_consent"
            label="May we quote your words, for example in a report or a poem from the day?"
            value={values.quote_consent}
            error={errors.quote_consent}
            options={[
              { value: 'none', label: 'No, just for the organisers' },
              { value: 'anonymous', label: 'Yes, without my name' },
              { value: 'first_name', label: 'Yes, with my first name' },
            ]}
          />
          <TextInput
            name="first_name"
            label="First name to use (if you chose that)"
            value={values.first_name}
            error={errors.first_name}
            width="medium"
            autocomplete="given-name"
          />
          <Button>Send</Button>
        </form>
      )}
    </Layout>
  );
}

export function ThanksPage({ ctx, title, text }: { ctx: PageContext; title: string; text: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lede">{text}</p>
      <p>
        <a href="/events">See other events</a>
      </p>
    </Layout>
  );
}
