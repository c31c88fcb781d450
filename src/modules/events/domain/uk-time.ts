// UK wall-clock times to instants and back, with Luxon, so an event across a clock change or
// over several days lands on the right instants.
import { DateTime } from 'luxon';
import { parseTimeOfDay } from '../../../platform/time.ts';

export const UK = 'Europe/London';

export type UkTimeResult = { ok: true; at: Date } | { ok: false; reason: 'invalid' | 'does-not-exist' };

/**
 * 'YYYY-MM-DD' and a time of day as people type it (see parseTimeOfDay) read as UK time. A time that the spring clock change skips
 * (01:00–01:59 on the last Sunday in March) does not exist; in autumn the repeated hour
 * means its first occurrence (British Summer Time), as people expect.
 */
export function fromUkWallClock(date: string, typedTime: string): UkTimeResult {
  const time = parseTimeOfDay(typedTime); // "7pm", "7.30pm" and "19:30" alike
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || time === null) return { ok: false, reason: 'invalid' };
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: UK });
  if (!dt.isValid) return { ok: false, reason: 'invalid' };
  // Luxon moves a non-existent local time forward; the wall clock then differs from what was typed.
  if (dt.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) return { ok: false, reason: 'does-not-exist' };
  // In the repeated autumn hour Luxon picks the second; an hour earlier with the same wall clock is the first.
  const earlier = dt.minus({ hours: 1 });
  const first = earlier.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}` ? earlier : dt;
  return { ok: true, at: first.toJSDate() };
}

export function toUkWallClock(at: Date): { date: string; time: string } {
  const dt = DateTime.fromJSDate(at, { zone: UK });
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') };
}

export function ukDateTime(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: UK });
}

/** "7pm" or "7:30pm", as people say times. */
function clock(dt: DateTime): string {
  const hour = dt.hour % 12 === 0 ? 12 : dt.hour % 12;
  const suffix = dt.hour < 12 ? 'am' : 'pm';
  return dt.minute === 0 ? `${hour}${suffix}` : `${hour}:${dt.toFormat('mm')}${suffix}`;
}

/** "Sunday 25 October 2026, 7pm to 9pm" or, across days, "Friday 3 July 2026, 10am to Saturday 4 July 2026, 4pm". */
export function describeWhen(starts: Date, ends: Date): string {
  const s = ukDateTime(starts);
  const e = ukDateTime(ends);
  const day = (dt: DateTime) => dt.toFormat('cccc d LLLL yyyy');
  if (s.hasSame(e, 'day')) return `${day(s)}, ${clock(s)} to ${clock(e)}`;
  return `${day(s)}, ${clock(s)} to ${day(e)}, ${clock(e)}`;
}

/** "Sun 25 Oct, 7pm": for lists. */
export function shortWhen(starts: Date): string {
  const s = ukDateTime(starts);
  return `${s.toFormat('ccc d LLL yyyy')}, ${clock(s)}`;
}

/**
 * Does this instant's UK wall-clock time happen twice (01:00–01:59 on the last Sunday in
 * October)? RFC 5545 says such a local time means the first one, but calendar apps differ
 * (ical.js takes the second), so calendar files give these instants in UTC instead.
 */
export function isRepeatedUkTime(at: Date): boolean {
  const wall = (d: Date) => DateTime.fromJSDate(d, { zone: UK }).toFormat('yyyy-MM-dd HH:mm');
  const w = wall(at);
  return wall(new Date(at.getTime() - 3600_000)) === w || wall(new Date(at.getTime() + 3600_000)) === w;
}
