// Choosing from a fixed list ("Yes"/"No", age bands, answer labels) without being fussy about
// capitals, spaces or the kind of dash someone typed.

import { notParsed, parsed } from './import-problem.ts';
import type { ParsedValue } from './import-problem.ts';

export interface Choice<T> {
  value: T;
  /** How the choice is shown in messages. */
  label: string;
  /** Other spellings accepted, compared case-insensitively. */
  aliases?: readonly string[];
}

/** Lower case, single spaces, any dash as "-", no spaces around dashes. */
export function normaliseChoiceText(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-');
}

export function parseChoice<T>(text: string, choices: readonly Choice<T>[], what: string): ParsedValue<T> {
  const wanted = normaliseChoiceText(text);
  const found = choices.find((choice) =>
    [choice.label, ...(choice.aliases ?? [])].some((spelling) => normaliseChoiceText(spelling) === wanted),
  );
  if (found) return parsed(found.value);
  return notParsed(`'${text.trim()}' is not one of the choices for ${what}.`, `Use one of: ${listLabels(choices)}.`);
}

function listLabels<T>(choices: readonly Choice<T>[]): string {
  const shown = choices.slice(0, 10).map((choice) => choice.label);
  return choices.length > 10 ? `${shown.join(', ')} and ${choices.length - 10} more` : shown.join(', ');
}

export const YES_NO: readonly Choice<boolean>[] = [
  { value: true, label: 'Yes', aliases: ['y', 'true', '1', 'agreed', 'given'] },
  { value: false, label: 'No', aliases: ['n', 'false', '0', 'declined', 'refused', 'withdrawn'] },
];
