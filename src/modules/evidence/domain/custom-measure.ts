// Organisations can track something of their own ("How connected do you feel?") with a few
// simple form fields. We turn those into a full instrument definition so custom measures are
// stored, scored and imported exactly like shipped instruments - but scoped to the organisation,
// never pooled, and honest that nothing about them has been validated.

import type { Direction, InstrumentDefinition } from './instrument-definition.ts';
import { DEFINITION_FORMAT_VERSION } from './instrument-definition.ts';
import { parseInstrumentDefinition } from './parse-instrument-definition.ts';
import { fail } from './result.ts';
import type { Result } from './result.ts';

export interface CustomMeasureFormInput {
  organisation_name: string;
  name: string;
  /** The questions or statements, one per item; a single newline-separated string is accepted too. */
  items: readonly string[] | string;
  /** Lowest and highest answer for every item; form fields may arrive as text. */
  min: number | string;
  max: number | string;
  scoring: 'sum' | 'mean' | string;
  direction: Direction | string;
  purpose?: string;
  min_label?: string;
  max_label?: string;
  /** Optional explicit key; otherwise derived from the name. */
  key?: string;
}

export interface FormProblem {
  field: keyof CustomMeasureFormInput;
  message: string;
}

export const CUSTOM_MEASURE_LIMITS = { maxItems: 50, maxOptionsPerItem: 21 } as const;

export function buildCustomMeasureDefinition(input: CustomMeasureFormInput): Result<InstrumentDefinition, FormProblem> {
  const problems: FormProblem[] = [];
  const name = input.name?.trim() ?? '';
  const organisation = input.organisation_name?.trim() ?? '';
  const items = (typeof input.items === 'string' ? input.items.split(/\r?\n/) : [...input.items])
    .map((text) => text.trim())
    .filter((text) => text !== '');
  const min = toWholeNumber(input.min);
  const max = toWholeNumber(input.max);
  const key = input.key?.trim() || `custom_${slug(name)}`;

  if (name === '')
    problems.push({ field: 'name', message: 'Give the measure a name, for example "Feeling connected".' });
  if (organisation === '') problems.push({ field: 'organisation_name', message: 'The organisation name is missing.' });
  if (items.length === 0) problems.push({ field: 'items', message: 'Add at least one question, one per line.' });
  if (items.length > CUSTOM_MEASURE_LIMITS.maxItems)
    problems.push({
      field: 'items',
      message: `A measure can have at most ${CUSTOM_MEASURE_LIMITS.maxItems} questions; this has ${items.length}.`,
    });
  if (min === null)
    problems.push({ field: 'min', message: 'The lowest answer must be a whole number, for example 0 or 1.' });
  if (max === null)
    problems.push({ field: 'max', message: 'The highest answer must be a whole number, for example 5 or 10.' });
  if (min !== null && max !== null) {
    if (min >= max)
      problems.push({ field: 'max', message: `The highest answer (${max}) must be above the lowest (${min}).` });
    else if (max - min + 1 > CUSTOM_MEASURE_LIMITS.maxOptionsPerItem)
      problems.push({
        field: 'max',
        message: `Answers can run over at most ${CUSTOM_MEASURE_LIMITS.maxOptionsPerItem} points (for example 0 to 20).`,
      });
  }
  if (input.scoring !== 'sum' && input.scoring !== 'mean')
    problems.push({
      field: 'scoring',
      message: 'Choose how to combine answers: add them up (sum) or average them (mean).',
    });
  if (input.direction !== 'higher_is_better' && input.direction !== 'lower_is_better')
    problems.push({ field: 'direction', message: 'Say whether a higher score is better or worse.' });
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(key))
    problems.push({
      field: 'key',
      message: 'The key must start with a letter and use only lower-case letters, digits and underscores (at most 64).',
    });
  if (problems.length > 0 || min === null || max === null) return fail(problems);

  const itemKeys = items.map((_, index) => `${key}_${index + 1}`);
  const mean = input.scoring === 'mean';
  const candidate = {
    format_version: DEFINITION_FORMAT_VERSION,
    key,
    version: '1',
    name,
    short_name: name,
    purpose: input.purpose?.trim() || `A measure created by ${organisation} for its own use.`,
    citation: `Created by ${organisation}. Not a published or validated instrument.`,
    licence: { name: 'Organisation-defined', free_to_use: true, attribution: `Measure created by ${organisation}.` },
    items: items.map((text, index) => ({
      key: itemKeys[index],
      text,
      options: scale(min, max, input.min_label, input.max_label),
    })),
    scoring: { method: input.scoring },
    measures: [
      {
        key,
        name,
        items: itemKeys,
        range: mean ? { min, max } : { min: min * items.length, max: max * items.length },
        direction: input.direction,
        bands: null,
        reliability: null,
        reference_sd: null,
        psychometrics_note:
          'An organisation-defined measure: it has not been validated, so no reliability or reference SD is known and reliable change cannot be calculated.',
      },
    ],
    pooled_by_network: false,
    scope: 'organisation',
  };

  // Going through the same validation as uploaded definitions keeps one source of truth.
  const parsed = parseInstrumentDefinition(candidate);
  if (!parsed.ok)
    return fail(
      parsed.errors.map((problem) => ({ field: 'name' as const, message: `${problem.path}: ${problem.message}` })),
    );
  return parsed;
}

function scale(
  min: number,
  max: number,
  minLabel?: string,
  maxLabel?: string,
): Array<{ value: number; label: string }> {
  const options: Array<{ value: number; label: string }> = [];
  for (let value = min; value <= max; value += 1) {
    const anchor = value === min ? minLabel?.trim() : value === max ? maxLabel?.trim() : undefined;
    options.push({ value, label: anchor ? `${value} (${anchor})` : String(value) });
  }
  return options;
}

function toWholeNumber(value: number | string): number | null {
  const number = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value ?? '') ? Number(value) : NaN;
  return Number.isInteger(number) ? number : null;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'measure'
  );
}
