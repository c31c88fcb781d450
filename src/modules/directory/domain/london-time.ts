// Converting between instants and UK wall-clock time, through Luxon (src/platform/time.ts),
// and plain calendar-day arithmetic.
//
// Meetings are planned in UK local time: "7pm on Tuesdays" stays 7pm when the
// clocks change, so its UTC instant moves by an hour at each switch between
// GMT and BST. We never store a fixed UTC offset.
import { DateTime } from 'luxon';
import { inUk, UK_TIME_ZONE } from '../../../platform/time.ts';

export { UK_TIME_ZONE };

/** A calendar date with no time zone, as a count of days since 1970-01-01. */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;

/** Minutes UK time is ahead of UTC at this instant: 0 in winter (GMT), 60 in summer (BST). */
export function londonOffsetMinutes(instant: Date): number {
  return inUk(instant).offset;
}

/** The UK calendar date on which this instant falls. */
export function londonEpochDay(instant: Date): EpochDay {
  const w = inUk(instant);
  return Date.UTC(w.year, w.month - 1, w.day) / MS_PER_DAY;
}

/**
 * The instant at which UK clocks show `hh:mm` on `day`.
 * - In the autumn overlap (a time that happens twice) we pick the first, BST.
 * - In the spring gap (a time that never happens) we move forward by the gap,
 *   so 01:30 becomes 02:30 BST, like Temporal's "compatible" rule.
 */
export function londonWallTimeToInstant(day: EpochDay, hhmm: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const { year, month, day: d } = civilDate(day);
  const local = DateTime.fromObject({ year, month, day: d, hour, minute }, { zone: UK_TIME_ZONE });
  // Luxon resolves an ambiguous time to one of its two instants; prefer the earlier (BST) one.
  const earlier = local.minus({ hours: 1 });
  const sameWallClock = earlier.hour === hour && earlier.minute === minute && earlier.day === d;
  return (sameWallClock ? earlier : local).toJSDate();
}

export function epochDayFromIso(isoDate: string): EpochDay {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function isoFromEpochDay(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (ISO order, matching RFC 5545's default week start). */
export function isoWeekdayIndex(day: EpochDay): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function civilDate(day: EpochDay): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
