// The organiser's pages: their events, the event form, one event's bookings with access needs
// and its report, and the register on the day (made for a phone).
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  Select,
  SummaryList,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { describeWhen, shortWhen, toUkWallClock } from './domain/uk-time.ts';
import { CUSTOM_QUESTION_FIELDS, EVENT_FIELD_ORDER, MOVE_FIELD_ORDER } from './events.schemas.ts';
import type { GalleryItem } from './gallery.service.ts';
import { STATUS_LABEL, type OrganiserEvent as EventRow, type OrganiserEventView } from './organiser.service.ts';

export interface HostFrame {
  base: string;
  name: string;
  /** Breadcrumb back to the host's workspace. */
  home: { href: string; label: string };
}

const KIND = { online: 'Online', in_person: 'In person', hybrid: 'In person and online' } as Record<string, string>;

export function HostedEventsPage({
  ctx,
  host,
  rows,
}: {
  ctx: PageContext;
  host: HostFrame;
  rows: {
    id: string;
    title: string;
    starts_at: Date;
    status: string;
    kind: string;
    capacity_in_person: number;
    capacity_online: number;
    taken: number | null;
    waiting: number | null;
  }[];
}) {
  return (
    <Layout ctx={ctx} title="Events" before={<Breadcrumbs items={[host.home]} />}>
      <h1>Events by {host.name}</h1>
      <p>
        <a class="button button-primary" href={`${host.base}/new`}>
          Create an event
        </a>
      </p>
      <Table
        caption="Your events, newest first"
        empty="No events yet."
        rows={rows}
        columns={[
          { header: 'Event', cell: (r) => <a href={`${host.base}/${r.id}`}>{r.title}</a> },
          { header: 'When', cell: (r) => shortWhen(r.starts_at) },
          { header: 'Booked', cell: (r) => `${r.taken ?? 0} of ${r.capacity_in_person + r.capacity_online}` },
          { header: 'Waiting', cell: (r) => String(r.waiting ?? 0) },
          { header: 'Status', cell: (r) => (r.status === 'cancelled' ? 'Cancelled' : KIND[r.kind]) },
        ]}
      />
    </Layout>
  );
}

/** Form values from a stored event, for editing. */
export function eventFormValues(e: EventRow): Record<string, string> {
  const s = toUkWallClock(e.starts_at);
  const end = toUkWallClock(e.ends_at);
  const o = e.registration_opens_at ? toUkWallClock(e.registration_opens_at) : { date: '', time: '' };
  const c = e.registration_closes_at ? toUkWallClock(e.registration_closes_at) : { date: '', time: '' };
  return {
    title: e.title,
    description: e.description_md,
    kind: e.kind,
    location_id: e.location_id ?? '',
    venue_name: e.location_id ? '' : e.venue_name,
    venue_address: e.location_id ? '' : e.venue_address,
    venue_postcode: e.location_id ? '' : e.venue_postcode,
    start_date: s.date,
    start_time: s.time,
    end_date: end.date,
    end_time: end.time,
    capacity_in_person: String(e.capacity_in_person),
    capacity_online: String(e.capacity_online),
    opens_date: o.date,
    opens_time: o.time,
    closes_date: c.date,
    closes_time: c.time,
    audience: e.audience,
    needs_approval: e.needs_approval ? 'yes' : '',
    max_places: String(e.max_places_per_registration),
    hold_hours: String(e.offer_hold_hours),
    reminders: e.reminder_hours.map((h) => (h % 24 === 0 ? String(h / 24) : `${h}h`)).join(', '),
    join_url: e.join_url,
    ...Object.fromEntries(CUSTOM_QUESTION_FIELDS.map((f, i) => [f, e.custom_questions[i] ?? ''])),
  };
}

export const NEW_EVENT_VALUES: Record<string, string> = {
  kind: 'in_person',
  audience: 'anyone',
  max_places: '4',
  hold_hours: '48',
  reminders: '7, 1',
  capacity_in_person: '20',
};

export function EventFormPage({
  ctx,
  host,
  action,
  heading,
  places,
  values,
  errors = {},
}: {
  ctx: PageContext;
  host: HostFrame;
  action: string;
  heading: string;
  places: { id: string; name: string; address: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <Layout
      ctx={ctx}
      title={Object.keys(errors).length ? `Error: ${heading}` : heading}
      before={<Breadcrumbs items={[host.home, { href: host.base, label: 'Events' }]} />}
    >
      <ErrorSummary errors={errors} order={EVENT_FIELD_ORDER} />
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={values.title} error={errors.title} />
        <TextArea
          name="description"
          label="What is it?"
          hint="Plain words. You can use **bold**, lists starting with -, and links."
          value={values.description}
          error={errors.description}
          rows={6}
        />
        <Radios
          name="kind"
          label="In person or online?"
          value={values.kind}
          error={errors.kind}
          options={[
            { value: 'in_person', label: 'In person' },
            { value: 'online', label: 'Online' },
            { value: 'hybrid', label: 'Both: in person and online' },
          ]}
        />
        <fieldset class="fieldset">
          <legend>Venue (for in person)</legend>
          {places.length > 0 && (
            <Select
              name="location_id"
              label="One of your places"
              value={values.location_id}
              error={errors.location_id}
              options={[
                { value: '', label: 'A new venue (type it below)' },
                ...places.map((p) => ({ value: p.id, label: [p.name, p.address].filter(Boolean).join(', ') })),
              ]}
            />
          )}
          <TextInput name="venue_name" label="Venue name" value={values.venue_name} error={errors.venue_name} />
          <TextInput name="venue_address" label="Address" value={values.venue_address} error={errors.venue_address} />
          <TextInput
            name="venue_postcode"
            label="Postcode"
            value={values.venue_postcode}
            error={errors.venue_postcode}
            width="short"
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend>When (UK time)</legend>
          <TextInput
            name="start_date"
            label="Start date"
            type="date"
            value={values.start_date}
            error={errors.start_date}
            width="medium"
          />
          <TextInput
            name="start_time"
            label="Start time"
            hint="Like 7pm or 19:00"
            value={values.start_time}
            width="short"
          />
          <TextInput
            name="end_date"
            label="End date"
            hint="Leave empty if it ends the same day."
            type="date"
            value={values.end_date}
            error={errors.end_date}
            width="medium"
          />
          <TextInput name="end_time" label="End time" hint="Like 9pm or 21:00" value={values.end_time} width="short" />
        </fieldset>
        <fieldset class="fieldset">
          <legend>Places</legend>
          <TextInput
            name="capacity_in_person"
            label="Places in person"
            type="number"
            inputMode="numeric"
            value={values.capacity_in_person}
            error={errors.capacity_in_person}
            width="short"
          />
          <TextInput
            name="capacity_online"
            label="Places online"
            type="number"
            inputMode="numeric"
            value={values.capacity_online}
            error={errors.capacity_online}
            width="short"
          />
          <TextInput
            name="max_places"
            label="Most places one booking can take"
            type="number"
            inputMode="numeric"
            value={values.max_places}
            error={errors.max_places}
            width="short"
          />
          <TextInput
            name="hold_hours"
            label="Hours to hold a freed place for the next person waiting"
            type="number"
            inputMode="numeric"
            value={values.hold_hours}
            error={errors.hold_hours}
            width="short"
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend>Booking</legend>
          <TextInput
            name="opens_date"
            label="Booking opens (optional)"
            type="date"
            value={values.opens_date}
            error={errors.opens_date}
            width="medium"
          />
          <TextInput name="opens_time" label="at (optional)" value={values.opens_time} width="short" />
          <TextInput
            name="closes_date"
            label="Booking closes (optional)"
            hint="Otherwise booking stays open until it starts."
            type="date"
            value={values.closes_date}
            error={errors.closes_date}
            width="medium"
          />
          <TextInput name="closes_time" label="at (optional)" value={values.closes_time} width="short" />
          <Radios
            name="audience"
            label="Who can come?"
            value={values.audience}
            error={errors.audience}
            options={[
              { value: 'anyone', label: 'Anyone' },
              { value: 'network', label: 'People in the network (signed in)' },
              { value: 'organisation', label: `${host.name}'s own people` },
            ]}
          />
          <div class="field">
            <div class="radio">
              <input
                type="checkbox"
                id="f-needs_approval"
                name="needs_approval"
                value="yes"
                checked={values.needs_approval === 'yes'}
              />
              <label for="f-needs_approval">We look at each booking before confirming it</label>
            </div>
          </div>
          <TextInput
            name="reminders"
            label="Reminders: days before"
            hint="Separated by commas, like 7, 1. Leave empty for none."
            value={values.reminders}
            error={errors.reminders}
            width="medium"
          />
          <TextInput
            name="join_url"
            label="Online joining link (optional)"
            hint="Only people with a confirmed place see it, in their booking and emails."
            type="url"
            value={values.join_url}
            error={errors.join_url}
            spellcheck={false}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend>Questions of your own (optional)</legend>
          <p class="hint">Up to three, asked when people book. They can leave any of them empty.</p>
          {CUSTOM_QUESTION_FIELDS.map((f, i) => (
            <TextInput name={f} label={`Question ${i + 1}`} value={values[f]} error={errors[f]} />
          ))}
        </fieldset>
        <Button>Save</Button>
      </form>
    </Layout>
  );
}

export function OrganiserEventPage({
  ctx,
  host,
  view,
  pictures,
  galleryErrors,
  galleryValues = {},
}: {
  ctx: PageContext;
  host: HostFrame;
  view: OrganiserEventView;
  pictures: GalleryItem[];
  galleryErrors?: FieldErrors | undefined;
  galleryValues?: Record<string, string> | undefined;
}) {
  const ge = galleryErrors ?? {};
  const ended = view.event.ends_at <= new Date();
  const e = view.event;
  const base = `${host.base}/${e.id}`;
  const r = view.report;
  const active = view.registrations.filter((x) => ['confirmed', 'requested', 'offered', 'waiting'].includes(x.status));
  const needs = active.filter((x) => x.accessNeeds);
  const answered = active.filter((x) => x.customAnswers.length > 0);
  return (
    <Layout
      ctx={ctx}
      title={galleryErrors ? `Error: ${e.title}` : e.title}
      before={<Breadcrumbs items={[host.home, { href: host.base, label: 'Events' }]} />}
    >
      <ErrorSummary errors={ge} order={['picture', 'kind', 'alt_text', 'caption', 'consent']} />
      <h1>{e.title}</h1>
      <p class="lede">
        {describeWhen(e.starts_at, e.ends_at)} (UK time){e.status === 'cancelled' ? ' · Cancelled' : ''}
      </p>
      <ul class="inline-list">
        <li>
          <a href={`/events/${e.id}`}>Public page</a>
        </li>
        {e.status === 'published' && (
          <>
            <li>
              <a href={`${base}/edit`}>Change details</a>
            </li>
            {!ended && (
              <li>
                <a href={`${base}/move`}>Move to a new date</a>
              </li>
            )}
          </>
        )}
        <li>
          <a href={`${base}/attendance`}>The register on the day</a>
        </li>
        <li>
          <a href={`${base}/register.csv`}>Download the list (CSV)</a>
        </li>
      </ul>
      <h2>How it stands</h2>
      <SummaryList
        items={[
          { key: 'Places booked', value: `${r.bookedPlaces} of ${e.capacity_in_person + e.capacity_online}` },
          { key: 'Offered, waiting for an answer', value: String(r.offeredPlaces) },
          { key: 'On the waiting list', value: String(r.waitingPlaces) },
          {
            key: 'Here on the day',
            value: `${r.attendedPlaces}${r.walkIns ? ` (including ${r.walkIns} walk-in${r.walkIns === 1 ? '' : 's'})` : ''}`,
          },
          {
            key: 'Feedback',
            value:
              r.feedbackCount === 0
                ? 'None yet'
                : `${r.feedbackCount} ${r.feedbackCount === 1 ? 'response' : 'responses'}`,
          },
          ...(r.ratings
            ? [{ key: 'Ratings (1 to 5)', value: r.ratings.map((n, i) => `${i + 1}: ${n}`).join(', ') }]
            : []),
        ]}
      />
      <h2>Access needs</h2>
      <p class="hint">Private: only organisers see these. Please don't copy them anywhere else.</p>
      {needs.length === 0 ? (
        <p class="empty">Nobody has told us of any.</p>
      ) : (
        <ul>
          {needs.map((x) => (
            <li>
              <strong>{x.name}</strong>: {x.accessNeeds}
            </li>
          ))}
        </ul>
      )}
      {(view.event.custom_questions.length > 0 || answered.length > 0) && (
        <>
          <h2>Answers to your questions</h2>
          {answered.length === 0 ? (
            <p class="empty">Nobody has answered yet.</p>
          ) : (
            <ul>
              {answered.map((x) => (
                <li>
                  <strong>{x.name}</strong>
                  <ul>
                    {x.customAnswers.map((c) => (
                      <li>
                        {c.question} <em>{c.answer}</em>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Table
        caption="Bookings, in the order they came"
        empty="No bookings yet."
        rows={view.registrations}
        columns={[
          { header: 'Name', cell: (x) => x.name },
          { header: 'Places', cell: (x) => `${x.places} ${x.mode === 'online' ? 'online' : 'in person'}` },
          {
            header: 'Status',
            cell: (x) =>
              STATUS_LABEL[x.status] +
              (x.status === 'offered' && x.offerExpiresAt ? ` until ${shortWhen(x.offerExpiresAt)}` : ''),
          },
          { header: 'Food', cell: (x) => x.dietaryNeeds },
          {
            header: 'Action',
            cell: (x) =>
              x.status === 'requested' ? (
                <div class="button-row">
                  <form method="post" action={`${base}/bookings/${x.id}/approve`} class="inline-form">
                    <CsrfField token={ctx.csrfToken()} />
                    <Button variant="secondary">Confirm</Button>
                  </form>
                  <form method="post" action={`${base}/bookings/${x.id}/decline`} class="inline-form">
                    <CsrfField token={ctx.csrfToken()} />
                    <Button variant="secondary">Decline</Button>
                  </form>
                </div>
              ) : (
                ''
              ),
          },
        ]}
      />
      {view.feedback.some((f) => f.struckChord || f.couldBeBetter) && (
        <>
          <h2>What people said</h2>
          <ul>
            {view.feedback.flatMap((f) => [f.struckChord, f.couldBeBetter].filter(Boolean).map((t) => <li>{t}</li>))}
          </ul>
        </>
      )}
      <h2 id="pictures">Pictures from the day</h2>
      <p>
        Sketch notes and photos show on the public event page. Add a photo only when everyone who can be recognised in
        it has agreed.
      </p>
      {pictures.length > 0 && (
        <ul class="gallery">
          {pictures.map((p) => (
            <li class="gallery-item">
              <figure>
                <img src={p.src} alt={p.altText} loading="lazy" />
                <figcaption>{p.caption || (p.kind === 'sketch_notes' ? 'Sketch notes' : 'Photo')}</figcaption>
              </figure>
              <form method="post" action={`${base}/pictures/${p.id}/delete`}>
                <CsrfField token={ctx.csrfToken()} />
                <Button variant="secondary">
                  Remove<span class="visually-hidden"> {p.caption || p.altText}</span>
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3>Add a picture</h3>
      <form
        method="post"
        action={`${base}/pictures?_csrf=${encodeURIComponent(ctx.csrfToken())}`}
        enctype="multipart/form-data"
        novalidate
      >
        <div class={ge.picture ? 'field field-error' : 'field'}>
          <label class="label" for="f-picture">
            Picture
          </label>
          <p class="hint" id="f-picture-hint">
            A JPEG, PNG or WebP image, 5 MB at most.
          </p>
          {ge.picture && (
            <p class="error-message" id="f-picture-error">
              <span class="visually-hidden">Error:</span> {ge.picture}
            </p>
          )}
          <input
            class="input"
            type="file"
            id="f-picture"
            name="picture"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={ge.picture ? 'f-picture-hint f-picture-error' : 'f-picture-hint'}
          />
        </div>
        <Radios
          name="kind"
          label="What is it?"
          value={galleryValues.kind ?? 'photo'}
          error={ge.kind}
          inline
          options={[
            { value: 'photo', label: 'A photo' },
            { value: 'sketch_notes', label: 'Sketch notes' },
          ]}
        />
        <TextInput
          name="alt_text"
          label="Describe the picture for people who can't see it"
          hint="For example: Twelve people on a hill, waving, with the sea behind."
          value={galleryValues.alt_text}
          error={ge.alt_text}
        />
        <TextInput name="caption" label="Caption (optional)" value={galleryValues.caption} error={ge.caption} />
        <div class={`field${ge.consent ? ' field-error' : ''}`}>
          {ge.consent && (
            <p class="error-message" id="f-consent-error">
              <span class="visually-hidden">Error:</span> {ge.consent}
            </p>
          )}
          <div class="radio">
            <input
              type="checkbox"
              id="f-consent"
              name="consent"
              value="yes"
              aria-describedby={ge.consent ? 'f-consent-error' : undefined}
            />
            <label for="f-consent">Everyone who can be recognised in it has agreed to it being shared here</label>
          </div>
        </div>
        <Button variant="secondary">Add the picture</Button>
      </form>
      {e.status === 'published' && !ended && (
        <>
          <h2>Cancel the event</h2>
          <p>Everyone booked and everyone waiting gets an email, and calendars show it as cancelled.</p>
          <form method="post" action={`${base}/cancel`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <TextArea name="reason" label="What should we tell people? (optional)" rows={3} />
            <Button variant="warning">Cancel the event</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

type AttendanceView = {
  event: EventRow;
  q: string;
  rows: {
    id: string;
    name: string;
    places: number;
    mode: string;
    accessNeeds: string;
    attended: boolean;
    walkIn: boolean;
  }[];
  here: number;
  expected: number;
};

export function AttendancePage({
  ctx,
  host,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  host: HostFrame;
  view: AttendanceView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const base = `${host.base}/${view.event.id}/attendance`;
  return (
    <Layout
      ctx={ctx}
      title={Object.keys(errors).length ? 'Error: The register' : 'The register'}
      before={
        <Breadcrumbs
          items={[
            { href: host.base, label: 'Events' },
            { href: `${host.base}/${view.event.id}`, label: view.event.title },
          ]}
        />
      }
    >
      <ErrorSummary errors={errors} />
      <h1>The register</h1>
      <p class="lede">
        {view.here} here of {view.expected} booked
      </p>
      <form method="get" action={base} class="filter-form">
        <TextInput name="q" label="Find by name" type="search" value={view.q} width="medium" />
        <Button variant="secondary">Find</Button>
      </form>
      {view.q && (
        <p>
          <a href={base}>Show everyone</a>
        </p>
      )}
      {view.rows.length === 0 ? (
        <p class="empty">{view.q ? 'Nobody by that name. Add them as a walk-in below.' : 'Nobody is booked yet.'}</p>
      ) : (
        <ul class="register-list">
          {view.rows.map((r) => (
            <li class="register-item">
              <form method="post" action={`${base}/${r.id}`} class="register-form">
                <CsrfField token={ctx.csrfToken()} />
                <input type="hidden" name="attended" value={r.attended ? 'no' : 'yes'} />
                <input type="hidden" name="q" value={view.q} />
                <span class="register-name">
                  <strong>{r.name}</strong>
                  {r.places > 1 ? ` +${r.places - 1}` : ''}
                  {r.mode === 'online' ? ' (online)' : ''}
                  {r.walkIn ? ' (walk-in)' : ''}
                  {r.accessNeeds && <span class="register-needs"> Access: {r.accessNeeds}</span>}
                </span>
                <Button variant={r.attended ? 'secondary' : 'primary'}>
                  {r.attended ? 'Here ✓ (undo)' : 'Mark here'}
                  <span class="visually-hidden"> {r.name}</span>
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Add a walk-in</h2>
      <form method="post" action={`${base}/walk-in`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="name" label="Their name" value={values.name} error={errors.name} width="medium" />
        <TextInput
          name="places"
          label="Places"
          type="number"
          inputMode="numeric"
          value={values.places ?? '1'}
          error={errors.places}
          width="short"
        />
        <Button variant="secondary">Add and mark here</Button>
      </form>
    </Layout>
  );
}

export function moveFormValues(e: EventRow): Record<string, string> {
  const s = toUkWallClock(e.starts_at);
  const end = toUkWallClock(e.ends_at);
  return { start_date: s.date, start_time: s.time, end_date: end.date, end_time: end.time, message: '' };
}

export function MoveEventPage({
  ctx,
  host,
  event,
  values,
  errors = {},
}: {
  ctx: PageContext;
  host: HostFrame;
  event: EventRow;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const base = `${host.base}/${event.id}`;
  return (
    <Layout
      ctx={ctx}
      title={Object.keys(errors).length ? 'Error: Move to a new date' : 'Move to a new date'}
      before={
        <Breadcrumbs items={[host.home, { href: host.base, label: 'Events' }, { href: base, label: event.title }]} />
      }
    >
      <ErrorSummary errors={errors} order={MOVE_FIELD_ORDER} />
      <h1>Move to a new date</h1>
      <p class="lede">
        {event.title}: now {describeWhen(event.starts_at, event.ends_at)} (UK time).
      </p>
      <p>
        Everyone booked keeps their place, and everyone waiting stays in line. We email them all the new date with an
        updated calendar entry, and a link to say if it no longer suits them.
      </p>
      <form method="post" action={`${base}/move`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <fieldset class="fieldset">
          <legend>The new date (UK time)</legend>
          <TextInput
            name="start_date"
            label="Start date"
            type="date"
            value={values.start_date}
            error={errors.start_date}
            width="medium"
          />
          <TextInput
            name="start_time"
            label="Start time"
            hint="Like 7pm or 19:00"
            value={values.start_time}
            width="short"
          />
          <TextInput
            name="end_date"
            label="End date"
            hint="Leave empty if it ends the same day."
            type="date"
            value={values.end_date}
            error={errors.end_date}
            width="medium"
          />
          <TextInput name="end_time" label="End time" hint="Like 9pm or 21:00" value={values.end_time} width="short" />
        </fieldset>
        <TextArea
          name="message"
          label="What should we tell people? (optional)"
          hint="For example why it has moved."
          value={values.message}
          error={errors.message}
          rows={3}
        />
        <Button>Move the event and tell everyone</Button>
      </form>
    </Layout>
  );
}
