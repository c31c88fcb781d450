import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextOccurrence } from './schedule.next.ts';
import { londonOffsetMinutes, londonWallTimeToInstant, epochDayFromIso } from './london-time.ts';
import type { Schedule } from './schedule.ts';

const iso = (d: Date | undefined) => d?.toISOString();
const weekly = (day: Schedule['byday'][number]['day'], opensAt: string, closesAt: string): Schedule => ({
  freq: 'WEEKLY',
  interval: 1,
  byday: [{ day }],
  opensAt,
  closesAt,
});

// In 2026 UK clocks go forward on Sunday 29 March at 01:00 UTC and back on Sunday 25 October at 01:00 UTC.
test('London offset is 0 in winter and 60 in summer', () => {
  assert.equal(londonOffsetMinutes(new Date('2026-01-15T12:00:00Z')), 0);
  assert.equal(londonOffsetMinutes(new Date('2026-07-15T12:00:00Z')), 60);
  assert.equal(londonOffsetMinutes(new Date('2026-03-29T00:59:59Z')), 0);
  assert.equal(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z')), 60);
  assert.equal(londonOffsetMinutes(new Date('2026-10-25T00:59:59Z')), 60);
  assert.equal(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z')), 0);
});

test('7pm on Tuesdays keeps its UK time across the spring change', () => {
  const s = weekly('TU', '19:00', '21:00');
  const before = nextOccurrence(s, new Date('2026-03-20T12:00:00Z'));
  assert.equal(before?.date, '2026-03-24');
  assert.equal(iso(before?.start), '2026-03-24T19:00:00.000Z'); // GMT
  assert.equal(iso(before?.end), '2026-03-24T21:00:00.000Z');
  const after = nextOccurrence(s, new Date('2026-03-25T00:00:00Z'));
  assert.equal(after?.date, '2026-03-31');
  assert.equal(iso(after?.start), '2026-03-31T18:00:00.000Z'); // BST
});

test('and across the autumn change', () => {
  const s = weekly('TU', '19:00', '21:00');
  assert.equal(iso(nextOccurrence(s, new Date('2026-10-19T00:00:00Z'))?.start), '2026-10-20T18:00:00.000Z');
  assert.equal(iso(nextOccurrence(s, new Date('2026-10-21T00:00:00Z'))?.start), '2026-10-27T19:00:00.000Z');
});

test('times inside the clock changes resolve predictably', () => {
  // 01:30 does not exist on 29 March 2026: it becomes 02:30 BST (01:30 UTC).
  assert.equal(iso(londonWallTimeToInstant(epochDayFromIso('2026-03-29'), '01:30')), '2026-03-29T01:30:00.000Z');
  // 01:30 happens twice on 25 October 2026: we take the first, 01:30 BST (00:30 UTC).
  assert.equal(iso(londonWallTimeToInstant(epochDayFromIso('2026-10-25'), '01:30')), '2026-10-25T00:30:00.000Z');
  const sunday = nextOccurrence(weekly('SU', '01:30', '03:00'), new Date('2026-03-28T12:00:00Z'));
  assert.equal(iso(sunday?.start), '2026-03-29T01:30:00.000Z');
  assert.equal(iso(sunday?.end), '2026-03-29T02:00:00.000Z');
});

test('the UK date decides the day, not the UTC date', () => {
  // 23:30 UTC on Tuesday 30 June is already 00:30 on Wednesday 1 July in London.
  const s = weekly('WE', '00:45', '01:30');
  const next = nextOccurrence(s, new Date('2026-06-30T23:30:00Z'));
  assert.equal(next?.date, '2026-07-01');
  assert.equal(iso(next?.start), '2026-06-30T23:45:00.000Z');
});

test('a session that has just started is skipped unless asked for', () => {
  const s = weekly('TU', '19:00', '21:00');
  const from = new Date('2026-01-06T19:30:00Z');
  assert.equal(nextOccurrence(s, from)?.date, '2026-01-13');
  assert.equal(nextOccurrence(s, from, { includeInProgress: true })?.date, '2026-01-06');
  assert.equal(nextOccurrence(s, new Date('2026-01-06T19:00:00Z'))?.date, '2026-01-06');
});

test('every other Monday counts weeks from the first session', () => {
  const s: Schedule = { ...weekly('MO', '10:00', '12:00'), interval: 2, dtstart: '2026-01-05' };
  assert.equal(nextOccurrence(s, new Date('2025-12-01T00:00:00Z'))?.date, '2026-01-05');
  assert.equal(nextOccurrence(s, new Date('2026-01-06T00:00:00Z'))?.date, '2026-01-19');
  assert.equal(nextOccurrence(s, new Date('2026-01-20T00:00:00Z'))?.date, '2026-02-02');
});

test('first and third Thursday of the month', () => {
  const s: Schedule = {
    freq: 'MONTHLY',
    interval: 1,
    byday: [
      { day: 'TH', nth: 1 },
      { day: 'TH', nth: 3 },
    ],
    opensAt: '18:30',
    closesAt: '20:00',
  };
  assert.equal(iso(nextOccurrence(s, new Date('2026-01-01T00:00:00Z'))?.start), '2026-01-01T18:30:00.000Z');
  assert.equal(nextOccurrence(s, new Date('2026-01-02T00:00:00Z'))?.date, '2026-01-15');
  assert.equal(nextOccurrence(s, new Date('2026-01-16T00:00:00Z'))?.date, '2026-02-05');
  assert.equal(iso(nextOccurrence(s, new Date('2026-06-01T00:00:00Z'))?.start), '2026-06-04T17:30:00.000Z');
});

test('last Friday, and every other month', () => {
  const last: Schedule = {
    freq: 'MONTHLY',
    interval: 1,
    byday: [{ day: 'FR', nth: -1 }],
    opensAt: '12:00',
    closesAt: '14:00',
  };
  assert.equal(nextOccurrence(last, new Date('2026-01-01T00:00:00Z'))?.date, '2026-01-30');
  assert.equal(nextOccurrence(last, new Date('2026-01-31T00:00:00Z'))?.date, '2026-02-27');
  const alternate: Schedule = { ...last, interval: 2, dtstart: '2026-01-30' };
  assert.equal(nextOccurrence(alternate, new Date('2026-01-31T00:00:00Z'))?.date, '2026-03-27');
  const fifthMonday: Schedule = {
    freq: 'MONTHLY',
    interval: 1,
    byday: [{ day: 'MO', nth: 5 }],
    opensAt: '12:00',
    closesAt: '14:00',
  };
  assert.equal(nextOccurrence(fifthMonday, new Date('2026-01-01T00:00:00Z'))?.date, '2026-03-30');
});

test('validity dates bound the search', () => {
  const s = weekly('TU', '19:00', '21:00');
  assert.equal(nextOccurrence({ ...s, validTo: '2026-01-01' }, new Date('2026-02-01T00:00:00Z')), null);
  assert.equal(nextOccurrence({ ...s, validFrom: '2026-05-01' }, new Date('2026-01-01T00:00:00Z'))?.date, '2026-05-05');
  assert.equal(nextOccurrence({ ...s, validTo: '2026-01-13' }, new Date('2026-01-07T00:00:00Z'))?.date, '2026-01-13');
});
