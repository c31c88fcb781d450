// Recognition lasts three years; a reminder goes out ninety days before renewal is due.
import { DateTime } from 'luxon';

export const RECOGNITION_YEARS = 3;
export const REMINDER_DAYS_BEFORE = 90;

export function renewalDue(decidedOn: string): string {
  return DateTime.fromISO(decidedOn, { zone: 'Europe/London' }).plus({ years: RECOGNITION_YEARS }).toISODate()!;
}

export function reminderDue(renewalDueOn: string, today: string): boolean {
  const from = DateTime.fromISO(renewalDueOn).minus({ days: REMINDER_DAYS_BEFORE }).toISODate()!;
  return today >= from;
}

export function todayInLondon(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/London' }).toISODate()!;
}
