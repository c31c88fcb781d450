import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bydayString, occursOnDay, parseSchedule, scheduleSchema, toRRule } from './schedule.ts';
import type { Schedule } from './schedule.ts';
import { describeSchedule, formatUkTime, joinWithAnd } from './schedule.describe.ts';

const tuesdayEvenings: Schedule = {
  freq: 'WEEKLY',
  interval: 1,
  byday: [{ day: 'TU' }],
  opensAt: '19:00',
  closesAt: '21:00',
};
const everyOtherMonday: Schedule = {
  freq: 'WEEKLY',
  interval: 2,
  byday: [{ day: 'MO' }],
  opensAt: '10:00',
  closesAt: '12:00',
  dtstart: '2026-01-05',
};
const firstAndThirdThursday: Schedule = {
  freq: 'MONTHLY',
  interval: 1,
  byday: [
    { day: 'TH', nth: 3 },
    { day: 'TH', nth: 1 },
  ],
  opensAt: '18:30',
  closesAt: '20:00',
};

// RFC 5545 §3.3.10, limited to the parts we emit.
const RECUR_RE =
  /^FREQ=(WEEKLY|MONTHLY)(;INTERVAL=[1-9][0-9]*)?;BYDAY=([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/;

test('toRRule writes valid, canonical RFC 5545 recurrence rules', () => {
  assert.equal(toRRule(tuesdayEvenings), 'FREQ=WEEKLY;BYDAY=TU');
  assert.equal(toRRule(everyOtherMonday), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
  assert.equal(toRRule(firstAndThirdThursday), 'FREQ=MONTHLY;BYDAY=1TH,3TH');
  assert.equal(toRRule({ ...tuesdayEvenings, byday: [{ day: 'TH' }, { day: 'MO' }] }), 'FREQ=WEEKLY;BYDAY=MO,TH');
  assert.equal(
    toRRule({
      ...firstAndThirdThursday,
      interval: 2,
      byday: [
        { day: 'FR', nth: -1 },
        { day: 'MO', nth: 2 },
      ],
    }),
    'FREQ=MONTHLY;INTERVAL=2;BYDAY=2MO,-1FR',
  );
  for (const s of [tuesdayEvenings, everyOtherMonday, firstAndThirdThursday]) assert.match(toRRule(s), RECUR_RE);
});

test('bydayString matches the ORUK byday field format', () => {
  assert.equal(bydayString([{ day: 'FR' }, { day: 'TH' }]), 'TH,FR');
  assert.equal(bydayString([{ day: 'SA', nth: 1 }]), '1SA');
});

test('describeSchedule reads naturally', () => {
  assert.equal(describeSchedule(tuesdayEvenings), 'Every Tuesday, 7pm to 9pm (UK time)');
  assert.equal(describeSchedule(everyOtherMonday), 'Every other Monday, 10am to 12 noon (UK time)');
  assert.equal(
    describeSchedule(firstAndThirdThursday),
    'First and third Thursday of the month, 6:30pm to 8pm (UK time)',
  );
});

test('describeSchedule covers several days, intervals and last-of-month', () => {
  const base = { opensAt: '11:00', closesAt: '13:30' } as const;
  assert.equal(
    describeSchedule({ ...base, freq: 'WEEKLY', interval: 1, byday: [{ day: 'FR' }, { day: 'MO' }, { day: 'WE' }] }),
    'Every Monday, Wednesday and Friday, 11am to 1:30pm (UK time)',
  );
  assert.equal(
    describeSchedule({
      ...base,
      freq: 'WEEKLY',
      interval: 1,
      byday: (['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((day) => ({ day })),
    }),
    'Every weekday (Monday to Friday), 11am to 1:30pm (UK time)',
  );
  assert.equal(
    describeSchedule({
      ...base,
      freq: 'WEEKLY',
      interval: 2,
      dtstart: '2026-01-05',
      byday: [{ day: 'MO' }, { day: 'WE' }],
    }),
    'Every other week on Monday and Wednesday, 11am to 1:30pm (UK time)',
  );
  assert.equal(
    describeSchedule({ ...base, freq: 'WEEKLY', interval: 3, dtstart: '2026-01-06', byday: [{ day: 'TU' }] }),
    'Every 3 weeks on Tuesday, 11am to 1:30pm (UK time)',
  );
  assert.equal(
    describeSchedule({ ...base, freq: 'MONTHLY', interval: 1, byday: [{ day: 'FR', nth: -1 }] }),
    'Last Friday of the month, 11am to 1:30pm (UK time)',
  );
  assert.equal(
    describeSchedule({
      ...base,
      freq: 'MONTHLY',
      interval: 2,
      dtstart: '2026-01-12',
      byday: [
        { day: 'WE', nth: 3 },
        { day: 'MO', nth: 2 },
      ],
    }),
    'Second Monday and third Wednesday of every other month, 11am to 1:30pm (UK time)',
  );
});

test('formatUkTime follows GOV.UK style', () => {
  assert.equal(formatUkTime('19:00'), '7pm');
  assert.equal(formatUkTime('18:30'), '6:30pm');
  assert.equal(formatUkTime('09:05'), '9:05am');
  assert.equal(formatUkTime('12:00'), '12 noon');
  assert.equal(formatUkTime('12:30'), '12:30pm');
  assert.equal(formatUkTime('00:00'), 'midnight');
  assert.equal(formatUkTime('00:30'), '12:30am');
  assert.equal(joinWithAnd([]), '');
});

test('occursOnDay powers the day filter', () => {
  assert.ok(occursOnDay(tuesdayEvenings, 'TU'));
  assert.ok(!occursOnDay(tuesdayEvenings, 'WE'));
  assert.ok(occursOnDay(firstAndThirdThursday, 'TH'));
});

test('scheduleSchema accepts good input', () => {
  assert.deepEqual(parseSchedule(firstAndThirdThursday), firstAndThirdThursday);
  assert.deepEqual(parseSchedule(everyOtherMonday), everyOtherMonday);
});

test('scheduleSchema explains mistakes in plain words', () => {
  const messages = (input: unknown) => {
    const result = scheduleSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };
  assert.deepEqual(messages({ ...tuesdayEvenings, closesAt: '18:00' }), [
    'The finish time needs to be after the start time.',
  ]);
  assert.deepEqual(messages({ ...tuesdayEvenings, opensAt: '7pm' }), [
    'Please give the start time in 24-hour hours and minutes, like 19:00.',
  ]);
  assert.deepEqual(messages({ ...tuesdayEvenings, byday: [] }), ['Please choose at least one day.']);
  assert.deepEqual(messages({ ...everyOtherMonday, dtstart: undefined }), [
    'Please give the date of the first session, so we know which weeks it runs.',
  ]);
  assert.deepEqual(messages({ ...everyOtherMonday, dtstart: '2026-01-06' }), [
    'The first session should fall on one of the chosen days.',
  ]);
  assert.deepEqual(messages({ ...firstAndThirdThursday, byday: [{ day: 'TH' }] }), [
    'For a monthly session, please say which week of the month, like first or last.',
  ]);
  assert.deepEqual(messages({ ...tuesdayEvenings, byday: [{ day: 'TU', nth: 1 }] }), [
    'A weekly session runs every week, so it doesn’t need a week of the month.',
  ]);
  assert.deepEqual(messages({ ...tuesdayEvenings, validFrom: '2026-02-30' }), [
    'Please give the start date as a real date, like 2026-03-31.',
  ]);
});
