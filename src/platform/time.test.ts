import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInUk, ukDate } from './time.ts';

test("today is the UK's date: after midnight in summer it is already tomorrow, though UTC disagrees", () => {
  assert.equal(todayInUk(new Date('2026-07-01T23:30:00Z')), '2026-07-02'); // 00:30 BST
  assert.equal(todayInUk(new Date('2026-07-01T22:59:59Z')), '2026-07-01'); // 23:59 BST
  assert.equal(todayInUk(new Date('2026-12-31T23:30:00Z')), '2026-12-31'); // GMT: UTC agrees
  assert.equal(ukDate(new Date('2026-03-29T00:59:59Z')), '2026-03-29'); // the night the clocks go forward
});
