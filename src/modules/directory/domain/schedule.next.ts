// When does a schedule next happen? Calendar maths is done on plain dates;
// only the final step turns a UK date and time into an instant, so the result
// is right on both sides of the clock changes.
import {
  civilDate,
  daysInMonth,
  epochDayFromIso,
  isoFromEpochDay,
  isoWeekdayIndex,
  londonEpochDay,
  londonWallTimeToInstant,
} from './london-time.ts';
import type { EpochDay } from './london-time.ts';
import { WEEKDAYS } from './schedule.ts';
import type { Schedule } from './schedule.ts';

export interface Occurrence {
  /** UK calendar date of the session, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
}

export interface NextOccurrenceOptions {
  /** Also return a session that has started but not yet finished at `from`. Default false. */
  includeInProgress?: boolean;
}

// Far enough to find a "fifth Monday of every 12 months" rule, which can skip years.
const SEARCH_DAYS = 366 * 13;

/** Does the schedule have a session on this UK calendar date? Ignores times. */
export function occursOnDate(schedule: Schedule, day: EpochDay): boolean {
  const weekdayIndex = isoWeekdayIndex(day);
  const weekday = WEEKDAYS[weekdayIndex]!;
  const anchor = schedule.dtstart ? epochDayFromIso(schedule.dtstart) : undefined;
  if (anchor !== undefined && day < anchor) return false;
  if (schedule.validFrom && day < epochDayFromIso(schedule.validFrom)) return false;
  if (schedule.validTo && day > epochDayFromIso(schedule.validTo)) return false;

  const { year, month, day: dayOfMonth } = civilDate(day);
  if (schedule.freq === 'WEEKLY') {
    if (!schedule.byday.some((d) => d.day === weekday)) return false;
    if (schedule.interval === 1) return true;
    if (anchor === undefined) throw new RangeError('A schedule with an interval needs dtstart.');
    // Weeks start on Monday (RFC 5545 default WKST=MO).
    const weeks = (day - weekdayIndex - (anchor - isoWeekdayIndex(anchor))) / 7;
    return weeks % schedule.interval === 0;
  }

  const nthFromStart = Math.ceil(dayOfMonth / 7);
  const nthFromEnd = -Math.ceil((daysInMonth(year, month) - dayOfMonth + 1) / 7);
  const matches = schedule.byday.some((d) => d.day === weekday && (d.nth === nthFromStart || d.nth === nthFromEnd));
  if (!matches) return false;
  if (schedule.interval === 1) return true;
  if (anchor === undefined) throw new RangeError('A schedule with an interval needs dtstart.');
  const anchorDate = civilDate(anchor);
  const months = (year - anchorDate.year) * 12 + (month - anchorDate.month);
  return months % schedule.interval === 0;
}

/** The next session starting at or after `from`, or null if the schedule has ended. */
export function nextOccurrence(schedule: Schedule, from: Date, options: NextOccurrenceOptions = {}): Occurrence | null {
  // Start a day early: a session late yesterday may still be in progress.
  const first = londonEpochDay(from) - 1;
  const last = schedule.validTo ? epochDayFromIso(schedule.validTo) : first + SEARCH_DAYS;
  for (let day = first; day <= last && day <= first + SEARCH_DAYS; day++) {
    if (!occursOnDate(schedule, day)) continue;
    const start = londonWallTimeToInstant(day, schedule.opensAt);
    const end = londonWallTimeToInstant(day, schedule.closesAt);
    const upcoming = start.getTime() >= from.getTime();
    const inProgress =
      options.includeInProgress === true && start.getTime() < from.getTime() && end.getTime() > from.getTime();
    if (upcoming || inProgress) return { date: isoFromEpochDay(day), start, end };
  }
  return null;
}
