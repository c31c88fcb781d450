import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printText } from './pack.pdf.ts';

test('a hyphen before a number prints as a minus sign; ranges, words and dates keep theirs', () => {
  assert.equal(printText('-0.50 (-1.2 to 0.3)'), '−0.50 (−1.2 to 0.3)');
  assert.equal(printText('change = -3, d/-2'), 'change = −3, d/−2');
  assert.equal(printText('2025-26, follow-up, 1-2 people, ONS4-1'), '2025-26, follow-up, 1-2 people, ONS4-1');
});
