// Whole numbers and decimals as people type them into spreadsheets ("12", " 1,200 ", "2.5").

import { notParsed, parsed } from './import-problem.ts';
import type { ParsedValue } from './import-problem.ts';

export interface NumberRules {
  min: number;
  max: number;
  /** Words for the thing counted, used in messages, e.g. "attendance". */
  what: string;
}

export function parseWholeNumber(text: string, rules: NumberRules): ParsedValue<number> {
  const value = text.trim();
  const cleaned = /^\d{1,3}(,\d{3})+$/.test(value) ? value.replace(/,/g, '') : value;
  // Spreadsheets often export whole numbers as "12.0".
  if (!/^-?\d+(\.0+)?$/.test(cleaned)) {
    return notParsed(`'${value}' is not a whole number.`, `Enter the ${rules.what} as a whole number, for example 12.`);
  }
  return withinRange(value, Number.parseInt(cleaned, 10), rules);
}

export function parseDecimal(text: string, rules: NumberRules): ParsedValue<number> {
  const value = text.trim();
  if (/^-?\d+,\d+$/.test(value))
    return notParsed(
      `'${value}' uses a comma as the decimal point.`,
      `Use a full stop instead, for example ${value.replace(',', '.')}.`,
    );
  const cleaned = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? value.replace(/,/g, '') : value;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) {
    return notParsed(`'${value}' is not a number.`, `Enter the ${rules.what} as a number, for example 2.5.`);
  }
  return withinRange(value, Number(cleaned), rules);
}

function withinRange(original: string, number: number, rules: NumberRules): ParsedValue<number> {
  if (number < rules.min)
    return notParsed(
      `'${original}' is below ${rules.min}, the lowest possible ${rules.what}.`,
      `Check the ${rules.what}.`,
    );
  if (number > rules.max)
    return notParsed(
      `'${original}' is more than ${rules.max}, the highest ${rules.what} we accept.`,
      `Check the ${rules.what}.`,
    );
  return parsed(number);
}
