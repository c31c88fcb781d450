// Recurring opening times, modelled on RFC 5545 RRULE as ORUK/HSDS 3 asks,
// limited to what LERO groups actually do: weekly (every week, or every n
// weeks) and monthly on the nth weekday ("first and third Thursday").
import { z } from 'zod';
import { epochDayFromIso, isoWeekdayIndex } from './london-time.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Which occurrence in the month: 1st … 5th, or -1 for the last. */
export const ORDINALS = [1, 2, 3, 4, 5, -1] as const;
export type Ordinal = (typeof ORDINALS)[number];

export interface DayRule {
  day: Weekday;
  /** Only for MONTHLY, where it is required: 1 = first Tuesday, -1 = last Tuesday. */
  nth?: Ordinal;
}

export interface Schedule {
  freq: 'WEEKLY' | 'MONTHLY';
  /** 1 = every week/month, 2 = every other week/month. */
  interval: number;
  byday: DayRule[];
  /** UK local wall-clock time, 24-hour "HH:MM". */
  opensAt: string;
  closesAt: string;
  /** YYYY-MM-DD of the first session. Required when interval > 1, to know which weeks/months. */
  dtstart?: string;
  /** YYYY-MM-DD: the first and last dates this information applies to. */
  validFrom?: string;
  validTo?: string;
}

const TIME_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

const isRealDate = (value: string): boolean =>
  DATE_RE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const time = (what: string) =>
  z.string().regex(TIME_RE, `Please give the ${what} time in 24-hour hours and minutes, like 19:00.`);
const date = (what: string) =>
  z.string().refine(isRealDate, `Please give the ${what} as a real date, like 2026-03-31.`);

/** Validates form or API input into a Schedule, with messages fit to show people. */
export const scheduleSchema = z
  .object({
    freq: z.enum(['WEEKLY', 'MONTHLY'], { message: 'Please choose weekly or monthly.' }),
    interval: z.number().int().min(1, 'How often must be at least 1.').max(12, 'Please choose a gap of 12 or fewer.'),
    byday: z
      .array(
        z.object({
          day: z.enum(WEEKDAYS, { message: 'Please choose a day of the week.' }),
          nth: z
            .literal(ORDINALS, { message: 'Please choose first, second, third, fourth, fifth or last.' })
            .optional(),
        }),
      )
      .min(1, 'Please choose at least one day.'),
    opensAt: time('start'),
    closesAt: time('finish'),
    dtstart: date('date of the first session').optional(),
    validFrom: date('start date').optional(),
    validTo: date('end date').optional(),
  })
  .superRefine((s, ctx) => {
    // Only compare well-formed times; a bad one already has its own message.
    if (TIME_RE.test(s.opensAt) && TIME_RE.test(s.closesAt) && s.closesAt <= s.opensAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesAt'],
        message: 'The finish time needs to be after the start time.',
      });
    }
    const keys = s.byday.map((d) => `${d.nth ?? ''}${d.day}`);
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: 'custom', path: ['byday'], message: 'Each day should only be chosen once.' });
    }
    s.byday.forEach((d, i) => {
      if (s.freq === 'MONTHLY' && d.nth === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['byday', i, 'nth'],
          message: 'For a monthly session, please say which week of the month, like first or last.',
        });
      }
      if (s.freq === 'WEEKLY' && d.nth !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['byday', i, 'nth'],
          message: 'A weekly session runs every week, so it doesn’t need a week of the month.',
        });
      }
    });
    if (s.interval > 1 && !s.dtstart) {
      ctx.addIssue({
        code: 'custom',
        path: ['dtstart'],
        message: 'Please give the date of the first session, so we know which weeks it runs.',
      });
    }
    if (
      s.dtstart &&
      isRealDate(s.dtstart) &&
      !s.byday.some((d) => WEEKDAYS[isoWeekdayIndex(epochDayFromIso(s.dtstart!))] === d.day)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['dtstart'],
        message: 'The first session should fall on one of the chosen days.',
      });
    }
    if (s.validFrom && s.validTo && s.validTo < s.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'The end date needs to be on or after the start date.',
      });
    }
  });

export function parseSchedule(input: unknown): Schedule {
  return scheduleSchema.parse(input) as Schedule;
}

/** RFC 5545 day order, then position in the month; gives one canonical byday string. */
function sortedDays(byday: readonly DayRule[]): DayRule[] {
  const rank = (n: Ordinal | undefined) => (n === undefined ? 0 : n === -1 ? 6 : n);
  return [...byday].sort((a, b) => rank(a.nth) - rank(b.nth) || WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
}

/** The byday value as ORUK/RFC 5545 write it: "TU", "MO,TH", "1TU,3TU", "-1FR". */
export function bydayString(byday: readonly DayRule[]): string {
  return sortedDays(byday)
    .map((d) => `${d.nth ?? ''}${d.day}`)
    .join(',');
}

/**
 * The RFC 5545 RECUR value (the part after "RRULE:"), e.g.
 * "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO" or "FREQ=MONTHLY;BYDAY=1TH,3TH".
 * Monthly positions go in BYDAY ("1TH") rather than BYSETPOS because ORUK has
 * a byday field but no bysetpos. Opening times are not part of an RRULE: in
 * iCalendar they live in DTSTART/DTEND with TZID=Europe/London.
 */
export function toRRule(schedule: Schedule): string {
  const parts = [`FREQ=${schedule.freq}`];
  if (schedule.interval > 1) parts.push(`INTERVAL=${schedule.interval}`);
  parts.push(`BYDAY=${bydayString(schedule.byday)}`);
  return parts.join(';');
}

/** For the day-of-week filter: does this schedule ever meet on that weekday? */
export function occursOnDay(schedule: Schedule, weekday: Weekday): boolean {
  return schedule.byday.some((d) => d.day === weekday);
}
