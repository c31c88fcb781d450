// Turns one spreadsheet row into an AssessmentRecord. Unlike the other row types this needs
// outside knowledge - does the participant exist, which instrument is it - so the engine first
// asks for the codes and instrument names it will need (assessmentLookupsNeeded) for a whole
// batch of rows at once, then validates each row with the answers.

import type { InstrumentDefinition, InstrumentItem } from '../../domain/instrument-definition.ts';
import { scoreAssessment } from '../../domain/scoring.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { parseParticipantCode, RowReader } from './field-values.ts';
import type { FieldContext } from './field-values.ts';
import type { ImportProblem } from './import-problem.ts';
import type { AssessmentRecord } from './import-records.ts';
import { parseChoice } from './parse-choice.ts';
import type { RecordRow } from './read-rows.ts';
import { fieldOf, type TargetField, type TargetSchema } from './target-schemas.ts';

export interface AssessmentLookupResults {
  /** Upper-case participant codes known to exist. */
  existingParticipants: ReadonlySet<string>;
  /** Instrument definition by normalised key; absent when unknown. */
  instruments: ReadonlyMap<string, InstrumentDefinition>;
  /** Item columns already reported missing, so the problem is told once, not on every row. */
  reportedMissingColumns: Set<string>;
}

/** "BARC-10", "barc 10", "BARC10" -> "barc10"; "ONS4" -> "ons4". */
export function instrumentKeyFromText(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '');
}

/** The participant code and instrument key a row refers to, for batched look-ups. */
export function assessmentLookupsNeeded(
  row: RecordRow,
  mapping: ColumnMapping,
): { code: string | null; instrumentKey: string | null } {
  const codeText = (mapping.participant_code && row.cells[mapping.participant_code]) || '';
  const instrumentText = (mapping.instrument && row.cells[mapping.instrument]) || '';
  const code = parseParticipantCode(codeText);
  const instrumentKey = instrumentKeyFromText(instrumentText);
  return { code: code.ok ? code.value : null, instrumentKey: instrumentKey === '' ? null : instrumentKey };
}

export function validateAssessmentRow(
  row: RecordRow,
  mapping: ColumnMapping,
  schema: TargetSchema,
  context: FieldContext,
  lookups: AssessmentLookupResults,
): { record: AssessmentRecord; instrument: InstrumentDefinition } | { problems: ImportProblem[] } {
  const field = (key: string): TargetField => fieldOf(schema, key);
  const reader = new RowReader(row, mapping, context);

  const code = reader.read(field('participant_code')) as string | undefined;
  if (code !== undefined && !lookups.existingParticipants.has(code)) {
    reader.problem(
      field('participant_code'),
      `There is no participant with the code '${code}'.`,
      'Check the code, or add the participant (or import the participants file) first.',
    );
  }

  const instrumentText = reader.read(field('instrument')) as string | undefined;
  let definition: InstrumentDefinition | undefined;
  if (instrumentText !== undefined) {
    definition = lookups.instruments.get(instrumentKeyFromText(instrumentText));
    if (!definition) {
      const known = [...new Set([...lookups.instruments.values()].map((known) => known.short_name))];
      reader.problem(
        field('instrument'),
        `'${instrumentText}' is not a questionnaire this organisation uses.`,
        known.length > 0 ? `Use one of: ${known.join(', ')}.` : 'Check the name of the questionnaire.',
      );
    }
  }

  const date = reader.read(field('date')) as string | undefined;
  const timePoint = reader.read(field('time_point')) as string | null | undefined;
  const responses = definition ? readAnswers(reader, definition, schema, lookups.reportedMissingColumns) : undefined;

  if (
    reader.problems.length > 0 ||
    !definition ||
    !responses ||
    code === undefined ||
    date === undefined ||
    timePoint === undefined
  ) {
    return { problems: reader.problems };
  }
  const scored = scoreAssessment(definition, responses);
  if (!scored.ok) {
    // readAnswers has already checked every answer, so this only guards against a mismatch.
    return {
      problems: scored.errors.map((error) => ({
        row: row.rowNumber,
        column: null,
        problem: error.message,
        howToFix: 'Check the answers in this row.',
      })),
    };
  }
  return {
    instrument: definition,
    record: {
      participant_code: code,
      instrument_key: definition.key,
      instrument_version: definition.version,
      date,
      time_point: timePoint === null ? null : timePoint.toLowerCase(),
      responses,
      scores: scored.value.measures,
    },
  };
}

function readAnswers(
  reader: RowReader,
  definition: InstrumentDefinition,
  schema: TargetSchema,
  reportedMissing: Set<string>,
): Record<string, number> | undefined {
  const responses: Record<string, number> = {};
  let complete = true;
  definition.items.forEach((item, index) => {
    const field = schema.fields.find((candidate) => candidate.key === item.key);
    const name = `${definition.short_name} question ${index + 1}`;
    if (!field || reader.mapping[item.key] === undefined) {
      complete = false;
      if (!reportedMissing.has(item.key)) {
        reportedMissing.add(item.key);
        reader.problem(
          null,
          `The file has no column for ${name} ('${item.text}'), so no ${definition.short_name} row can be imported.`,
          `Add a column headed ${item.key} with the answers, or choose which column holds them.`,
        );
      }
      return;
    }
    const answer = readAnswer(reader.textOf(field), item, name);
    if (!answer.ok) {
      complete = false;
      reader.problem(field, answer.problem, answer.howToFix);
      return;
    }
    responses[item.key] = answer.value;
  });
  return complete ? responses : undefined;
}

function readAnswer(
  text: string,
  item: InstrumentItem,
  name: string,
): { ok: true; value: number } | { ok: false; problem: string; howToFix: string } {
  const values = item.options.map((option) => option.value);
  const example = item.options[item.options.length - 1]?.label ?? '';
  const howToFix = `Use a number from ${Math.min(...values)} to ${Math.max(...values)}, or the answer's words, for example '${example}'.`;
  if (text === '')
    return {
      ok: false,
      problem: `${name} has no answer.`,
      howToFix:
        'Every question needs an answer for the score to be worked out. If the questionnaire was not finished, leave the row out.',
    };
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const value = Number(text);
    return values.includes(value)
      ? { ok: true, value }
      : { ok: false, problem: `'${text}' is not a possible answer to ${name}.`, howToFix };
  }
  const byLabel = parseChoice(
    text,
    item.options.map((option) => ({ value: option.value, label: option.label })),
    name,
  );
  return byLabel.ok ? byLabel : { ok: false, problem: `'${text}' is not a possible answer to ${name}.`, howToFix };
}
