import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInstrumentDefinition } from './parse-instrument-definition.ts';
import type { DefinitionProblem } from './instrument-definition.ts';
import { licensedWellbeingFixture } from './fixtures/load-fixture.ts';
import barc10Json from '../instruments/barc10.json' with { type: 'json' };
import ons4Json from '../instruments/ons4.json' with { type: 'json' };

function barc10(): Record<string, any> {
  return structuredClone(barc10Json) as Record<string, any>;
}

function problemsOf(json: unknown): DefinitionProblem[] {
  const result = parseInstrumentDefinition(json);
  assert.equal(result.ok, false, 'expected the definition to be rejected');
  return result.ok ? [] : result.errors;
}

test('the shipped ONS4 and BARC-10 files and the licensed test fixture are valid', () => {
  for (const json of [ons4Json, barc10Json, licensedWellbeingFixture()]) {
    const result = parseInstrumentDefinition(json);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
  }
});

test('shape problems carry a readable path', () => {
  const json = barc10();
  json.items[2].options[0].value = 'one';
  delete json.citation;
  json.surprise = true;
  const problems = problemsOf(json);
  const paths = problems.map((problem) => problem.path).sort();
  assert.deepEqual(paths, ['(definition)', 'citation', 'items[2].options[0].value']);
});

test('format_version must be 1', () => {
  const json = barc10();
  json.format_version = 2;
  assert.deepEqual(problemsOf(json), [{ path: 'format_version', message: 'must be 1' }]);
});

test('a lookup table must cover every possible raw total', () => {
  const json = licensedWellbeingFixture();
  json.scoring.table = json.scoring.table.filter((row: { raw: number }) => row.raw !== 20 && row.raw !== 21);
  assert.deepEqual(problemsOf(json), [
    {
      path: 'scoring.table',
      message: 'the table must cover every possible raw total (7 to 35), but it has no row for 20, 21',
    },
  ]);
});

test('a lookup table may not contain totals no answers can produce, nor repeat a total', () => {
  const json = licensedWellbeingFixture();
  json.scoring.table.push({ raw: 36, score: 36 }, { raw: 8, score: 7.5 });
  assert.deepEqual(problemsOf(json), [
    { path: 'scoring.table', message: 'raw total 8 appears more than once' },
    { path: 'scoring.table', message: 'the table has rows for raw totals no set of answers can produce: 36' },
  ]);
});

test('lookup scoring needs exactly one measure that uses every item', () => {
  const json = licensedWellbeingFixture();
  json.measures[0].items = json.measures[0].items.slice(0, 6);
  const problems = problemsOf(json);
  assert.ok(
    problems.some((problem) => problem.message.includes("with 'lookup' scoring the measure must use every item")),
  );
  assert.ok(
    problems.some(
      (problem) => problem.message === 'this item is not used by any measure, so its answer would never count',
    ),
  );
});

test('the declared range must match what the answers allow', () => {
  const json = barc10();
  json.measures[0].range.max = 61;
  assert.deepEqual(problemsOf(json), [
    {
      path: "measures[0] 'recovery_capital'.range",
      message: 'the range says 10 to 61, but the answers and scoring give scores from 10 to 60',
    },
  ]);
});

test('item answers must have distinct scores and distinct labels', () => {
  const json = barc10();
  json.items[0].options[1].value = 1;
  json.items[0].options[2].label = 'strongly DISAGREE';
  const messages = problemsOf(json).map((problem) => `${problem.path}: ${problem.message}`);
  assert.deepEqual(messages.slice(0, 2), [
    "items[0] 'barc10_1': two answers have the score 1; each answer needs a different score",
    "items[0] 'barc10_1': two answers are labelled 'strongly DISAGREE'; each answer needs a different label",
  ]);
});

test('bands must sit inside the range, in order, without overlapping', () => {
  const json = structuredClone(ons4Json) as Record<string, any>;
  json.measures[0].bands.bands[1].min = 4; // overlaps "low" 0-4
  json.measures[3].bands.bands[3].max = 11;
  assert.deepEqual(problemsOf(json), [
    {
      path: "measures[0] 'life_satisfaction'.bands[1] 'medium'",
      message: 'bands must be listed from lowest to highest without overlapping',
    },
    { path: "measures[3] 'anxiety'.bands[3] 'high'", message: "6 to 11 goes outside the measure's range of 0 to 10" },
  ]);
});

test('a missing reliability or reference SD must be explained', () => {
  const json = barc10();
  delete json.measures[0].psychometrics_note;
  assert.deepEqual(problemsOf(json), [
    {
      path: "measures[0] 'recovery_capital'",
      message:
        'reliability or reference_sd is null, so add a psychometrics_note saying why (for example, not found in a trustworthy source)',
    },
  ]);
});

test("'separate' scoring needs one item per measure, each item in one measure", () => {
  const json = structuredClone(ons4Json) as Record<string, any>;
  json.measures[0].items = ['ons4_satis', 'ons4_worth'];
  const messages = problemsOf(json).map((problem) => problem.message);
  assert.ok(messages.includes("with 'separate' scoring each measure is exactly one item, but this one lists 2"));
  assert.ok(
    messages.includes(
      "with 'separate' scoring item 'ons4_worth' may belong to only one measure, but 2 measures use it",
    ),
  );
});

test('measures must refer to items that exist', () => {
  const json = barc10();
  json.measures[0].items[9] = 'barc10_11';
  const messages = problemsOf(json).map((problem) => `${problem.path}: ${problem.message}`);
  assert.deepEqual(messages, [
    "measures[0] 'recovery_capital': refers to item 'barc10_11', which is not in the items list",
    "items 'barc10_10': this item is not used by any measure, so its answer would never count",
  ]);
});

test("an organisation's own measure cannot be pooled by the network", () => {
  const json = barc10();
  json.scope = 'organisation';
  assert.deepEqual(problemsOf(json), [
    {
      path: 'pooled_by_network',
      message: "an organisation's own measure cannot be pooled by the network; set pooled_by_network to false",
    },
  ]);
});

test('keys must be plain lower-case identifiers', () => {
  const json = barc10();
  json.key = 'BARC 10';
  const problems = problemsOf(json);
  assert.deepEqual(problems, [
    { path: 'key', message: 'use lower-case letters, digits and underscores, starting with a letter' },
  ]);
});
