// UK wall-clock time, through Luxon: the network works in England, so "today" is the UK
// calendar date (not UTC's, which is yesterday's for the first hour after midnight in summer).
import { DateTime } from 'luxon';

export const UK_TIME_ZONE = 'Europe/London';

/** Today's date in the UK as 'YYYY-MM-DD'. Every view and form default asks this. */
export function todayInUk(now: Date = new Date()): string {
  return ukDate(now);
}

/** The UK calendar date an instant falls on, as 'YYYY-MM-DD'. */
export function ukDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: UK_TIME_ZONE }).toISODate()!;
}

/** An instant as UK wall-clock time. */
export function inUk(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: UK_TIME_ZONE });
}

/**
 * A time of day as people type it, as 'HH:mm' (24-hour), or null when it can't be one:
 * "19:00", "7pm", "7 PM", "7:30pm", "7.30pm", "10am", "11.30", "0930", "noon", "midday",
 * "midnight". Without am or pm a time is read on the 24-hour clock ("7.30" is 07:30), as a
 * form hint says. "12am" is midnight and "12pm" is noon, as on a UK clock.
 */
export function parseTimeOfDay(typed: string): string | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'noon' || text === 'midday' || text === '12 noon') return '12:00';
  if (text === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))? ?(a\.?m\.?|p\.?m\.?)?$/.exec(text);
  if (!m) return null;
  const [, hourText, minuteText, suffix] = m;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return null;
  // without a separator only four figures are a time ("0930", "1930"): "930" could be a slip
  if (minuteText !== undefined && !/[:.]/.test(text) && hourText!.length !== 2) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    const pm = suffix.startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
