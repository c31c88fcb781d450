import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCustomMeasureDefinition } from './custom-measure.ts';
import type { CustomMeasureFormInput } from './custom-measure.ts';
import { scoreAssessment } from './scoring.ts';

const form: CustomMeasureFormInput = {
  organisation_name: 'Hope Street Recovery',
  name: 'Feeling connected',
  items: 'I feel part of a community\n\n  I have someone to call  \nI know where to get help',
  min: '0',
  max: '4',
  scoring: 'mean',
  direction: 'higher_is_better',
  min_label: 'Not at all',
  max_label: 'Completely',
};

test('form fields become a valid organisation-scoped definition', () => {
  const result = buildCustomMeasureDefinition(form);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  const definition = result.value;
  assert.equal(definition.key, 'custom_feeling_connected');
  assert.equal(definition.scope, 'organisation');
  assert.equal(definition.pooled_by_network, false);
  assert.deepEqual(
    definition.items.map((item) => [item.key, item.text]),
    [
      ['custom_feeling_connected_1', 'I feel part of a community'],
      ['custom_feeling_connected_2', 'I have someone to call'],
      ['custom_feeling_connected_3', 'I know where to get help'],
    ],
  );
  assert.deepEqual(
    definition.items[0]?.options.map((option) => option.label),
    ['0 (Not at all)', '1', '2', '3', '4 (Completely)'],
  );
  assert.deepEqual(definition.measures[0]?.range, { min: 0, max: 4 });
});

test('a mean-scored custom measure averages the answers (1+2+2)/3 = 1.666666667', () => {
  const result = buildCustomMeasureDefinition(form);
  assert.ok(result.ok);
  const scored = scoreAssessment(result.value, {
    custom_feeling_connected_1: 1,
    custom_feeling_connected_2: 2,
    custom_feeling_connected_3: 2,
  });
  assert.ok(scored.ok);
  assert.equal(scored.value.measures[0]?.score, 1.666666667);
  assert.equal(scored.value.measures[0]?.raw_total, 5);
});

test('a sum-scored custom measure has range items x min .. items x max', () => {
  const result = buildCustomMeasureDefinition({
    ...form,
    items: ['One', 'Two'],
    min: 1,
    max: 5,
    scoring: 'sum',
    direction: 'lower_is_better',
  });
  assert.ok(result.ok);
  assert.deepEqual(result.value.measures[0]?.range, { min: 2, max: 10 });
  assert.equal(result.value.measures[0]?.direction, 'lower_is_better');
  const scored = scoreAssessment(result.value, { custom_feeling_connected_1: 4, custom_feeling_connected_2: 5 });
  assert.ok(scored.ok);
  assert.equal(scored.value.measures[0]?.score, 9);
});

test('form problems name the field and say what to do', () => {
  const result = buildCustomMeasureDefinition({
    ...form,
    name: ' ',
    items: [],
    min: '1.5',
    max: 'ten',
    scoring: 'median',
    direction: 'up',
  });
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, [
    { field: 'name', message: 'Give the measure a name, for example "Feeling connected".' },
    { field: 'items', message: 'Add at least one question, one per line.' },
    { field: 'min', message: 'The lowest answer must be a whole number, for example 0 or 1.' },
    { field: 'max', message: 'The highest answer must be a whole number, for example 5 or 10.' },
    { field: 'scoring', message: 'Choose how to combine answers: add them up (sum) or average them (mean).' },
    { field: 'direction', message: 'Say whether a higher score is better or worse.' },
  ]);
});

test('the answer scale must run upwards over at most 21 points', () => {
  const backwards = buildCustomMeasureDefinition({ ...form, min: 5, max: 1 });
  assert.deepEqual(!backwards.ok && backwards.errors, [
    { field: 'max', message: 'The highest answer (1) must be above the lowest (5).' },
  ]);
  const tooWide = buildCustomMeasureDefinition({ ...form, min: 0, max: 100 });
  assert.deepEqual(!tooWide.ok && tooWide.errors, [
    { field: 'max', message: 'Answers can run over at most 21 points (for example 0 to 20).' },
  ]);
});
