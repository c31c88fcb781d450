// Calendars through HTTP: events made with the organiser's form (times typed as people say them) at 19:00 UK time on the last
// Sunday of October and of March, past midnight and across the clock change, parsed back with
// ical.js; editing and moving raise SEQUENCE and tell people; cancelling parses as cancelled;
// hostile titles never add lines to a calendar file or an email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { sendReminders } from '../jobs.ts';
import { booking, depsOf } from './helpers.ts';

type Mail = {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let lead: Client;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Clock Change Recovery' });
  const person = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  lead = new Client(t.app);
  await lead.signInAs(t.database.db, person.id);
});
after(async () => t.close());

const outbox = async () => (await t.mailer.outbox(500)) as unknown as Mail[];
const mailsTo = async (email: string) => (await outbox()).filter((m) => m.to === email);

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}
const firstEvent = (text: string) => new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);

const form = (over: Record<string, string>) => ({
  title: 'Evening meeting',
  description: 'All welcome.',
  kind: 'in_person',
  venue_name: 'The Hub',
  venue_address: '1 High St, York',
  venue_postcode: 'YO1 1AA',
  start_time: '19:00',
  end_time: '21:00',
  capacity_in_person: '5',
  audience: 'anyone',
  max_places: '2',
  hold_hours: '48',
  reminders: '7, 1',
  ...over,
});

async function create(over: Record<string, string>): Promise<string> {
  await lead.get(`/orgs/${org.slug}/events/new`);
  const res = await lead.post(`/orgs/${org.slug}/events/new`, form(over));
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  return /events\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
}

const ics = async (id: string) => {
  const res = await new Client(t.app).get(`/events/${id}/calendar.ics`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/calendar/);
  return res.body;
};

describe('calendars through HTTP', () => {
  test('19:00 UK time on the last Sunday of October (GMT) and of March (BST) come out at the right instants', async () => {
    const october = await create({ title: 'October evening', start_date: '2030-10-27' });
    const march = await create({ title: 'March evening', start_date: '2031-03-30' });
    const oct = firstEvent(await ics(october));
    const mar = firstEvent(await ics(march));
    assert.equal(oct.startDate.toJSDate().toISOString(), '2030-10-27T19:00:00.000Z');
    assert.equal(oct.endDate.toJSDate().toISOString(), '2030-10-27T21:00:00.000Z');
    assert.equal(mar.startDate.toJSDate().toISOString(), '2031-03-30T18:00:00.000Z');
    assert.equal(mar.endDate.toJSDate().toISOString(), '2031-03-30T20:00:00.000Z');
    assert.equal(oct.startDate.zone.tzid, 'Europe/London');
    const text = await ics(october);
    assert.match(text, /METHOD:PUBLISH/);
    assert.match(text, /DTSTAMP:\d{8}T\d{6}Z/);
    assert.equal(parse(text).getAllSubcomponents('vtimezone').length, 1);
    // the page says the same in words
    assert.match((await new Client(t.app).get(`/events/${march}`)).body, /Sunday 30 March 2031, 7pm to 9pm/);
  });

  test('times typed as people say them ("7pm", "9.30pm", "10am", "11.30") land where they mean; nonsense is refused', async () => {
    const evening = await create({
      title: 'Said evening',
      start_date: '2030-11-14',
      start_time: '7pm',
      end_time: '9.30pm',
    });
    const e = firstEvent(await ics(evening));
    assert.equal(e.startDate.toJSDate().toISOString(), '2030-11-14T19:00:00.000Z');
    assert.equal(e.endDate.toJSDate().toISOString(), '2030-11-14T21:30:00.000Z');
    const morning = await create({
      title: 'Said morning',
      start_date: '2030-07-04',
      start_time: '10am',
      end_time: '11.30',
    });
    assert.match((await new Client(t.app).get(`/events/${morning}`)).body, /Thursday 4 July 2030, 10am to 11:30am/);
    await lead.get(`/orgs/${org.slug}/events/new`);
    const nonsense = await lead.post(
      `/orgs/${org.slug}/events/new`,
      form({ title: 'Not a time', start_date: '2030-07-04', start_time: 'teatime' }),
    );
    assert.equal(nonsense.statusCode, 400);
    assert.match(nonsense.body, /like 2026-10-25 and 7pm/);
  });

  test('past midnight, and across the October change: the right number of real hours', async () => {
    const late = await create({
      title: 'Late one',
      start_date: '2030-07-12',
      start_time: '22:00',
      end_date: '2030-07-13',
      end_time: '01:00',
    });
    const l = firstEvent(await ics(late));
    assert.equal(l.startDate.toJSDate().toISOString(), '2030-07-12T21:00:00.000Z');
    assert.equal(l.endDate.toJSDate().toISOString(), '2030-07-13T00:00:00.000Z');
    // 23:00 BST on Saturday to 02:00 GMT on Sunday: four real hours, not three
    const across = await create({
      title: 'Across the change',
      start_date: '2030-10-26',
      start_time: '23:00',
      end_date: '2030-10-27',
      end_time: '02:00',
    });
    const a = firstEvent(await ics(across));
    assert.equal(a.endDate.toJSDate().getTime() - a.startDate.toJSDate().getTime(), 4 * 3600_000);
    // the repeated 01:30 in October is the first one (BST); the skipped 01:30 in March is refused
    const repeated = await create({
      title: 'Repeated hour',
      start_date: '2030-10-27',
      start_time: '01:30',
      end_time: '03:00',
    });
    assert.equal(
      firstEvent(await ics(repeated))
        .startDate.toJSDate()
        .toISOString(),
      '2030-10-27T00:30:00.000Z',
    );
    await lead.get(`/orgs/${org.slug}/events/new`);
    const skipped = await lead.post(
      `/orgs/${org.slug}/events/new`,
      form({ start_date: '2031-03-30', start_time: '01:30', end_time: '03:00' }),
    );
    assert.equal(skipped.statusCode, 400);
    assert.match(skipped.body, /skipped when the clocks go forward/);
    // an end before the start on the same day is a clear message, not a guess
    const backwards = await lead.post(
      `/orgs/${org.slug}/events/new`,
      form({ start_date: '2030-07-12', start_time: '22:00', end_time: '01:00' }),
    );
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /The end must be after the start/);
  });

  test('an edit raises SEQUENCE and tells people; a move tells them the new date; a cancellation parses as cancelled', async () => {
    const id = await create({ title: 'Summer social', start_date: '2030-06-01', capacity_in_person: '1' });
    const anon = new Client(t.app);
    await anon.get(`/events/${id}`);
    assert.equal((await anon.post(`/events/${id}/book`, booking('Seq Booked'))).statusCode, 303);
    assert.equal((await anon.post(`/events/${id}/book`, booking('Seq Waiting'))).statusCode, 303);
    const uid = firstEvent(await ics(id)).uid;
    assert.equal(firstEvent(await ics(id)).sequence, 0);

    // a change that matters: a new venue
    await lead.get(`/orgs/${org.slug}/events/${id}/edit`);
    const edit = await lead.post(
      `/orgs/${org.slug}/events/${id}/edit`,
      form({ title: 'Summer social', start_date: '2030-06-01', capacity_in_person: '1', venue_name: 'The Park Café' }),
    );
    assert.equal(edit.statusCode, 303);
    const edited = firstEvent(await ics(id));
    assert.equal(edited.uid, uid);
    assert.equal(edited.sequence, 1);
    const changedMail = (await mailsTo('seq.booked@test.example')).find((m) => m.subject.startsWith('Changed'))!;
    assert.ok(changedMail, 'the booked person is told');
    assert.match(changedMail.attachments![0]!.contentType, /method=REQUEST/);
    assert.equal(firstEvent(changedMail.attachments![0]!.content).sequence, 1);

    // a change that doesn't (the hold hours): no SEQUENCE, no email
    const before = (await outbox()).length;
    await lead.post(
      `/orgs/${org.slug}/events/${id}/edit`,
      form({
        title: 'Summer social',
        start_date: '2030-06-01',
        capacity_in_person: '1',
        venue_name: 'The Park Café',
        hold_hours: '24',
      }),
    );
    assert.equal(firstEvent(await ics(id)).sequence, 1);
    assert.equal((await outbox()).length, before);

    // capacity below what is booked: refused, nothing changed
    const tooSmall = await lead.post(
      `/orgs/${org.slug}/events/${id}/edit`,
      form({ title: 'Summer social', start_date: '2030-06-01', capacity_in_person: '0', venue_name: 'The Park Café' }),
    );
    assert.equal(tooSmall.statusCode, 400);
    const row = await t.database.db
      .selectFrom('events')
      .select(['capacity_in_person', 'sequence'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { capacity_in_person: 1, sequence: 1 });

    // moved to a new date (postponed): same UID, SEQUENCE 2, the new instant, everyone told
    assert.equal((await lead.get(`/orgs/${org.slug}/events/${id}/move`)).statusCode, 200);
    const past = await lead.post(`/orgs/${org.slug}/events/${id}/move`, {
      start_date: '2020-01-01',
      start_time: '19:00',
      end_time: '20:00',
    });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /still to come/);
    const moved = await lead.post(`/orgs/${org.slug}/events/${id}/move`, {
      start_date: '2030-06-08',
      start_time: '19:00',
      end_time: '21:00',
      message: 'The hall was double booked.',
    });
    assert.equal(moved.statusCode, 303);
    const m = firstEvent(await ics(id));
    assert.equal(m.uid, uid);
    assert.equal(m.sequence, 2);
    assert.equal(m.startDate.toJSDate().toISOString(), '2030-06-08T18:00:00.000Z');
    const newDate = (await mailsTo('seq.booked@test.example')).find((x) => x.subject.startsWith('New date'))!;
    assert.match(newDate.text, /moved to a new date\. It was going to be on Sat 1 Jun 2030, 7pm/);
    assert.match(newDate.text, /double booked/);
    assert.match(newDate.text, /Saturday 8 June 2030, 7pm to 9pm/);
    assert.equal(
      firstEvent(newDate.attachments![0]!.content).startDate.toJSDate().toISOString(),
      '2030-06-08T18:00:00.000Z',
    );
    const waitingMail = (await mailsTo('seq.waiting@test.example')).find((x) => x.subject.startsWith('New date'))!;
    assert.match(waitingMail.text, /still on the waiting list/);
    assert.equal(waitingMail.attachments, undefined, 'no calendar entry for someone without a place');
    assert.match((await anon.get(`/events/${id}`)).body, /This event has moved from Sat 1 Jun 2030, 7pm/);

    // cancelled: METHOD:CANCEL for the booked, STATUS:CANCELLED in the public file and the feed
    await lead.get(`/orgs/${org.slug}/events/${id}`);
    assert.equal((await lead.post(`/orgs/${org.slug}/events/${id}/cancel`, { reason: 'Rain.' })).statusCode, 303);
    const cancelMail = (await mailsTo('seq.booked@test.example')).find((x) => x.subject.startsWith('Cancelled'))!;
    const cancelCal = parse(cancelMail.attachments![0]!.content);
    assert.equal(cancelCal.getFirstPropertyValue('method'), 'CANCEL');
    assert.match(cancelMail.attachments![0]!.contentType, /method=CANCEL/);
    const cv = cancelCal.getFirstSubcomponent('vevent')!;
    assert.equal(cv.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(new ICAL.Event(cv).uid, uid);
    assert.equal(new ICAL.Event(cv).sequence, 3);
    assert.equal(
      parse(await ics(id))
        .getFirstSubcomponent('vevent')!
        .getFirstPropertyValue('status'),
      'CANCELLED',
    );
    const feed = parse((await anon.get(`/events/calendar.ics?org=${org.slug}`)).body);
    const inFeed = feed.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).uid === uid)!;
    assert.ok(inFeed, 'the feed keeps the cancelled event');
    assert.equal(inFeed.getFirstPropertyValue('status'), 'CANCELLED');
    // a cancelled event cannot be moved
    assert.equal(
      (
        await lead.post(`/orgs/${org.slug}/events/${id}/move`, {
          start_date: '2030-07-08',
          start_time: '19:00',
          end_time: '21:00',
        })
      ).statusCode,
      409,
    );
  });

  test('a move sends the reminders again for the new date, once each', async () => {
    const id = await create({ title: 'Reminder mover', start_date: '2030-09-10' });
    const anon = new Client(t.app);
    await anon.get(`/events/${id}`);
    await anon.post(`/events/${id}/book`, booking('Remi Mover'));
    const deps = depsOf(t);
    const reminders = async () =>
      (await mailsTo('remi.mover@test.example')).filter((m) => m.subject.startsWith('Coming up')).length;
    const first = new Date('2030-09-09T12:00:00Z');
    assert.equal(await sendReminders(deps, first), 1);
    assert.equal(await sendReminders(deps, first), 0);
    await lead.get(`/orgs/${org.slug}/events/${id}/move`);
    assert.equal(
      (
        await lead.post(`/orgs/${org.slug}/events/${id}/move`, {
          start_date: '2030-09-20',
          start_time: '19:00',
          end_time: '21:00',
        })
      ).statusCode,
      303,
    );
    assert.equal(await sendReminders(deps, new Date('2030-09-19T12:00:00Z')), 1, 'the 1-day reminder for the new date');
    assert.equal(await reminders(), 2);
  });

  test('hostile titles and names never add lines to a calendar file, an email subject or an attendee', async () => {
    const id = await create({
      title: 'Walk\r\nX-INJECTED:1\r\nBEGIN:VEVENT',
      start_date: '2030-08-01',
      description: 'Fine <script>alert(1)</script>\r\nEND:VCALENDAR',
    });
    const text = await ics(id);
    assert.doesNotMatch(text, /^X-INJECTED/m);
    assert.doesNotMatch(text, /<script/);
    const comp = parse(text);
    assert.equal(comp.getAllSubcomponents('vevent').length, 1);
    assert.equal(
      comp.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary'),
      'Walk X-INJECTED:1 BEGIN:VEVENT',
    );
    const anon = new Client(t.app);
    await anon.get(`/events/${id}`);
    assert.equal(
      (
        await anon.post(`/events/${id}/book`, {
          ...booking('Quote Person'),
          name: 'Q "x";ROLE=CHAIR:mailto:evil@example.org\r\nBcc: evil@example.org',
        })
      ).statusCode,
      303,
    );
    const mail = (await mailsTo('quote.person@test.example'))[0]!;
    assert.doesNotMatch(mail.subject, /[\r\n]/);
    const att = parse(mail.attachments![0]!.content).getFirstSubcomponent('vevent')!.getAllProperties('attendee');
    assert.equal(att.length, 1);
    assert.equal(att[0]!.getFirstValue(), 'MAILTO:quote.person@test.example');
    assert.doesNotMatch(String(att[0]!.getParameter('cn')), /"/);
    const stored = await t.database.db
      .selectFrom('event_registrations')
      .select('name')
      .where('email', '=', 'quote.person@test.example')
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.name, /[\r\n]/);
  });
});
