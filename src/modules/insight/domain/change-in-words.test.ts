import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeInWords } from './change-in-words.ts';

const barc = {
  measureName: 'Recovery capital (BARC-10 total)',
  direction: 'higher_is_better',
  range: { min: 10, max: 60 },
} as const;
const anxiety = { measureName: 'Anxiety', direction: 'lower_is_better', range: { min: 0, max: 10 } } as const;

test('what moved, which way, by about how much out of the scale, and whether it is better, before the interval', () => {
  assert.equal(
    changeInWords({ ...barc, change: 6.38, ciLow: 5.86, ciHigh: 6.91, people: '395' }),
    'People’s recovery capital went up by about 6.4 points out of 50 on average between their first and latest questionnaire: an improvement (395 people; 95% confidence interval 5.9 to 6.9).',
  );
  assert.equal(
    changeInWords({
      ...anxiety,
      change: -1.49,
      ciLow: -1.66,
      ciHigh: -1.33,
      people: 'about 400',
      among: 'across 4 member organisations',
    }),
    'Across 4 member organisations, people’s anxiety went down by about 1.5 points out of 10 on average between their first and latest questionnaire: an improvement, as lower is better here (about 400 people; 95% confidence interval −1.7 to −1.3).',
  );
});

test('a change for the worse is called one; a change whose interval includes none is not claimed', () => {
  assert.match(
    changeInWords({ ...anxiety, change: 1, ciLow: 0.4, ciHigh: 1.6, people: '20' }),
    /went up by about 1 point out of 10 .*: a change for the worse, as lower is better here/,
  );
  assert.match(
    changeInWords({ ...barc, change: -0.08, ciLow: -0.27, ciHigh: 0.1, people: '405' }),
    /went down by about 0\.1 points .*: too small a change to be sure it is not chance \(405 people/,
  );
  assert.match(
    changeInWords({ ...barc, change: 0.02, ciLow: -0.2, ciHigh: 0.3, people: '12' }),
    /^People’s recovery capital stayed about the same between their first and latest questionnaire \(12 people;/,
  );
});

test('a questionnaire with one measure of the same name is named once; an end of the interval at zero is 0.0, not −0.0', () => {
  const text = changeInWords({
    measureName: 'Feeling connected',
    shortName: 'Feeling connected',
    direction: 'higher_is_better',
    range: { min: 0, max: 4 },
    change: 0.57,
    ciLow: -0.02,
    ciHigh: 1.17,
    people: '18',
  });
  assert.match(text, /^People’s feeling connected went up by about 0\.6 points out of 4 /);
  assert.match(text, /95% confidence interval 0\.0 to 1\.2\)\.$/);
  assert.match(
    changeInWords({ ...barc, shortName: 'BARC-10', change: 7.67, ciLow: 1.1, ciHigh: 14.23, people: '18' }),
    /^People’s recovery capital \(BARC-10\) went up/,
  );
});

test('ONS4 measures speak as their questions do, not as a noun', () => {
  const worthwhile = changeInWords({
    measureKey: 'worthwhile',
    measureName: 'Worthwhile',
    shortName: 'ONS4',
    direction: 'higher_is_better',
    range: { min: 0, max: 10 },
    change: 0.72,
    ciLow: -0.76,
    ciHigh: 2.21,
    people: '18',
  });
  assert.match(
    worthwhile,
    /^How worthwhile people feel the things they do are \(ONS4\) went up by about 0\.7 points out of 10/,
  );
  const anxious = changeInWords({
    ...anxiety,
    measureKey: 'anxiety',
    shortName: 'ONS4',
    change: -1.5,
    ciLow: -2,
    ciHigh: -1,
    people: '40',
    among: 'across 3 member organisations',
  });
  assert.match(anxious, /^Across 3 member organisations, how anxious people felt the day before \(ONS4\) went down/);
});
