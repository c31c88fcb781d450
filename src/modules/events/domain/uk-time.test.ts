import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWhen, fromUkWallClock, toUkWallClock } from './uk-time.ts';

const at = (date: string, time: string) => {
  const r = fromUkWallClock(date, time);
  assert.ok(r.ok, `${date} ${time} should exist`);
  return r.at.toISOString();
};

test('UK time in winter is UTC, in summer an hour ahead', () => {
  assert.equal(at('2026-01-15', '19:00'), '2026-01-15T19:00:00.000Z');
  assert.equal(at('2026-07-15', '19:00'), '2026-07-15T18:00:00.000Z');
});

test('the evening of a clock change day is on the new offset', () => {
  // last Sunday of October 2026 is the 25th (clocks go back at 02:00 BST)
  assert.equal(at('2026-10-25', '19:00'), '2026-10-25T19:00:00.000Z');
  // last Sunday of March 2026 is the 29th (clocks go forward at 01:00 GMT)
  assert.equal(at('2026-03-29', '19:00'), '2026-03-29T18:00:00.000Z');
});

test('a skipped time does not exist; a repeated one means the first', () => {
  assert.deepEqual(fromUkWallClock('2026-03-29', '01:30'), { ok: false, reason: 'does-not-exist' });
  assert.equal(at('2026-10-25', '01:30'), '2026-10-25T00:30:00.000Z');
});

test('nonsense is invalid', () => {
  for (const [d, t] of [
    ['2026-02-30', '10:00'],
    ['2026-1-1', '10:00'],
    ['2026-01-01', '24:00'],
    ['', ''],
  ]) {
    assert.equal(fromUkWallClock(d!, t!).ok, false, `${d} ${t}`);
  }
});

test('round trip and plain descriptions', () => {
  assert.deepEqual(toUkWallClock(new Date('2026-07-15T18:00:00Z')), { date: '2026-07-15', time: '19:00' });
  assert.equal(
    describeWhen(new Date('2026-10-25T19:00:00Z'), new Date('2026-10-25T21:30:00Z')),
    'Sunday 25 October 2026, 7pm to 9:30pm',
  );
  assert.equal(
    describeWhen(new Date('2026-07-03T09:00:00Z'), new Date('2026-07-04T15:00:00Z')),
    'Friday 3 July 2026, 10am to Saturday 4 July 2026, 4pm',
  );
});

test('the repeated hour in October is known; the hours around it are not', async () => {
  const { isRepeatedUkTime } = await import('./uk-time.ts');
  assert.equal(isRepeatedUkTime(new Date('2030-10-27T00:30:00Z')), true, '01:30 BST');
  assert.equal(isRepeatedUkTime(new Date('2030-10-27T01:30:00Z')), true, '01:30 GMT');
  assert.equal(isRepeatedUkTime(new Date('2030-10-26T23:59:00Z')), false, '00:59 BST');
  assert.equal(isRepeatedUkTime(new Date('2030-10-27T02:00:00Z')), false, '02:00 GMT');
  assert.equal(isRepeatedUkTime(new Date('2031-03-30T01:30:00Z')), false, 'March');
  assert.equal(isRepeatedUkTime(new Date('2030-07-01T01:30:00Z')), false, 'summer');
});
