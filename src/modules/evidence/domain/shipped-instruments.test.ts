import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BARC10, ONS4, SHIPPED_INSTRUMENTS, findShippedInstrument } from './shipped-instruments.ts';

test('only free-to-use, network-scoped, pooled instruments are shipped', () => {
  assert.deepEqual(
    SHIPPED_INSTRUMENTS.map((definition) => definition.key),
    ['ons4', 'barc10'],
  );
  for (const definition of SHIPPED_INSTRUMENTS) {
    assert.equal(definition.licence.free_to_use, true);
    assert.equal(definition.scope, 'network');
    assert.equal(definition.pooled_by_network, true);
    assert.ok(definition.licence.attribution.length > 0);
  }
  assert.equal(findShippedInstrument('swemwbs'), undefined);
});

test('ONS4 uses the harmonised wording and an OGL v3.0 attribution', () => {
  assert.deepEqual(
    ONS4.items.map((item) => item.text),
    [
      'Overall, how satisfied are you with your life nowadays?',
      'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      'Overall, how happy did you feel yesterday?',
      'On a scale where 0 is "not at all anxious" and 10 is "completely anxious", overall, how anxious did you feel yesterday?',
    ],
  );
  assert.equal(ONS4.licence.name, 'Open Government Licence v3.0');
  assert.match(ONS4.licence.attribution, /Open Government Licence v3\.0/);
  for (const item of ONS4.items)
    assert.deepEqual(
      item.options.map((option) => option.value),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  assert.deepEqual(
    ONS4.measures.map((measure) => [measure.key, measure.direction]),
    [
      ['life_satisfaction', 'higher_is_better'],
      ['worthwhile', 'higher_is_better'],
      ['happiness', 'higher_is_better'],
      ['anxiety', 'lower_is_better'],
    ],
  );
});

test('BARC-10: ten items scored 1 (strongly disagree) to 6 (strongly agree), total 10-60, cut-off 47', () => {
  assert.equal(BARC10.items.length, 10);
  for (const item of BARC10.items) {
    assert.deepEqual(
      item.options.map((option) => option.value),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(item.options[0]?.label, 'Strongly disagree');
    assert.equal(item.options[5]?.label, 'Strongly agree');
  }
  assert.equal(BARC10.items[0]?.text, 'There are more important things to me in life than using substances.');
  assert.equal(BARC10.items[9]?.text, 'I am making good progress on my recovery journey.');
  assert.deepEqual(BARC10.measures[0]?.range, { min: 10, max: 60 });
  assert.equal(BARC10.measures[0]?.bands?.bands[1]?.min, 47);
  assert.equal(BARC10.measures[0]?.reliability?.value, 0.9);
  assert.match(BARC10.citation, /Vilsaint/);
});
