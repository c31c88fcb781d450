// Form and query schemas for the evidence pages. Empty strings count as missing (parseForm).
import { z } from 'zod';
import { emailField } from '../../platform/http/form-fields.ts';
import { DEFAULT_EARLIEST_DATE, parseDate, todayIso } from './imports/engine/parse-date.ts';
import { AGE_BANDS } from './imports/engine/target-schemas.ts';

export const participantParam = z.object({ participant: z.uuid() });
export const assessmentParam = z.object({ assessment: z.uuid() });
export const idParam = z.object({ id: z.uuid() });

export const ListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
});

/** A date typed as dd/mm/yyyy or chosen in a date picker (yyyy-mm-dd); not in the future. */
export function dateField(what: string) {
  return z.string({ error: `Enter the ${what}` }).transform((text, ctx) => {
    const r = parseDate(text, { today: todayIso(), earliest: DEFAULT_EARLIEST_DATE });
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: `The ${what}: ${r.problem} ${r.howToFix}` });
    return z.NEVER;
  });
}

/** An empty field is a missing one (browsers send '' for an untouched input or "Not given"). */
function blankAsMissing<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema);
}

const optionalText = (max: number, what: string) =>
  z.string().max(max, `The ${what} must be ${max} characters or fewer`).optional().default('');

// ONS 2021 Census categories (England), plus "prefer not to say".
export const GENDERS = ['Woman', 'Man', 'Non-binary', 'In another way', 'Prefer not to say'] as const;
export const ETHNICITIES = [
  'Asian or Asian British: Bangladeshi',
  'Asian or Asian British: Chinese',
  'Asian or Asian British: Indian',
  'Asian or Asian British: Pakistani',
  'Asian or Asian British: any other Asian background',
  'Black, Black British, Caribbean or African: African',
  'Black, Black British, Caribbean or African: Caribbean',
  'Black, Black British, Caribbean or African: any other Black background',
  'Mixed or multiple: White and Asian',
  'Mixed or multiple: White and Black African',
  'Mixed or multiple: White and Black Caribbean',
  'Mixed or multiple: any other Mixed background',
  'White: English, Welsh, Scottish, Northern Irish or British',
  'White: Irish',
  'White: Gypsy or Irish Traveller',
  'White: Roma',
  'White: any other White background',
  'Other ethnic group: Arab',
  'Other ethnic group: any other ethnic group',
  'Prefer not to say',
] as const;
export const SUBSTANCES = [
  'Alcohol',
  'Opiates',
  'Crack cocaine',
  'Cocaine',
  'Cannabis',
  'Amphetamines',
  'Benzodiazepines',
  'Gambling',
  'Other',
  'Prefer not to say',
] as const;
export const AGE_BAND_OPTIONS = AGE_BANDS.map((b) => ({ value: b.value, label: b.label }));

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');

export const NewParticipantForm = z.object({
  code: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim().toUpperCase() : undefined))
    .refine((v) => v === undefined || /^[A-Z0-9][A-Z0-9_./-]{0,39}$/.test(v), {
      message:
        'Codes use letters, digits, hyphens, underscores, dots or slashes, with no spaces, and at most 40 characters',
    }),
  first_name: optionalText(100, 'first name or nickname'),
  age_band: blankAsMissing(
    z.enum(AGE_BANDS.map((b) => b.value) as [string, ...string[]], { error: 'Choose an age band' }).optional(),
  ).transform((v) => v ?? ''),
  gender: blankAsMissing(z.enum(GENDERS, { error: 'Choose a gender from the list' }).optional()).transform(
    (v): string => v ?? '',
  ),
  ethnicity: blankAsMissing(
    z.enum(ETHNICITIES, { error: 'Choose an ethnic group from the list' }).optional(),
  ).transform((v): string => v ?? ''),
  local_authority: optionalText(100, 'local authority'),
  consent_record: z.literal('yes', {
    error: 'We can only keep a record if the person agrees. Without that, please don’t add them.',
  }),
  consent_network: yesNo('Say whether they agree to be included in network evidence'),
  consent_contact: yesNo('Say whether they agree to be contacted'),
  consent_date: dateField('date they agreed'),
});

/** Checkbox values arrive as a string or a list of strings. */
export function substancesFrom(body: unknown): string[] {
  const raw = (body as { main_substances?: unknown } | undefined)?.main_substances;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return (SUBSTANCES as readonly string[]).filter((s) => list.includes(s));
}

export const ConsentForm = z.object({
  kind: z.enum(['record', 'network', 'contact'], { error: 'Choose which consent' }),
  decision: z.enum(['given', 'withdrawn'], { error: 'Choose whether they agree or withdraw' }),
  decided_on: dateField('date of the decision'),
});

export const TIME_POINTS = [
  { value: 'start', label: 'Start' },
  { value: 'review', label: 'Review' },
  { value: 'exit', label: 'Exit' },
  { value: 'other', label: 'Something else' },
] as const;

const timePointFields = {
  time_point: z
    .enum(['start', 'review', 'exit', 'other', 'none'], { error: 'Choose a time point' })
    .optional()
    .default('none'),
  time_point_other: z.string().max(40, 'The time point must be 40 characters or fewer').optional().default(''),
};

/** The stored time point: lower case, single spaces; '' for none. */
export function timePointOf(f: { time_point: string; time_point_other: string }): string {
  if (f.time_point === 'none') return '';
  if (f.time_point !== 'other') return f.time_point;
  return f.time_point_other.trim().replace(/\s+/g, ' ').toLowerCase();
}

export const AssessmentMetaForm = z
  .object({ assessed_on: dateField('date of the questionnaire'), ...timePointFields })
  .refine((f) => f.time_point !== 'other' || f.time_point_other.trim() !== '', {
    message: 'Say what the time point is, for example "3 months"',
    path: ['time_point_other'],
  });

/** Sending a self-completion link by email: the link's secret comes back with the form. */
export const EmailLinkForm = z.object({
  token: z.string().max(200).default(''),
  email: emailField,
});

export const LinkForm = z
  .object({
    instrument: z.string({ error: 'Choose a questionnaire' }).regex(/^[a-z][a-z0-9_]{0,63}$/, 'Choose a questionnaire'),
    ...timePointFields,
  })
  .refine((f) => f.time_point !== 'other' || f.time_point_other.trim() !== '', {
    message: 'Say what the time point is, for example "3 months"',
    path: ['time_point_other'],
  });

export const EraseForm = z.object({
  confirm_code: z.string({ error: 'Type the participant’s code to confirm' }).transform((v) => v.trim().toUpperCase()),
});

const wholeNumber = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .regex(/^\d+$/, `The ${what} must be a whole number, like 12`)
    .transform(Number)
    .refine((n) => n <= max, `The ${what} must be ${max} or fewer`);
const optionalWhole = (what: string, max: number) => blankAsMissing(wholeNumber(what, max).optional());
const decimal = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .regex(/^\d+(\.\d{1,2})?$/, `The ${what} must be a number, like 2.5`)
    .transform(Number);

export const ActivityForm = z
  .object({
    held_on: dateField('date of the session'),
    activity_type: z
      .string({ error: 'Choose or type the activity' })
      .max(100, 'The activity name must be 100 characters or fewer'),
    attendance: wholeNumber('attendance', 100000),
    first_time_attendees: optionalWhole('number of first-timers', 100000),
    volunteers: optionalWhole('number of volunteers', 10000),
    volunteer_hours: blankAsMissing(decimal('volunteer hours').optional()),
  })
  .refine((f) => f.first_time_attendees === undefined || f.first_time_attendees <= f.attendance, {
    message: 'First-timers are counted in the attendance, so there cannot be more of them',
    path: ['first_time_attendees'],
  })
  .refine(
    (f) => f.volunteer_hours === undefined || f.volunteers === undefined || f.volunteer_hours <= f.volunteers * 24,
    { message: 'That is more hours than the volunteers could give in a day', path: ['volunteer_hours'] },
  );

export const VolunteerHoursForm = z
  .object({
    worked_on: dateField('date'),
    volunteer_label: z.string().max(100, 'Keep the name or initials to 100 characters').optional().default(''),
    volunteers: blankAsMissing(wholeNumber('number of volunteers', 10000).optional()).transform((v) => v ?? 1),
    hours: decimal('hours').refine((h) => h > 0, 'The hours must be more than 0'),
    note: z.string().max(200, 'Keep the note to 200 characters').optional().default(''),
  })
  .refine((f) => f.hours <= f.volunteers * 24, {
    message: 'That is more hours than the volunteers could give in a day',
    path: ['hours'],
  });

const number = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .regex(/^-?\d+(\.\d+)?$/, `The ${what} must be a number, like 1.5 or -0.8`)
    .transform(Number);

export const SummaryForm = z
  .object({
    measure: z
      .string({ error: 'Choose the questionnaire and measure' })
      .regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/, 'Choose the questionnaire and measure'),
    period_start: dateField('start of the period'),
    period_end: dateField('end of the period'),
    n_paired: wholeNumber('number of people with scores at both times', 1000000).refine(
      (n) => n >= 2,
      'At least 2 people need scores at both times',
    ),
    mean_change: number('mean change'),
    sd_change: number('standard deviation of the change').refine(
      (n) => n > 0,
      'The standard deviation must be more than 0',
    ),
    baseline_mean: blankAsMissing(number('mean at the start').optional()),
    baseline_sd: blankAsMissing(
      number('standard deviation at the start')
        .refine((n) => n > 0, 'The standard deviation at the start must be more than 0')
        .optional(),
    ),
    collection_method: z
      .string({ error: 'Say how the answers were collected' })
      .max(500, 'Keep this to 500 characters'),
  })
  .refine((f) => f.period_end >= f.period_start, {
    message: 'The end of the period must be on or after its start',
    path: ['period_end'],
  });

export const MeasureForm = z.object({
  name: z.string().optional().default(''),
  purpose: z.string().max(500, 'Keep the purpose to 500 characters').optional().default(''),
  items: z.string().max(10000, 'That is too long').optional().default(''),
  min: z.string().optional().default(''),
  max: z.string().optional().default(''),
  min_label: z.string().max(60).optional().default(''),
  max_label: z.string().max(60).optional().default(''),
  scoring: z.string().optional().default(''),
  direction: z.string().optional().default(''),
});
