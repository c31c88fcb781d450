import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreAssessment } from './scoring.ts';
import { BARC10, ONS4 } from './shipped-instruments.ts';
import { parseInstrumentDefinition } from './parse-instrument-definition.ts';
import { licensedWellbeingFixture } from './fixtures/load-fixture.ts';
import type { InstrumentDefinition } from './instrument-definition.ts';

function barcAnswers(values: number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, index) => [`barc10_${index + 1}`, value]));
}

function licensedDefinition(): InstrumentDefinition {
  const parsed = parseInstrumentDefinition(licensedWellbeingFixture());
  assert.ok(parsed.ok);
  return parsed.value;
}

test('BARC-10 is the sum of the ten answers (6+5+4+3+2+1+6+5+4+3 = 39, below 47)', () => {
  const result = scoreAssessment(BARC10, barcAnswers([6, 5, 4, 3, 2, 1, 6, 5, 4, 3]));
  assert.ok(result.ok);
  assert.deepEqual(result.value, {
    instrument_key: 'barc10',
    instrument_version: '1.0.0',
    measures: [
      {
        measure_key: 'recovery_capital',
        measure_name: 'Recovery capital (BARC-10 total)',
        score: 39,
        raw_total: 39,
        direction: 'higher_is_better',
        band: { key: 'below_47', label: 'Below 47' },
      },
    ],
  });
});

test('BARC-10 cut-off: 46 is below it, 47 reaches it; 10 and 60 are the extremes', () => {
  const scoreOf = (values: number[]) => {
    const result = scoreAssessment(BARC10, barcAnswers(values));
    assert.ok(result.ok);
    return [result.value.measures[0]?.score, result.value.measures[0]?.band?.key];
  };
  assert.deepEqual(scoreOf([5, 5, 5, 5, 5, 5, 5, 5, 5, 1]), [46, 'below_47']);
  assert.deepEqual(scoreOf([5, 5, 5, 5, 5, 5, 5, 5, 5, 2]), [47, 'at_least_47']);
  assert.deepEqual(scoreOf(Array(10).fill(1)), [10, 'below_47']);
  assert.deepEqual(scoreOf(Array(10).fill(6)), [60, 'at_least_47']);
});

test('ONS4 reports each question separately with the ONS bands; anxiety is better when lower', () => {
  const result = scoreAssessment(ONS4, { ons4_satis: 7, ons4_worth: 9, ons4_happy: 4, ons4_anxious: 6 });
  assert.ok(result.ok);
  assert.deepEqual(
    result.value.measures.map((measure) => [
      measure.measure_key,
      measure.score,
      measure.band?.label,
      measure.direction,
    ]),
    [
      ['life_satisfaction', 7, 'High', 'higher_is_better'],
      ['worthwhile', 9, 'Very high', 'higher_is_better'],
      ['happiness', 4, 'Low', 'higher_is_better'],
      ['anxiety', 6, 'High', 'lower_is_better'],
    ],
  );
});

test('ONS4 band edges: anxiety 1 is very low, 2 low, 5 medium; life satisfaction 5 medium, 8 high', () => {
  const bandsFor = (answers: Record<string, number>) => {
    const result = scoreAssessment(ONS4, answers);
    assert.ok(result.ok);
    return result.value.measures.map((measure) => measure.band?.key);
  };
  assert.deepEqual(bandsFor({ ons4_satis: 5, ons4_worth: 8, ons4_happy: 0, ons4_anxious: 1 }), [
    'medium',
    'high',
    'low',
    'very_low',
  ]);
  assert.deepEqual(bandsFor({ ons4_satis: 10, ons4_worth: 6, ons4_happy: 9, ons4_anxious: 2 }), [
    'very_high',
    'medium',
    'very_high',
    'low',
  ]);
  assert.deepEqual(bandsFor({ ons4_satis: 4, ons4_worth: 7, ons4_happy: 5, ons4_anxious: 5 }), [
    'low',
    'high',
    'medium',
    'medium',
  ]);
});

test('lookup scoring converts the raw total through the table (raw 21 -> 17.5, raw 8 -> 7.52, raw 35 -> 35)', () => {
  const definition = licensedDefinition();
  const answers = (values: number[]) => Object.fromEntries(values.map((value, index) => [`tlw_${index + 1}`, value]));
  const scored = (values: number[]) => {
    const result = scoreAssessment(definition, answers(values));
    assert.ok(result.ok);
    return [result.value.measures[0]?.raw_total, result.value.measures[0]?.score];
  };
  assert.deepEqual(scored([3, 3, 3, 3, 3, 3, 3]), [21, 17.5]);
  assert.deepEqual(scored([1, 1, 1, 1, 1, 1, 2]), [8, 7.52]);
  assert.deepEqual(scored([5, 5, 5, 5, 5, 5, 5]), [35, 35]);
  assert.deepEqual(scored([1, 1, 1, 1, 1, 1, 1]), [7, 7]);
});

test('every missing answer, impossible answer and unknown question is reported', () => {
  const answers = barcAnswers([6, 5, 4, 3, 2, 1, 6, 5, 4, 3]);
  delete answers.barc10_3;
  answers.barc10_5 = 7;
  answers.barc10_6 = 2.5;
  answers.recovery_capital = 47; // a typed-in total is never accepted
  const result = scoreAssessment(BARC10, answers);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, [
    {
      item_key: 'recovery_capital',
      message:
        "'recovery_capital' is not a question in BARC-10. Scores are worked out from the answers, so only answers to its questions can be given.",
    },
    {
      item_key: 'barc10_3',
      message:
        "Question 3 ('I have enough energy to complete the tasks I set myself.') has no answer. Every question needs an answer for the score to be worked out.",
    },
    {
      item_key: 'barc10_5',
      message:
        "Question 5 ('I get lots of support from friends.'): 7 is not one of the possible answers (1, 2, 3, 4, 5, 6).",
    },
    {
      item_key: 'barc10_6',
      message:
        "Question 6 ('I regard my life as challenging and fulfilling without the need for using drugs or alcohol.'): 2.5 is not one of the possible answers (1, 2, 3, 4, 5, 6).",
    },
  ]);
});

test('non-numbers are rejected even if a caller bypasses the types', () => {
  const answers = { ons4_satis: 7, ons4_worth: 9, ons4_happy: 4, ons4_anxious: '6' } as unknown as Record<
    string,
    number
  >;
  const result = scoreAssessment(ONS4, answers);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, [
    {
      item_key: 'ons4_anxious',
      message: `Question 4 ('On a scale where 0 is "not at all anxious" and 10 is "completely anxious", overall, how anxious did you feel yesterday?'): the answer must be a number.`,
    },
  ]);
});
