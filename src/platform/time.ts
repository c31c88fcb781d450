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
