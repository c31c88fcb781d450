// Converting between instants and UK wall-clock time, using only Intl.
//
// Meetings are planned in UK local time: "7pm on Tuesdays" stays 7pm when the
// clocks change, so its UTC instant moves by an hour at each switch between
// GMT and BST. We never store a fixed UTC offset.

export const UK_TIME_ZONE = 'Europe/London';

/** A calendar date with no time zone, as a count of days since 1970-01-01. */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonWallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes UK time is ahead of UTC at this instant: 0 in winter (GMT), 60 in summer (BST). */
export function londonOffsetMinutes(instant: Date): number {
  const w = londonWallClock(instant);
  const asIfUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asIfUtc - wholeSeconds) / 60_000);
}

/** The UK calendar date on which this instant falls. */
export function londonEpochDay(instant: Date): EpochDay {
  const w = londonWallClock(instant);
  return Date.UTC(w.year, w.month - 1, w.day) / MS_PER_DAY;
}

/**
 * The instant at which UK clocks show `hh:mm` on `day`.
 * - In the autumn overlap (a time that happens twice) we pick the first, BST.
 * - In the spring gap (a time that never happens) we move forward by the gap,
 *   so 01:30 becomes 02:30 BST, like Temporal's "compatible" rule.
 */
export function londonWallTimeToInstant(day: EpochDay, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const naive = day * MS_PER_DAY + (hours * 60 + minutes) * 60_000;
  // Offsets in force a day either side bracket any change on this day.
  const before = londonOffsetMinutes(new Date(naive - MS_PER_DAY));
  const after = londonOffsetMinutes(new Date(naive + MS_PER_DAY));
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((t) => naive - londonOffsetMinutes(new Date(t)) * 60_000 === t)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? naive - before * 60_000);
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
