// Scores one completed assessment from the answers given to each item. Scores are always
// calculated here from item answers, never typed in, so every stored score can be re-derived
// and checked. All items are required: none of the shipped instruments publishes a rule for
// filling in missing answers, and guessing would make scores incomparable.

import type { Direction, InstrumentDefinition, InstrumentItem, Measure } from './instrument-definition.ts';
import { findBand } from './bands.ts';
import { itemsOfMeasure, sumOf, tidy } from './score-arithmetic.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';

export interface MeasureScore {
  measure_key: string;
  measure_name: string;
  /** The score to report (after lookup conversion where the instrument uses one). */
  score: number;
  /** Sum of the item answers before any conversion; equals score for sum and separate scoring. */
  raw_total: number;
  direction: Direction;
  band: { key: string; label: string } | null;
}

export interface AssessmentScore {
  instrument_key: string;
  instrument_version: string;
  measures: MeasureScore[];
}

export interface ScoringProblem {
  /** The item the problem is about, or null for problems with the answers as a whole. */
  item_key: string | null;
  message: string;
}

export function scoreAssessment(
  definition: InstrumentDefinition,
  responses: Readonly<Record<string, number>>,
): Result<AssessmentScore, ScoringProblem> {
  const problems = checkResponses(definition, responses);
  if (problems.length > 0) return fail(problems);

  const measures = definition.measures.map((measure) => scoreMeasure(definition, measure, responses));
  return ok({ instrument_key: definition.key, instrument_version: definition.version, measures });
}

function checkResponses(
  definition: InstrumentDefinition,
  responses: Readonly<Record<string, number>>,
): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  const itemKeys = new Set(definition.items.map((item) => item.key));
  for (const key of Object.keys(responses)) {
    if (!itemKeys.has(key)) {
      problems.push({
        item_key: key,
        message: `'${key}' is not a question in ${definition.short_name}. Scores are worked out from the answers, so only answers to its questions can be given.`,
      });
    }
  }
  definition.items.forEach((item, index) => {
    const problem = checkAnswer(item, index, responses);
    if (problem) problems.push({ item_key: item.key, message: problem });
  });
  return problems;
}

function checkAnswer(item: InstrumentItem, index: number, responses: Readonly<Record<string, number>>): string | null {
  const name = `Question ${index + 1} ('${item.text}')`;
  if (!Object.hasOwn(responses, item.key))
    return `${name} has no answer. Every question needs an answer for the score to be worked out.`;
  const answer = responses[item.key];
  if (typeof answer !== 'number' || !Number.isFinite(answer)) return `${name}: the answer must be a number.`;
  if (!item.options.some((option) => option.value === answer)) {
    return `${name}: ${answer} is not one of the possible answers (${item.options.map((option) => option.value).join(', ')}).`;
  }
  return null;
}

function scoreMeasure(
  definition: InstrumentDefinition,
  measure: Measure,
  responses: Readonly<Record<string, number>>,
): MeasureScore {
  const answers = itemsOfMeasure(definition, measure).map((item) => responses[item.key] as number);
  const rawTotal = sumOf(answers);
  const score = reportedScore(definition, rawTotal, answers.length);
  const band = findBand(measure, score);
  return {
    measure_key: measure.key,
    measure_name: measure.name,
    score,
    raw_total: rawTotal,
    direction: measure.direction,
    band: band ? { key: band.key, label: band.label } : null,
  };
}

function reportedScore(definition: InstrumentDefinition, rawTotal: number, itemCount: number): number {
  const { scoring } = definition;
  switch (scoring.method) {
    case 'sum':
    case 'separate':
      return rawTotal;
    case 'mean':
      return tidy(rawTotal / itemCount);
    case 'lookup': {
      // parseInstrumentDefinition guarantees a row for every reachable total.
      const row = scoring.table.find((entry) => tidy(entry.raw) === rawTotal);
      if (!row)
        throw new Error(
          `Lookup table of ${definition.key} has no row for raw total ${rawTotal}; was the definition validated?`,
        );
      return row.score;
    }
  }
}
