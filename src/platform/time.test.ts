import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimeOfDay, todayInUk, ukDate } from './time.ts';

test("today is the UK's date: after midnight in summer it is already tomorrow, though UTC disagrees", () => {
  assert.equal(todayInUk(new Date('2026-07-01T23:30:00Z')), '2026-07-02'); // 00:30 BST
  assert.equal(todayInUk(new Date('2026-07-01T22:59:59Z')), '2026-07-01'); // 23:59 BST
  assert.equal(todayInUk(new Date('2026-12-31T23:30:00Z')), '2026-12-31'); // GMT: UTC agrees
  assert.equal(ukDate(new Date('2026-03-29T00:59:59Z')), '2026-03-29'); // the night the clocks go forward
});

test('times of day as people type them', () => {
  const cases: [string, string | null][] = [
    ['19:00', '19:00'],
    ['7pm', '19:00'],
    ['7 PM', '19:00'],
    ['7:30pm', '19:30'],
    ['7.30pm', '19:30'],
    ['7.30 p.m.', '19:30'],
    ['10am', '10:00'],
    ['10 a.m.', '10:00'],
    ['11.30', '11:30'],
    ['9:05', '09:05'],
    ['0930', '09:30'],
    ['1930', '19:30'],
    ['19', '19:00'],
    ['  6:45pm ', '18:45'],
    ['noon', '12:00'],
    ['Midday', '12:00'],
    ['midnight', '00:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['12:30am', '00:30'],
    ['23:59', '23:59'],
    ['00:00', '00:00'],
  ];
  for (const [typed, expected] of cases) assert.equal(parseTimeOfDay(typed), expected, typed);
});

test('what is not a time of day is refused, not guessed', () => {
  for (const typed of [
    '',
    '24:00',
    '25',
    '7:60',
    '13pm',
    '0am',
    '930',
    '7:3',
    'seven',
    '7pmm',
    '19:00:00',
    '-1',
    '7;30',
  ])
    assert.equal(parseTimeOfDay(typed), null, typed);
});
