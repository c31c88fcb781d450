// Reads the social value assumptions a person edits for one report (query string of a GET form,
// so a report's link carries its assumptions). Percentages are entered as 0–100.
import { DEFAULT_ASSUMPTIONS, validateAssumptions, type SocialValueAssumptions } from './domain/social-value.ts';
import { todayInUk } from '../../platform/time.ts';

export interface SocialValueForm {
  costs: number;
  assumptions: SocialValueAssumptions;
  errors: Record<string, string>;
  /** The values as entered, to show back in the form. */
  values: Record<string, string>;
}

export const SOCIAL_VALUE_FIELDS = [
  'costs',
  'deadweight',
  'displacement',
  'attribution',
  'drop_off',
  'duration',
  'volunteer_time',
  'deflator',
  'price_year',
  'hourly_pay',
] as const;

function number(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const cleaned = raw.replace(/[£,%\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function readSocialValueForm(query: Record<string, unknown>): SocialValueForm {
  const q = (k: string) => (typeof query[k] === 'string' ? (query[k] as string).slice(0, 40) : undefined);
  const errors: Record<string, string> = {};
  const a: SocialValueAssumptions = structuredClone(DEFAULT_ASSUMPTIONS);
  const read = (field: string, fallback: number, message: string): number => {
    const v = number(q(field), fallback);
    if (v === null) {
      errors[field] = message;
      return fallback;
    }
    return v;
  };
  const costs = read('costs', 0, 'Enter your costs in pounds, like 25000');
  if (costs < 0) errors.costs = 'Costs cannot be negative';
  for (const [field, key] of [
    ['deadweight', 'deadweight'],
    ['displacement', 'displacement'],
    ['attribution', 'attribution'],
    ['drop_off', 'dropOff'],
  ] as const) {
    const v = read(field, a[key] * 100, 'Enter a percentage from 0 to 100');
    if (v < 0 || v > 100) errors[field] = 'Enter a percentage from 0 to 100';
    else a[key] = v / 100;
  }
  const duration = read('duration', a.durationYears, 'Enter a whole number of years from 1 to 10');
  if (!Number.isInteger(duration) || duration < 1 || duration > 10)
    errors.duration = 'Enter a whole number of years from 1 to 10';
  else a.durationYears = duration;
  const deflator = read('deflator', a.deflator.value, 'Enter the deflator as a number, like 1.18');
  if (deflator <= 0 || deflator > 5) errors.deflator = 'Enter the deflator as a number above 0, like 1.18';
  else if (q('deflator'))
    a.deflator = { ...a.deflator, value: deflator, source: 'Entered for this report', date: todayInUk() };
  const priceYear = read('price_year', a.deflator.priceYear, 'Enter a year, like 2023');
  if (!Number.isInteger(priceYear) || priceYear < 2019 || priceYear > 2100)
    errors.price_year = 'Enter a year from 2019, like 2023';
  else a.deflator = { ...a.deflator, priceYear };
  const pay = read('hourly_pay', a.hourlyPay.value, 'Enter pounds an hour, like 18.64');
  if (pay < 0 || pay > 1000) errors.hourly_pay = 'Enter pounds an hour, like 18.64';
  else if (q('hourly_pay'))
    a.hourlyPay = { ...a.hourlyPay, value: pay, source: 'Entered for this report', date: todayInUk() };
  const vt = q('volunteer_time');
  if (vt === 'input' || vt === 'outcome' || vt === 'exclude') a.volunteerTime = vt;
  else if (vt !== undefined && vt !== '') errors.volunteer_time = 'Choose how to count volunteer time';
  for (const problem of validateAssumptions(a)) errors.assumptions ??= problem;
  const values: Record<string, string> = {};
  for (const f of SOCIAL_VALUE_FIELDS) values[f] = q(f) ?? '';
  return { costs: Math.max(0, costs), assumptions: a, errors, values };
}

/** The query string that reproduces these assumptions (for links from a report to its PDF and CSV). */
export function socialValueQuery(form: SocialValueForm): string {
  const params = new URLSearchParams();
  for (const f of SOCIAL_VALUE_FIELDS) if (form.values[f]) params.set(f, form.values[f]!);
  return params.toString();
}
