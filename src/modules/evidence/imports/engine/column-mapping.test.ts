import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMapping, similarity, suggestMapping } from './column-mapping.ts';
import { ACTIVITIES_SCHEMA, PARTICIPANTS_SCHEMA, schemaFor } from './target-schemas.ts';
import { SHIPPED_INSTRUMENTS } from '../../domain/shipped-instruments.ts';

test('loose heading matches', () => {
  assert.equal(similarity('Timepoint', 'time point'), 0.95);
  assert.equal(similarity('Time-point', 'time point'), 1);
  assert.equal(similarity('Date (dd/mm/yyyy)', 'date'), 1);
  assert.equal(similarity('Participant code for LERO', 'participant code'), 0.8);
  assert.ok(similarity('Attendence', 'attendance') >= 0.75, 'a typo still matches');
  assert.ok(similarity('Last name', 'name') < 0.75, 'one shared word is not enough');
  assert.equal(similarity('Postcode', 'code'), 0);
});

test('suggestions use each heading once and say what is missing', () => {
  const suggestion = suggestMapping(['Session date', 'Type', 'Attendees', 'Notes'], ACTIVITIES_SCHEMA);
  assert.deepEqual(suggestion.mapping, { date: 'Session date', activity_type: 'Type', attendance: 'Attendees' });
  assert.deepEqual(suggestion.unmappedHeaders, ['Notes']);
  assert.deepEqual(suggestion.missingRequired, []);
  const partial = suggestMapping(['Name', 'Notes'], PARTICIPANTS_SCHEMA);
  assert.deepEqual(partial.mapping, { first_name: 'Name' });
  assert.deepEqual(partial.missingRequired, ['code', 'consent_record']);
});

test('assessment item columns are recognised by question text, ONS measure names and numbered headings', () => {
  const schema = schemaFor('assessments', SHIPPED_INSTRUMENTS);
  const suggestion = suggestMapping(
    ['ID', 'Tool', 'Date', 'Overall, how happy did you feel yesterday?', 'Anxious', 'BARC-10 Q3', 'barc10_4'],
    schema,
  );
  assert.deepEqual(suggestion.mapping, {
    participant_code: 'ID',
    instrument: 'Tool',
    date: 'Date',
    ons4_happy: 'Overall, how happy did you feel yesterday?',
    ons4_anxious: 'Anxious',
    barc10_3: 'BARC-10 Q3',
    barc10_4: 'barc10_4',
  });
});

test('a mapping is a plain JSON object that survives being saved and loaded', () => {
  const suggestion = suggestMapping(['Date', 'Activity', 'Attendance'], ACTIVITIES_SCHEMA);
  const restored = JSON.parse(JSON.stringify(suggestion.mapping));
  assert.deepEqual(checkMapping(restored, ['Date', 'Activity', 'Attendance'], ACTIVITIES_SCHEMA), []);
});

test('checkMapping explains every way a saved mapping can stop fitting', () => {
  const problems = checkMapping(
    { date: 'Date', activity_type: 'Date', colour: 'Colour' },
    ['Date', 'Colour'],
    ACTIVITIES_SCHEMA,
  );
  assert.deepEqual(
    problems.map((problem) => problem.problem),
    [
      "The same column is matched to both 'date' and 'activity_type'.",
      "The column is matched to 'colour', which is not something a activities import can take.",
      'No column is chosen for the attendance, which every row needs.',
    ],
  );
});
