// Reads one mapped field from a row and parses it according to its kind, producing either the
// value or an ImportProblem that names the row and the column heading the person sees.

import type { ColumnMapping } from './column-mapping.ts';
import type { ImportProblem, ParsedValue } from './import-problem.ts';
import { notParsed, parsed } from './import-problem.ts';
import type { RecordRow } from './read-rows.ts';
import type { TargetField } from './target-schemas.ts';
import { parseDate } from './parse-date.ts';
import type { DateRules } from './parse-date.ts';
import { parseDecimal, parseWholeNumber } from './parse-number.ts';
import { parseChoice, YES_NO } from './parse-choice.ts';

export interface FieldContext {
  dates: DateRules;
}

/** Collects problems while reading a row's fields, so every problem in a row is reported at once. */
export class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    readonly row: RecordRow,
    readonly mapping: ColumnMapping,
    readonly context: FieldContext,
  ) {}

  /** Heading shown in messages; falls back to the field's name when the field is not mapped. */
  columnOf(field: TargetField): string {
    return this.mapping[field.key] ?? field.label;
  }

  textOf(field: TargetField): string {
    const header = this.mapping[field.key];
    return header === undefined ? '' : (this.row.cells[header] ?? '').trim();
  }

  problem(field: TargetField | null, problem: string, howToFix: string): void {
    this.problems.push({ row: this.row.rowNumber, column: field ? this.columnOf(field) : null, problem, howToFix });
  }

  /** Every field read in turn, keyed by field key. */
  readAll(fields: readonly TargetField[]): Record<string, unknown> {
    return Object.fromEntries(fields.map((f) => [f.key, this.read(f)]));
  }

  /** The parsed value, null for an empty optional cell, or undefined after recording a problem. */
  read(field: TargetField): unknown {
    const text = this.textOf(field);
    if (text === '') {
      if (field.required)
        this.problem(field, `The ${field.label} is missing.`, `Fill in the ${field.label}; every row needs one.`);
      return field.required ? undefined : null;
    }
    if (text.includes('\uFFFD')) {
      // A replacement character means the text was already damaged before it reached us.
      this.problem(
        field,
        `The ${field.label} has a character that could not be read (shown as \uFFFD).`,
        'Type the text again in the spreadsheet, then save it as "CSV UTF-8" or as an Excel workbook.',
      );
      return undefined;
    }
    const result = parseFieldText(field, text, this.context);
    if (!result.ok) {
      this.problem(field, result.problem, result.howToFix);
      return undefined;
    }
    return result.value;
  }
}

export function parseFieldText(field: TargetField, text: string, context: FieldContext): ParsedValue<unknown> {
  const { kind } = field;
  switch (kind.type) {
    case 'text':
      return text.length > kind.maxLength
        ? notParsed(
            `The ${field.label} is ${text.length} characters long; the most we can keep is ${kind.maxLength}.`,
            'Shorten it.',
          )
        : parsed(text.replace(/\s+/g, ' '));
    case 'participant_code':
      return parseParticipantCode(text);
    case 'date':
      return parseDate(text, context.dates);
    case 'whole_number':
      return parseWholeNumber(text, { min: kind.min, max: kind.max, what: field.label });
    case 'decimal':
      return parseDecimal(text, { min: kind.min, max: kind.max, what: field.label });
    case 'choice':
      return parseChoice(text, kind.choices, `the ${field.label}`);
    case 'yes_no':
      return parseChoice(text, YES_NO, `the ${field.label}`);
    case 'instrument':
    case 'item_answer':
      // These need the instrument definition; the assessment row validator reads them.
      return parsed(text);
  }
}

/** Participant codes are pseudonymous references like "HS-0042"; compared in upper case. */
export function parseParticipantCode(text: string): ParsedValue<string> {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9_\-/.]{0,39}$/.test(code)) {
    return notParsed(
      `'${text.trim()}' is not a valid participant code.`,
      'Codes use letters, digits, hyphens, underscores, dots or slashes, with no spaces, and are at most 40 characters.',
    );
  }
  return parsed(code);
}
