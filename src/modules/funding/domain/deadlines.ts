// When deadline reminders go: 14 days before, and 3 days before. A day missed (the job did not
// run) still sends the reminder for the step it falls in, once.
import { DateTime } from 'luxon';

export const REMINDER_DAYS = [14, 3] as const;

/** Whole days from today to the deadline (both YYYY-MM-DD). */
export function daysUntil(today: string, deadline: string): number {
  return Math.round(
    DateTime.fromISO(deadline, { zone: 'utc' }).diff(DateTime.fromISO(today, { zone: 'utc' }), 'days').days,
  );
}

/** The reminder step due today (14 or 3), or undefined when none is: past deadlines and far ones get none. */
export function reminderStep(today: string, deadline: string): number | undefined {
  const d = daysUntil(today, deadline);
  if (d <= 0) return undefined;
  if (d <= 3) return 3;
  if (d <= 14) return 14;
  return undefined;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isRealDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}
