// Dates arrive in many styles: UK dd/mm/yyyy typed by hand, ISO from other systems, and Excel's
// serial day numbers when a date cell loses its formatting. We accept the unambiguous ones and
// explain the rest. US-style mm/dd/yyyy cannot be told apart from UK dates in general, so dates
// are always read day first; where that is impossible (month 13+) we suggest the swap.

import { notParsed, parsed } from './import-problem.ts';
import type { ParsedValue } from './import-problem.ts';

export interface DateRules {
  /** ISO date of "today"; later dates are refused (passed in so the check is testable). */
  today: string;
  /** ISO date; earlier dates are refused as implausible. */
  earliest: string;
}

export const DEFAULT_EARLIEST_DATE = '1990-01-01';

const HOW_TO_WRITE = 'Use dd/mm/yyyy, for example 03/02/2024.';

/** Returns an ISO yyyy-mm-dd date. */
export function parseDate(text: string, rules: DateRules): ParsedValue<string> {
  const value = text.trim();
  const date = readDate(value);
  if (!date.ok) return date;
  const iso = date.value;
  if (iso > rules.today)
    return notParsed(
      `'${value}' is in the future.`,
      `Check the date; it cannot be later than today (${toUkDate(rules.today)}).`,
    );
  if (iso < rules.earliest)
    return notParsed(
      `'${value}' is before ${toUkDate(rules.earliest)}, which is too long ago to be right.`,
      'Check the year.',
    );
  return parsed(iso);
}

function readDate(value: string): ParsedValue<string> {
  let match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(value) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (match) return realDate(value, Number(match[1]), Number(match[2]), Number(match[3]));

  match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(value);
  if (match) {
    const [, dayText, , monthText, yearText] = match as unknown as [string, string, string, string, string];
    if (yearText.length === 2) {
      return notParsed(
        `'${value}' has a two-digit year, so the century is unclear.`,
        `Write the year in full, for example ${dayText.padStart(2, '0')}/${monthText.padStart(2, '0')}/20${yearText}.`,
      );
    }
    const day = Number(dayText);
    const month = Number(monthText);
    if (month > 12 && day <= 12) {
      const swapped = `${monthText.padStart(2, '0')}/${dayText.padStart(2, '0')}/${yearText}`;
      const swappedIsReal = realDate(value, Number(yearText), day, month).ok;
      return notParsed(
        `'${value}' is not a real date: there is no month ${month}.`,
        swappedIsReal ? `Dates must be day first (dd/mm/yyyy). Did you mean ${swapped}?` : HOW_TO_WRITE,
      );
    }
    return realDate(value, Number(yearText), month, day);
  }

  if (/^\d+(\.\d+)?$/.test(value)) return excelSerialDate(value);
  return notParsed(`'${value}' is not a date we recognise.`, HOW_TO_WRITE);
}

function realDate(original: string, year: number, month: number, day: number): ParsedValue<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return notParsed(`'${original}' is not a real date.`, HOW_TO_WRITE);
  }
  return parsed(toIso(date));
}

function excelSerialDate(value: string): ParsedValue<string> {
  const iso = excelSerialToIsoDate(Math.floor(Number(value)));
  if (iso === null || iso < '1990-01-01' || iso > '2099-12-31') {
    return notParsed(
      `'${value}' is a number, not a date.`,
      `If it came from Excel, format the cell as a date; otherwise type the date as dd/mm/yyyy, for example 03/02/2024.`,
    );
  }
  return parsed(iso);
}

/**
 * Excel's 1900 date system counts days from 1 January 1900 = 1, but wrongly treats 1900 as a
 * leap year (a bug kept from Lotus 1-2-3), so serial 60 is the non-existent 29 February 1900 and
 * every serial from 61 on is one day ahead of a plain count. Returns null for serial 60, anything
 * below 1 and anything after 31 December 9999.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  // 2,958,465 is 31 December 9999, Excel's last date; past it a Date is invalid and toISOString throws.
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > 2_958_465) return null;
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return toIso(new Date(epoch + serial * 86_400_000));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function toUkDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export function todayIso(now: Date = new Date()): string {
  // The platform serves England; use the UK calendar date, not UTC, around midnight.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
