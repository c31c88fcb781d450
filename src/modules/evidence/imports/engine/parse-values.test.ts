import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDecimal, parseWholeNumber } from './parse-number.ts';
import { parseChoice, YES_NO } from './parse-choice.ts';
import { AGE_BANDS } from './target-schemas.ts';
import { parseParticipantCode } from './field-values.ts';

const rules = { min: 0, max: 1000, what: 'attendance' };
const text = (result: { ok: boolean; problem?: string; howToFix?: string; value?: unknown }) =>
  result.ok ? result.value : `${result.problem} ${result.howToFix}`;

test('whole numbers', () => {
  assert.equal(text(parseWholeNumber(' 12 ', rules)), 12);
  assert.equal(text(parseWholeNumber('12.0', rules)), 12);
  assert.equal(text(parseWholeNumber('1,000', rules)), 1000);
  assert.equal(
    text(parseWholeNumber('2.5', rules)),
    "'2.5' is not a whole number. Enter the attendance as a whole number, for example 12.",
  );
  assert.equal(
    text(parseWholeNumber('twelve', rules)),
    "'twelve' is not a whole number. Enter the attendance as a whole number, for example 12.",
  );
  assert.equal(
    text(parseWholeNumber('-1', rules)),
    "'-1' is below 0, the lowest possible attendance. Check the attendance.",
  );
  assert.equal(
    text(parseWholeNumber('1001', rules)),
    "'1001' is more than 1000, the highest attendance we accept. Check the attendance.",
  );
});

test('decimals', () => {
  const hours = { min: 0, max: 100, what: 'volunteer hours' };
  assert.equal(text(parseDecimal('2.5', hours)), 2.5);
  assert.equal(text(parseDecimal('.5', hours)), 0.5);
  assert.equal(text(parseDecimal('3', hours)), 3);
  assert.equal(
    text(parseDecimal('2,5', hours)),
    "'2,5' uses a comma as the decimal point. Use a full stop instead, for example 2.5.",
  );
  assert.equal(
    text(parseDecimal('2h', hours)),
    "'2h' is not a number. Enter the volunteer hours as a number, for example 2.5.",
  );
});

test('choices ignore case, spacing and dash style', () => {
  assert.equal(text(parseChoice('  YES ', YES_NO, 'consent')), true);
  assert.equal(text(parseChoice('n', YES_NO, 'consent')), false);
  assert.equal(text(parseChoice('35 – 44', AGE_BANDS, 'the age band')), '35-44');
  assert.equal(text(parseChoice('25 TO 34', AGE_BANDS, 'the age band')), '25-34');
  assert.equal(
    text(parseChoice('Maybe', YES_NO, 'consent')),
    "'Maybe' is not one of the choices for consent. Use one of: Yes, No.",
  );
});

test('participant codes', () => {
  assert.equal(text(parseParticipantCode(' hs-0042 ')), 'HS-0042');
  assert.equal(text(parseParticipantCode('LERO/12.3_a')), 'LERO/12.3_A');
  assert.equal(
    text(parseParticipantCode('HS 42')),
    "'HS 42' is not a valid participant code. Codes use letters, digits, hyphens, underscores, dots or slashes, with no spaces, and are at most 40 characters.",
  );
});
