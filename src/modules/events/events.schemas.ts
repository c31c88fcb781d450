// The forms: an event (organisers), a booking, answers, feedback, the register. Messages are
// written to be shown to people as they are.
import { z } from 'zod';
import { formValues, type FormResult } from '../../platform/http/forms.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { MAX_CUSTOM_QUESTIONS, questionsFrom } from './domain/custom-questions.ts';
import { fromUkWallClock } from './domain/uk-time.ts';
import type { EventFields } from './events.repository.ts';
import type { RegisterInput } from './registration.service.ts';
import type { FeedbackFields } from './registrations.repository.ts';

/** One line: control characters (line breaks among them) become single spaces before checking. */
const oneLine = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f]+/g, ' ') : v);
const line = (max: number, what: string) =>
  z.preprocess(oneLine, z.string().trim().max(max, `${what} must be ${max} characters or fewer.`).default(''));
const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} must be ${max} characters or fewer.`).default('');
const count = (what: string, max: number) =>
  z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? '0' : v),
    z.coerce
      .number({ error: `${what} must be a whole number.` })
      .int(`${what} must be a whole number.`)
      .min(0, `${what} cannot be negative.`)
      .max(max, `${what} must be ${max} or fewer.`),
  );

export const EVENT_FIELD_ORDER = [
  'title',
  'description',
  'kind',
  'location_id',
  'venue_name',
  'venue_address',
  'venue_postcode',
  'start_date',
  'start_time',
  'end_date',
  'end_time',
  'capacity_in_person',
  'capacity_online',
  'opens_date',
  'closes_date',
  'audience',
  'max_places',
  'hold_hours',
  'reminders',
  'join_url',
  'custom_question_1',
  'custom_question_2',
  'custom_question_3',
];

/** The numbered boxes for an organiser's own questions, and for the answers to them. */
const numbered = (prefix: string) => Array.from({ length: MAX_CUSTOM_QUESTIONS }, (_, i) => `${prefix}_${i + 1}`);
export const CUSTOM_QUESTION_FIELDS = numbered('custom_question');
export const CUSTOM_ANSWER_FIELDS = numbered('custom_answer');
const boxes = (fields: readonly string[], schema: () => z.ZodType<string>) =>
  Object.fromEntries(fields.map((f) => [f, schema()]));

const EventForm = z.object({
  title: z.preprocess(
    oneLine,
    z.string().trim().min(1, 'Enter a title for the event.').max(200, 'The title must be 200 characters or fewer.'),
  ),
  description: text(20000, 'The description'),
  kind: z.enum(['in_person', 'online', 'hybrid'], { error: 'Choose whether the event is in person, online or both.' }),
  location_id: z.string().trim().default(''),
  venue_name: line(200, 'The venue name'),
  venue_address: line(400, 'The address'),
  venue_postcode: line(10, 'The postcode'),
  start_date: z.string().trim().default(''),
  start_time: z.string().trim().default(''),
  end_date: z.string().trim().default(''),
  end_time: z.string().trim().default(''),
  capacity_in_person: count('Places in person', 100000),
  capacity_online: count('Places online', 100000),
  opens_date: z.string().trim().default(''),
  opens_time: z.string().trim().default(''),
  closes_date: z.string().trim().default(''),
  closes_time: z.string().trim().default(''),
  audience: z.enum(['anyone', 'network', 'organisation'], { error: 'Choose who can come.' }),
  needs_approval: z.string().default(''),
  max_places: z.coerce
    .number({ error: 'Enter how many places one booking can take, from 1 to 20.' })
    .int()
    .min(1, 'At least 1.')
    .max(20, 'At most 20.'),
  hold_hours: z.coerce
    .number({ error: 'Enter the hours to hold an offered place, from 1 to 720.' })
    .int()
    .min(1, 'At least 1 hour.')
    .max(720, 'At most 720 hours (30 days).'),
  reminders: z.string().trim().default(''),
  join_url: z
    .string()
    .trim()
    .max(500, 'The link must be 500 characters or fewer.')
    .refine((v) => v === '' || /^https:\/\/[^\s]+$/i.test(v), 'The joining link must start with https://')
    .default(''),
  ...boxes(CUSTOM_QUESTION_FIELDS, () => line(300, 'A question')),
});

/** "7 days, 1 day" as hours; also accepts plain numbers of days separated by commas. */
function parseReminders(raw: string): number[] | undefined {
  if (!raw.trim()) return [];
  const parts = raw.split(',').map((p) => p.trim().toLowerCase());
  const hours: number[] = [];
  for (const p of parts) {
    const m = /^(\d{1,3})\s*(d|day|days|h|hour|hours)?$/.exec(p);
    if (!m) return undefined;
    const n = Number(m[1]);
    hours.push(m[2]?.startsWith('h') ? n : n * 24);
  }
  return [...new Set(hours)].filter((h) => h > 0 && h <= 24 * 60).sort((a, b) => b - a);
}

export function parseEventForm(
  body: unknown,
  places: { id: string; name: string; address: string; postcode: string }[],
): FormResult<EventFields> {
  const values = formValues(body);
  const parsed = EventForm.safeParse(values);
  const errors: FieldErrors = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'form')] ??= i.message;
  const d = parsed.success ? parsed.data : undefined;
  const when = (date: string | undefined, time: string | undefined, key: string, label: string, required: boolean) => {
    if (!date && !time && !required) return null;
    const r = fromUkWallClock(date ?? '', time || '00:00');
    if (!r.ok) {
      errors[key] ??=
        r.reason === 'does-not-exist'
          ? `${label}: that time is skipped when the clocks go forward. Choose another.`
          : `Enter ${label.toLowerCase()} as a date and a time, like 2026-10-25 and 7pm.`;
      return null;
    }
    return r.at;
  };
  const starts = when(values.start_date, values.start_time, 'start_date', 'The start', true);
  const ends = when(values.end_date || values.start_date, values.end_time, 'end_date', 'The end', true);
  const opens = when(values.opens_date, values.opens_time, 'opens_date', 'Booking opens', false);
  const closes = when(
    values.closes_date,
    values.closes_time || (values.closes_date ? '23:59' : ''),
    'closes_date',
    'Booking closes',
    false,
  );
  if (starts && ends && ends <= starts) errors.end_date ??= 'The end must be after the start.';
  if (opens && closes && closes <= opens) errors.closes_date ??= 'Booking must close after it opens.';
  const reminders = parseReminders(values.reminders ?? '');
  if (!reminders) errors.reminders ??= 'Write reminders as days before, separated by commas, like 7, 1.';
  let venue = {
    location_id: null as string | null,
    venue_name: d?.venue_name ?? '',
    venue_address: d?.venue_address ?? '',
    venue_postcode: d?.venue_postcode ?? '',
  };
  if (d?.location_id) {
    const place = places.find((p) => p.id === d.location_id);
    if (!place) errors.location_id ??= 'Choose one of your places, or type a new venue.';
    else
      venue = {
        location_id: place.id,
        venue_name: place.name,
        venue_address: place.address,
        venue_postcode: place.postcode,
      };
  }
  if (d) {
    if (d.kind !== 'online' && !venue.venue_name && !venue.venue_address)
      errors.venue_name ??= 'Choose a place or enter the venue.';
    if (d.kind !== 'online' && d.capacity_in_person < 1)
      errors.capacity_in_person ??= 'Enter how many people can come in person.';
    if (d.kind !== 'in_person' && d.capacity_online < 1)
      errors.capacity_online ??= 'Enter how many people can join online.';
  }
  if (Object.keys(errors).length || !d || !starts || !ends) return { ok: false, errors, values };
  return {
    ok: true,
    data: {
      title: d.title,
      description_md: d.description,
      kind: d.kind,
      ...venue,
      ...(d.kind === 'online' ? { location_id: null, venue_name: '', venue_address: '', venue_postcode: '' } : {}),
      starts_at: starts,
      ends_at: ends,
      capacity_in_person: d.kind === 'online' ? 0 : d.capacity_in_person,
      capacity_online: d.kind === 'in_person' ? 0 : d.capacity_online,
      registration_opens_at: opens,
      registration_closes_at: closes,
      audience: d.audience,
      needs_approval: d.needs_approval === 'yes',
      max_places_per_registration: d.max_places,
      offer_hold_hours: d.hold_hours,
      reminder_hours: reminders!,
      join_url: d.kind === 'in_person' ? '' : d.join_url,
      custom_questions: questionsFrom(
        CUSTOM_QUESTION_FIELDS.map((f) => String((d as Record<string, unknown>)[f] ?? '')),
      ),
    },
  };
}

export const REGISTER_FIELD_ORDER = [
  'name',
  'email',
  'mode',
  'places',
  'access_needs',
  'dietary_needs',
  'heard_from',
  ...CUSTOM_ANSWER_FIELDS,
];

const RegisterForm = z.object({
  name: z.preprocess(
    oneLine,
    z.string().trim().min(1, 'Enter your name.').max(200, 'Your name must be 200 characters or fewer.'),
  ),
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address, so we can send your booking.')
    .max(320, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@example.com.')),
  places: z.coerce
    .number({ error: 'Enter how many places, like 1.' })
    .int('Enter a whole number of places.')
    .min(1, 'Book at least 1 place.')
    .max(20, 'At most 20 places at once.'),
  mode: z.enum(['in_person', 'online'], { error: 'Choose how you will take part.' }),
  access_needs: text(2000, 'Access needs'),
  dietary_needs: line(1000, 'Dietary needs'),
  heard_from: line(300, 'How you heard'),
  ...boxes(CUSTOM_ANSWER_FIELDS, () => text(2000, 'Your answer')),
  wait_if_full: z.string().default(''),
});

/** The answers in the numbered boxes, in order (one per question of the event's). */
export const answersIn = (data: Record<string, unknown>): string[] =>
  CUSTOM_ANSWER_FIELDS.map((f) => String(data[f] ?? ''));

/** The mode comes from the form (a hidden field when the event has only one); the service checks it against the event. */
export function parseRegisterForm(body: unknown): FormResult<RegisterInput> {
  const values = formValues(body);
  const result = RegisterForm.safeParse({ places: '1', ...values });
  if (!result.success) {
    const errors: FieldErrors = {};
    for (const i of result.error.issues) errors[String(i.path[0] ?? 'form')] ??= i.message;
    return { ok: false, errors, values };
  }
  const d = result.data;
  return {
    ok: true,
    data: {
      name: d.name,
      email: d.email,
      places: d.places,
      mode: d.mode,
      access_needs: d.access_needs,
      dietary_needs: d.dietary_needs,
      heard_from: d.heard_from,
      custom_answers: answersIn(d),
      wait_if_full: d.wait_if_full === 'yes',
    },
  };
}

export const AnswersForm = z.object({
  access_needs: text(2000, 'Access needs'),
  dietary_needs: text(1000, 'Dietary needs'),
  ...boxes(CUSTOM_ANSWER_FIELDS, () => text(2000, 'Your answer')),
});

const FeedbackForm = z.object({
  rating: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number().int().min(1).max(5).nullable(),
  ),
  struck_chord: text(3000, 'What struck a chord'),
  could_be_better: text(3000, 'What could be better'),
  quote_consent: z.enum(['none', 'anonymous', 'first_name'], { error: 'Choose whether we may quote you.' }),
  first_name: line(60, 'Your first name'),
});

export function parseFeedbackForm(body: unknown): FormResult<FeedbackFields> {
  const values = formValues(body);
  const r = FeedbackForm.safeParse(values);
  const errors: FieldErrors = {};
  if (!r.success)
    for (const i of r.error.issues)
      errors[String(i.path[0] ?? 'form')] ??= i.path[0] === 'rating' ? 'Choose from 1 to 5, or leave it.' : i.message;
  if (r.success && r.data.quote_consent === 'first_name' && !r.data.first_name)
    errors.first_name = 'Enter the first name we may use, or choose another option.';
  if (!r.success || Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, data: { ...r.data, first_name: r.data.quote_consent === 'first_name' ? r.data.first_name : '' } };
}

export const CancelEventForm = z.object({ reason: text(1000, 'The reason') });
export const WalkInForm = z.object({
  name: z.preprocess(
    oneLine,
    z.string().trim().min(1, 'Enter their name.').max(200, 'The name must be 200 characters or fewer.'),
  ),
  places: z.coerce
    .number({ error: 'Enter a number of places.' })
    .int()
    .min(1, 'At least 1.')
    .max(20, 'At most 20.')
    .default(1),
});

export const eventParam = z.object({ event: z.string().regex(/^[0-9a-f-]{36}$/) });
export const pictureParam = z.object({
  event: z.string().regex(/^[0-9a-f-]{36}$/),
  image: z.string().regex(/^[0-9a-f-]{36}$/),
});
export const registrationParam = z.object({
  event: z.string().regex(/^[0-9a-f-]{36}$/),
  registration: z.string().regex(/^[0-9a-f-]{36}$/),
});

export const MOVE_FIELD_ORDER = ['start_date', 'end_date', 'message'];

/** A new date for the event: start and end in UK time, and a word for the people booked. */
export function parseMoveForm(body: unknown): FormResult<{ starts_at: Date; ends_at: Date; message: string }> {
  const values = formValues(body);
  const errors: FieldErrors = {};
  const start = fromUkWallClock(values.start_date ?? '', values.start_time || '00:00');
  const end = fromUkWallClock(values.end_date || values.start_date || '', values.end_time || '');
  if (!start.ok)
    errors.start_date =
      start.reason === 'does-not-exist'
        ? 'That time is skipped when the clocks go forward. Choose another.'
        : 'Enter the new start as a date and a time, like 2026-10-25 and 7pm.';
  if (!end.ok)
    errors.end_date =
      end.reason === 'does-not-exist'
        ? 'That time is skipped when the clocks go forward. Choose another.'
        : 'Enter the new end time, like 9pm or 21:00.';
  if (start.ok && end.ok && end.at <= start.at) errors.end_date = 'The end must be after the start.';
  const message = oneLine(values.message ?? '') as string;
  if (message.trim().length > 1000) errors.message = 'The message must be 1000 characters or fewer.';
  if (Object.keys(errors).length || !start.ok || !end.ok) return { ok: false, errors, values };
  return { ok: true, data: { starts_at: start.at, ends_at: end.at, message: message.trim() } };
}
