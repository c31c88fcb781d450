// Every calendar file is parsed back with ical.js, which resolves the VTIMEZONE itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { buildCalendar, type CalendarEvent } from './ics.ts';
import { fromUkWallClock } from './uk-time.ts';

const uk = (date: string, time: string) => {
  const r = fromUkWallClock(date, time);
  if (!r.ok) throw new Error('bad time');
  return r.at;
};

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: '0b6f9f4e-0000-4000-8000-000000000001',
  sequence: 0,
  title: 'Recovery walk, with tea after; all welcome',
  description: 'Line one\nLine two, with a comma',
  starts: uk('2026-10-25', '19:00'),
  ends: uk('2026-10-25', '21:00'),
  location: 'The Hub, 1 High Street, Leeds LS1 1AA',
  url: 'http://localhost:3000/events/x',
  cancelled: false,
  updatedAt: new Date('2026-09-01T10:00:00Z'),
  ...over,
});

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}

test('the last Sunday of October and of March at 19:00 UK time come out at the right instants', () => {
  const text = buildCalendar({
    name: 'Test',
    host: 'example.org',
    method: 'PUBLISH',
    events: [
      event(),
      event({
        id: '0b6f9f4e-0000-4000-8000-000000000002',
        starts: uk('2027-03-28', '19:00'),
        ends: uk('2027-03-28', '20:30'),
      }),
    ],
  });
  const comp = parse(text);
  assert.equal(comp.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(comp.getAllSubcomponents('vtimezone')[0]?.getFirstPropertyValue('tzid'), 'Europe/London');
  const [oct, mar] = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(oct!.startDate.toJSDate().toISOString(), '2026-10-25T19:00:00.000Z');
  assert.equal(oct!.endDate.toJSDate().toISOString(), '2026-10-25T21:00:00.000Z');
  assert.equal(mar!.startDate.toJSDate().toISOString(), '2027-03-28T18:00:00.000Z');
  assert.equal(oct!.startDate.zone.tzid, 'Europe/London');
  assert.equal(oct!.uid, 'event-0b6f9f4e-0000-4000-8000-000000000001@example.org');
  assert.equal(oct!.summary, 'Recovery walk, with tea after; all welcome');
  assert.equal(oct!.description, 'Line one\nLine two, with a comma');
  assert.match(text, /DTSTAMP:\d{8}T\d{6}Z/);
  assert.match(text, /DTSTART;TZID=Europe\/London:20261025T190000/);
});

test('an event over two days keeps both ends', () => {
  const comp = parse(
    buildCalendar({
      name: 'T',
      host: 'h',
      method: 'PUBLISH',
      events: [event({ starts: uk('2026-07-03', '10:00'), ends: uk('2026-07-04', '16:00') })],
    }),
  );
  const e = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  assert.equal(e.startDate.toJSDate().toISOString(), '2026-07-03T09:00:00.000Z');
  assert.equal(e.endDate.toJSDate().toISOString(), '2026-07-04T15:00:00.000Z');
});

test('an update keeps the UID and raises SEQUENCE; a cancellation parses as cancelled', () => {
  const first = new ICAL.Event(
    parse(buildCalendar({ name: 'T', host: 'h', method: 'PUBLISH', events: [event()] })).getFirstSubcomponent(
      'vevent',
    )!,
  );
  const updated = new ICAL.Event(
    parse(
      buildCalendar({ name: 'T', host: 'h', method: 'PUBLISH', events: [event({ sequence: 1 })] }),
    ).getFirstSubcomponent('vevent')!,
  );
  assert.equal(updated.uid, first.uid);
  assert.equal(updated.sequence, first.sequence + 1);
  const cancelText = buildCalendar({
    name: 'T',
    host: 'h',
    method: 'CANCEL',
    events: [event({ sequence: 2, cancelled: true })],
    organizer: { name: 'Hub', email: 'no-reply@example.org' },
    attendee: { name: 'Sam', email: 'sam@example.org' },
  });
  const cancelled = parse(cancelText);
  assert.equal(cancelled.getFirstPropertyValue('method'), 'CANCEL');
  const v = cancelled.getFirstSubcomponent('vevent')!;
  assert.equal(v.getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(new ICAL.Event(v).uid, first.uid);
  assert.equal(new ICAL.Event(v).sequence, 2);
  assert.ok(v.getFirstProperty('organizer'));
});

test('angle brackets never reach a calendar app as markup', () => {
  const text = buildCalendar({
    name: 'T',
    host: 'h',
    method: 'PUBLISH',
    events: [event({ title: '<script>x</script>', description: '<img src=x>' })],
  });
  assert.doesNotMatch(text, /<script|<img/);
  assert.match(text, /SUMMARY:\u2039script\u203ax/);
});

test('line breaks and quotes in hostile text never add lines, events or attendees', () => {
  const text = buildCalendar({
    name: 'Walk\r\nX-INJECTED:1',
    host: 'h',
    method: 'REQUEST',
    events: [
      event({
        title: 'A\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil',
        description: 'one\r\nEND:VEVENT\u0000two',
        location: 'Hall\nATTACH:http://evil',
      }),
    ],
    organizer: { name: 'Hub "x";SENT-BY="mailto:evil@x"', email: 'no-reply@example.org' },
    attendee: { name: 'Sam "x";ROLE=CHAIR:mailto:evil@x\r\nX-INJECTED:2', email: 'sam@example.org' },
  });
  assert.doesNotMatch(text, /^X-INJECTED/m);
  assert.doesNotMatch(text, /^ATTACH/m);
  const comp = parse(text);
  const events = comp.getAllSubcomponents('vevent');
  assert.equal(events.length, 1);
  const v = events[0]!;
  assert.equal(v.getFirstPropertyValue('summary'), 'A END:VEVENT BEGIN:VEVENT SUMMARY:evil');
  assert.equal(v.getFirstPropertyValue('description'), 'one\nEND:VEVENT two');
  const attendees = v.getAllProperties('attendee');
  assert.equal(attendees.length, 1);
  assert.equal(attendees[0]!.getFirstValue(), 'MAILTO:sam@example.org');
  assert.equal(attendees[0]!.getParameter('cn'), 'Sam \u201dx\u201d;ROLE=CHAIR:mailto:evil@x X-INJECTED:2');
  assert.equal(attendees[0]!.getParameter('role'), 'REQ-PARTICIPANT');
  assert.equal(v.getFirstProperty('organizer')!.getFirstValue(), 'mailto:no-reply@example.org');
  assert.equal(comp.getAllProperties('x-injected').length, 0);
});

test('a start in the repeated October hour is written in UTC, so every app reads the first 01:30', () => {
  const comp = parse(
    buildCalendar({
      name: 'T',
      host: 'h',
      method: 'PUBLISH',
      events: [event({ starts: uk('2030-10-27', '01:30'), ends: uk('2030-10-27', '03:00') })],
    }),
  );
  const e = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  assert.equal(e.startDate.toJSDate().toISOString(), '2030-10-27T00:30:00.000Z');
  assert.equal(e.endDate.toJSDate().toISOString(), '2030-10-27T03:00:00.000Z');
});
