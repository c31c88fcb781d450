// Input contracts: the search query (page and API), the profile and service forms, and the
// joining forms. Messages are written to be shown to people as they are.
import { z } from 'zod';
import { emailField, optionalEmailText, type FieldErrors } from '../../platform/http/form-fields.ts';
import { formValues, type FormResult } from '../../platform/http/forms.ts';
import { parseTimeOfDay } from '../../platform/time.ts';
import { scheduleSchema, WEEKDAYS, ORDINALS, type Ordinal, type Schedule, type Weekday } from './domain/schedule.ts';
import { SERVICE_TYPE_CODES, type ServiceTypeCode } from './domain/service-types.ts';

/** Empty query or form values count as not given. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const DAY_WORDS: Record<string, Weekday> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

export const SEARCH_MODES = ['in_person', 'online'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];
export const DEFAULT_RADIUS_KM = 25;
export const MAX_RADIUS_KM = 200;

export const SearchQuery = z.object({
  near: optional(
    z.string().trim().max(80, 'That is too long for a postcode or a place name. Try a postcode like LS6 3HN.'),
  ),
  radius_km: optional(
    z.coerce
      .number({ error: `radius_km must be a number of kilometres from 1 to ${MAX_RADIUS_KM}.` })
      .min(1, `radius_km must be a number of kilometres from 1 to ${MAX_RADIUS_KM}.`)
      .max(MAX_RADIUS_KM, `radius_km must be a number of kilometres from 1 to ${MAX_RADIUS_KM}.`),
  ).transform((v) => v ?? DEFAULT_RADIUS_KM),
  type: optional(z.enum(SERVICE_TYPE_CODES, { error: `type must be one of: ${SERVICE_TYPE_CODES.join(', ')}.` })),
  day: optional(
    z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .transform((s) => DAY_WORDS[s] ?? (WEEKDAYS as readonly string[]).find((d) => d.toLowerCase() === s))
      .refine((d): d is Weekday => d !== undefined, 'day must be a day of the week, like monday or MO.'),
  ) as z.ZodType<Weekday | undefined>,
  mode: optional(z.enum(SEARCH_MODES, { error: 'mode must be in_person or online.' })),
  q: optional(z.string().trim().max(100, 'Search words are limited to 100 characters.')),
  page: optional(
    z.coerce.number().int().min(1, 'page must be 1 or more.').max(500, 'page must be 500 or less.'),
  ).transform((v) => v ?? 1),
  per_page: optional(
    z.coerce.number().int().min(1, 'per_page must be from 1 to 100.').max(100, 'per_page must be from 1 to 100.'),
  ),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** Parses a query string; field errors keyed by parameter name. */
export function parseSearchQuery(
  raw: unknown,
): { ok: true; query: SearchQuery } | { ok: false; fields: Record<string, string> } {
  const result = SearchQuery.safeParse(raw ?? {});
  if (result.success) return { ok: true, query: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? 'query')] ??= issue.message;
  return { ok: false, fields };
}

// ---- shared field types ----

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const required = (max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

/** A web address; "example.org" is taken as https://example.org. */
export const webAddress = (what: string) =>
  optional(
    z
      .string()
      .trim()
      .max(300, `The ${what} is too long`)
      .transform((s) => (/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`))
      .refine((s) => {
        try {
          const u = new URL(s);
          return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
        } catch {
          return false;
        }
      }, `Enter the ${what} in the right format, like https://example.org`),
  );

export const optionalEmail = optional(optionalEmailText);

export const requiredEmail = emailField;

const phone = optional(
  z
    .string()
    .trim()
    .max(40, 'That phone number is too long')
    .regex(/^[0-9+() -]{6,}$/, 'Enter a phone number using digits, spaces and +, like 0113 496 0000'),
);

/** Checkbox groups arrive as one field per choice: `<prefix><value>=on`. */
export function checkedValues(values: Record<string, string>, prefix: string): string[] {
  return Object.keys(values)
    .filter((k) => k.startsWith(prefix) && values[k] !== '')
    .map((k) => k.slice(prefix.length));
}

function issuesToErrors(issues: readonly z.core.$ZodIssue[], rename: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[rename[key] ?? key] ??= issue.message;
  }
  return errors;
}

// ---- profile ----

export const SIZE_BANDS = ['volunteers', 'small_staff', 'larger'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const SIZE_BAND_LABEL: Record<(typeof SIZE_BANDS)[number], string> = {
  volunteers: 'Volunteers only',
  small_staff: 'Up to 5 paid staff',
  larger: 'More than 5 paid staff',
};

export const ProfileForm = z.object({
  name: required(200, 'Enter your organisation’s name', 'The name must be 200 characters or fewer'),
  summary: required(
    2000,
    'Say what your organisation is, in your own words',
    'Keep the description to 2,000 characters or fewer',
  ),
  founded_year: optional(
    z.coerce
      .number({ error: 'Enter the year you started as four digits, like 2016' })
      .int('Enter the year you started as four digits, like 2016')
      .min(1800, 'Enter the year you started as four digits, like 2016')
      .max(new Date().getFullYear(), 'The year you started cannot be in the future'),
  ),
  size_band: z.enum(SIZE_BANDS, { error: 'Choose the size of your organisation' }),
  charity_number: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{4,20}$/i, 'Enter a charity number using letters and digits, like 1234567 or SC012345'),
  ),
  company_number: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{8}$/i, 'Enter a company number of 8 characters, like 01234567'),
  ),
  website: webAddress('website address'),
  email: optionalEmail,
  phone,
  social_links: optional(text(2000, 'Keep social media links to 2,000 characters or fewer')),
  lived_experience: required(
    4000,
    'Say how lived experience leads your organisation',
    'Keep this to 4,000 characters or fewer',
  ),
});
export type ProfileInput = z.infer<typeof ProfileForm> & { areas: string[] };

export function parseProfileForm(body: unknown, knownAreas: ReadonlySet<string>): FormResult<ProfileInput> {
  const values = formValues(body);
  const result = ProfileForm.safeParse(values);
  const errors: FieldErrors = result.success ? {} : issuesToErrors(result.error.issues);
  const areas = checkedValues(values, 'area_').filter((c) => knownAreas.has(c));
  if (!errors.social_links && values.social_links) {
    const bad = values.social_links
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(l));
    if (bad.length) errors.social_links = 'Put each social media link on its own line, starting https://';
  }
  if (!result.success || Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, data: { ...result.data, areas } };
}

// ---- services ----

export const SERVICE_MODES = ['in_person', 'online', 'both'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];
export const SERVICE_STATUSES = ['active', 'temporarily closed', 'inactive'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

const ServiceFields = z.object({
  name: required(200, 'Enter the name of the service', 'The name must be 200 characters or fewer'),
  description: required(
    4000,
    'Say what happens, in a sentence or two',
    'Keep the description to 4,000 characters or fewer',
  ),
  who_for: optional(text(1000, 'Keep “who it is for” to 1,000 characters or fewer')),
  how_to_join: optional(text(1000, 'Keep “how to take part” to 1,000 characters or fewer')),
  mode: z.enum(SERVICE_MODES, { error: 'Choose whether it is in person, online or both' }),
  status: z.enum(SERVICE_STATUSES, { error: 'Choose whether the service is running' }),
  free: z.enum(['yes', 'no'], { error: 'Choose whether it is free' }),
  cost_note: optional(text(300, 'Keep the note about cost to 300 characters or fewer')),
  url: webAddress('web page address'),
  email: optionalEmail,
  venue_name: optional(text(200, 'The venue name must be 200 characters or fewer')),
  address_1: optional(text(200, 'The address must be 200 characters or fewer')),
  town: optional(text(100, 'The town must be 100 characters or fewer')),
  postcode: optional(text(10, 'Enter a postcode, like LS6 3HN')),
  hide_address: optional(z.literal('yes')),
  accessibility: optional(text(1000, 'Keep the access information to 1,000 characters or fewer')),
  freq: z.enum(['WEEKLY', 'MONTHLY'], { error: 'Choose weekly or monthly' }),
  interval: optional(z.coerce.number({ error: 'Choose how often' }).int().min(1).max(12)),
  nth: optional(z.coerce.number().pipe(z.literal(ORDINALS, { error: 'Choose which week of the month' }))),
  opens_at: z.string({ error: 'Enter the start time, like 19:00' }).trim(),
  closes_at: z.string({ error: 'Enter the finish time, like 20:30' }).trim(),
  attending_type: optional(text(100, 'Keep “how people attend” to 100 characters or fewer')),
  link: webAddress('joining link'),
});

export interface ServiceInput {
  name: string;
  description: string;
  whoFor: string;
  howToJoin: string;
  mode: ServiceMode;
  status: (typeof SERVICE_STATUSES)[number];
  free: boolean;
  costNote: string;
  url: string;
  email: string;
  types: ServiceTypeCode[];
  /** Required unless online only. The postcode is checked against the outcode data by the service. */
  venue:
    | { name: string; address1: string; town: string; postcode: string; hideAddress: boolean; accessibility: string }
    | undefined;
  schedule: Schedule;
  attendingType: string;
  link: string;
}

export const SERVICE_FIELD_ORDER = [
  'name',
  'description',
  'types',
  'mode',
  'status',
  'free',
  'cost_note',
  'url',
  'email',
  'venue_name',
  'address_1',
  'town',
  'postcode',
  'freq',
  'days',
  'nth',
  'opens_at',
  'closes_at',
  'link',
];

export function parseServiceForm(body: unknown): FormResult<ServiceInput> {
  const values = formValues(body);
  const result = ServiceFields.safeParse(values);
  const errors: FieldErrors = result.success ? {} : issuesToErrors(result.error.issues);
  const types = checkedValues(values, 'type_').filter((c): c is ServiceTypeCode =>
    (SERVICE_TYPE_CODES as readonly string[]).includes(c),
  );
  if (types.length === 0) errors.types = 'Choose at least one type of support';
  const days = checkedValues(values, 'day_').filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  if (days.length === 0) errors.days = 'Please choose at least one day.';
  if (!result.success) return { ok: false, errors, values };
  const f = result.data;
  if (f.mode !== 'online') {
    if (!f.address_1) errors.address_1 = 'Enter the first line of the venue’s address';
    if (!f.town) errors.town = 'Enter the town or city';
    if (!f.postcode) errors.postcode = 'Enter the venue’s postcode, like LS6 3HN';
  }
  if (f.freq === 'MONTHLY' && f.nth === undefined) errors.nth = 'Choose which week of the month';
  const schedule = scheduleSchema.safeParse({
    freq: f.freq,
    interval: f.interval ?? 1,
    byday: days.map((day) => (f.freq === 'MONTHLY' ? { day, nth: f.nth as Ordinal } : { day })),
    // "6.30pm" and "18:30" alike; what is not a time reaches the schedule's own message
    opensAt: parseTimeOfDay(f.opens_at) ?? f.opens_at,
    closesAt: parseTimeOfDay(f.closes_at) ?? f.closes_at,
  });
  if (!schedule.success) {
    for (const [k, v] of Object.entries(
      issuesToErrors(schedule.error.issues, {
        byday: 'days',
        opensAt: 'opens_at',
        closesAt: 'closes_at',
        interval: 'interval',
        dtstart: 'days',
      }),
    )) {
      errors[k] ??= v;
    }
  }
  if (Object.keys(errors).length || !schedule.success) return { ok: false, errors, values };
  return {
    ok: true,
    data: {
      name: f.name,
      description: f.description,
      whoFor: f.who_for ?? '',
      howToJoin: f.how_to_join ?? '',
      mode: f.mode,
      status: f.status,
      free: f.free === 'yes',
      costNote: f.cost_note ?? '',
      url: f.url ?? '',
      email: f.email ?? '',
      types,
      venue:
        f.mode === 'online'
          ? undefined
          : {
              name: f.venue_name ?? '',
              address1: f.address_1!,
              town: f.town!,
              postcode: f.postcode!,
              hideAddress: f.hide_address === 'yes',
              accessibility: f.accessibility ?? '',
            },
      schedule: schedule.data as Schedule,
      attendingType: f.attending_type ?? '',
      link: f.link ?? '',
    },
  };
}

// ---- joining ----

export const APPLICATION_KINDS = ['organisation', 'individual'] as const;

const ApplicationFields = z.object({
  kind: z.enum(APPLICATION_KINDS, { error: 'Choose whether you are applying for an organisation or as an individual' }),
  org_name: optional(text(200, 'The organisation’s name must be 200 characters or fewer')),
  contact_name: required(120, 'Enter your name', 'Your name must be 120 characters or fewer'),
  email: requiredEmail,
  phone,
  postcode: required(10, 'Enter a postcode, or just the first part, like LS6', 'Enter a postcode, like LS6 3HN'),
  town: optional(text(100, 'The town must be 100 characters or fewer')),
  what_you_do: required(4000, 'Tell us what you do', 'Keep “what you do” to 4,000 characters or fewer'),
  lived_experience: optional(text(4000, 'Keep this to 4,000 characters or fewer')),
  website: webAddress('website address'),
  consent: z.literal('yes', { error: 'Confirm that we may keep these details to consider your application' }),
});
export type ApplicationInput = z.infer<typeof ApplicationFields>;
export const APPLICATION_FIELD_ORDER = [
  'kind',
  'org_name',
  'contact_name',
  'email',
  'phone',
  'postcode',
  'town',
  'what_you_do',
  'lived_experience',
  'website',
  'consent',
];

export function parseApplicationForm(body: unknown): FormResult<ApplicationInput> {
  const values = formValues(body);
  const result = ApplicationFields.safeParse(values);
  const errors: FieldErrors = result.success ? {} : issuesToErrors(result.error.issues);
  if (values.kind === 'organisation') {
    if (!values.org_name) errors.org_name = 'Enter the name of your organisation';
    if (!values.lived_experience) errors.lived_experience = 'Say how lived experience leads your organisation';
  }
  if (!result.success || Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, data: result.data };
}

export const QuestionForm = z.object({
  message: required(4000, 'Write your question', 'Keep the question to 4,000 characters or fewer'),
});
export const DeclineForm = z.object({
  reason: required(4000, 'Give a reason, so the applicant knows why', 'Keep the reason to 4,000 characters or fewer'),
});

export const applicationParam = z.object({ application: z.uuid() });
export const serviceParam = z.object({ service: z.uuid() });
