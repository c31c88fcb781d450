// The core journey through HTTP: an organiser creates an event, people book without an account,
// the waiting list moves when someone can't come, the register, feedback, and hostile input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { insertEvent } from '../events.repository.ts';
import { listConsentedFeedbackComments } from '../index.ts';
import { expireOffers } from '../registration.service.ts';
import { booking, depsOf, fields } from './helpers.ts';
import type { RegistrationStatus } from '../registrations.repository.ts';

type Outbox = {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}[];

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let other: Awaited<ReturnType<typeof buildOrg>>;
let lead: Awaited<ReturnType<typeof buildPerson>>;
let otherLead: Awaited<ReturnType<typeof buildPerson>>;

before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Hope Street Recovery' });
  other = await buildOrg(t.database.db, { name: 'Another Org' });
  lead = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  otherLead = await buildPerson(t.database.db, { memberships: [{ orgId: other.id, role: 'lead' }] });
});
after(async () => t.close());

const outbox = async () => (await t.mailer.outbox(500)) as unknown as Outbox;
const mailTo = async (email: string) => {
  const m = (await outbox()).find((x) => x.to === email);
  assert.ok(m, `a mail to ${email}`);
  return m;
};
const bookingPathIn = (text: string) => /\/events\/r\/[A-Za-z0-9_-]+/.exec(text)![0];
const count = async (eventId: string, status: RegistrationStatus) =>
  Number(
    (
      await t.database.db
        .selectFrom('event_registrations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('event_id', '=', eventId)
        .where('status', '=', status)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('events: the whole journey', () => {
  let eventId: string;
  const anon = () => new Client(t.app);

  test('a lead creates an event through the form; it is on the public list', async () => {
    const c = new Client(t.app);
    await c.signInAs(t.database.db, lead.id);
    assert.equal((await c.get(`/orgs/${org.slug}/events/new`)).statusCode, 200);
    const bad = await c.post(`/orgs/${org.slug}/events/new`, {
      title: '',
      kind: 'in_person',
      audience: 'anyone',
      start_date: '2026-03-29',
      start_time: '01:30',
      max_places: '2',
      hold_hours: '48',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter a title/);
    assert.match(bad.body, /skipped when the clocks go forward/);
    const res = await c.post(`/orgs/${org.slug}/events/new`, {
      title: 'Recovery walk <script>x</script>',
      description: 'Bring **boots**.',
      kind: 'in_person',
      venue_name: 'The Hub',
      venue_address: '1 High St',
      venue_postcode: 'LS1 1AA',
      start_date: '2030-10-27',
      start_time: '19:00',
      end_time: '21:00',
      capacity_in_person: '2',
      audience: 'anyone',
      max_places: '2',
      hold_hours: '48',
      reminders: '7, 1',
    });
    assert.equal(res.statusCode, 303, res.body);
    eventId = /events\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const list = await anon().get('/events');
    assert.match(list.body, /Recovery walk &lt;script>x&lt;\/script>/);
    const page = await anon().get(`/events/${eventId}`);
    assert.match(page.body, /Sunday 27 October 2030, 7pm to 9pm/);
    assert.match(page.body, /<strong>boots<\/strong>/);
    assert.match(page.body, /2 places left/);
  });

  test('booking without an account, with an access need: email with a calendar file; the need stays private', async () => {
    const c = anon();
    await c.get(`/events/${eventId}`);
    const res = await c.post(
      `/events/${eventId}/book`,
      booking('Ana Able', { access_needs: 'Step-free access please' }),
    );
    assert.equal(res.statusCode, 303);
    const mail = await mailTo('ana.able@test.example');
    assert.match(mail.subject, /You're booked/);
    const ics = mail.attachments?.find((a) => a.filename === 'event.ics');
    assert.ok(ics, 'the .ics is attached');
    assert.match(ics.contentType, /method=REQUEST/);
    const comp = new ICAL.Component(ICAL.parse(ics.content));
    for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    assert.equal(ev.startDate.toJSDate().toISOString(), '2030-10-27T19:00:00.000Z');
    const mine = await c.get(bookingPathIn(mail.text));
    assert.match(mine.body, /You're booked/);
    // the access need is not on the public page, nor in the public calendar
    assert.doesNotMatch((await anon().get(`/events/${eventId}`)).body, /Step-free/);
    assert.doesNotMatch((await anon().get(`/events/${eventId}/calendar.ics`)).body, /Step-free/);
    assert.doesNotMatch((await anon().get('/events/calendar.ics')).body, /Step-free/);
    // another organisation's lead gets 404 for the organiser pages
    const stranger = new Client(t.app);
    await stranger.signInAs(t.database.db, otherLead.id);
    assert.equal((await stranger.get(`/orgs/${org.slug}/events/${eventId}`)).statusCode, 404);
    assert.equal(
      (await stranger.get(`/orgs/${other.slug}/events/${eventId}`)).statusCode,
      404,
      "another host's event looks missing",
    );
    assert.equal((await stranger.get(`/orgs/${other.slug}/events/${eventId}/register.csv`)).statusCode, 404);
    // the organiser sees it
    const lc = new Client(t.app);
    await lc.signInAs(t.database.db, lead.id);
    assert.match((await lc.get(`/orgs/${org.slug}/events/${eventId}`)).body, /Step-free access please/);
  });

  test('more places than are left: a clear message and nothing written', async () => {
    const c = anon();
    await c.get(`/events/${eventId}`);
    const res = await c.post(`/events/${eventId}/book`, booking('Greedy Group', { places: '2' }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Only 1 place is left/);
    assert.equal((await count(eventId, 'waiting')) + (await count(eventId, 'confirmed')), 1);
    const dup = await c.post(`/events/${eventId}/book`, booking('Ana Able'));
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /already booked/);
  });

  test('full: the next person waits; "can\'t come" offers the place on; a replayed link changes nothing', async () => {
    const c = anon();
    await c.get(`/events/${eventId}`);
    assert.equal((await c.post(`/events/${eventId}/book`, booking('Ben Booked'))).statusCode, 303);
    const waitRes = await c.post(`/events/${eventId}/book`, booking('Cat Waiting'));
    assert.equal(waitRes.statusCode, 303);
    assert.match((await mailTo('cat.waiting@test.example')).subject, /waiting list/);
    assert.match((await anon().get(`/events/${eventId}`)).body, /Join the waiting list/);

    const anaLink = bookingPathIn((await mailTo('ana.able@test.example')).text);
    const first = await c.post(`${anaLink}/cancel`);
    assert.equal(first.statusCode, 303);
    const offer = await mailTo('cat.waiting@test.example');
    assert.match(offer.subject, /A place is free for you/);
    assert.equal(await count(eventId, 'offered'), 1);
    const sentBefore = (await outbox()).length;
    const replay = await c.post(`${anaLink}/cancel`);
    assert.equal(replay.statusCode, 303);
    assert.match((await c.get(anaLink)).body, /already cancelled/);
    assert.equal((await outbox()).length, sentBefore, 'no more emails');
    assert.equal(await count(eventId, 'offered'), 1);
    assert.equal(await count(eventId, 'confirmed'), 1);

    const catLink = bookingPathIn(offer.text);
    assert.equal((await c.post(`${catLink}/accept`)).statusCode, 303);
    assert.match((await c.get(catLink)).body, /You're booked/);
    assert.equal(await count(eventId, 'confirmed'), 2);
  });

  test('an altered or unknown link is 404 and changes nothing', async () => {
    const c = anon();
    await c.get(`/events/${eventId}`);
    const catLink = bookingPathIn((await mailTo('cat.waiting@test.example')).text);
    const altered = catLink.slice(0, -2) + (catLink.endsWith('AA') ? 'BB' : 'AA');
    assert.equal((await c.get(altered)).statusCode, 404);
    assert.equal((await c.post(`${altered}/cancel`)).statusCode, 404);
    assert.equal((await c.get('/events/r/<script>')).statusCode, 404);
    assert.equal(await count(eventId, 'confirmed'), 2);
  });

  test("the register: search, tick, a walk-in; the CSV is formula-safe and the organiser's only", async () => {
    const c = new Client(t.app);
    await c.signInAs(t.database.db, lead.id);
    const page = await c.get(`/orgs/${org.slug}/events/${eventId}/attendance?q=cat`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Cat Waiting/);
    assert.doesNotMatch(page.body, /Ben Booked/);
    const regId = /attendance\/([0-9a-f-]{36})"/.exec(page.body)![1]!;
    assert.equal(
      (await c.post(`/orgs/${org.slug}/events/${eventId}/attendance/${regId}`, { attended: 'yes' })).statusCode,
      303,
    );
    assert.equal(
      (
        await c.post(`/orgs/${org.slug}/events/${eventId}/attendance/walk-in`, {
          name: '=HYPERLINK("http://evil")',
          places: '1',
        })
      ).statusCode,
      303,
    );
    assert.match((await c.get(`/orgs/${org.slug}/events/${eventId}/attendance`)).body, /2 here of 3 booked/);
    const csv = await c.get(`/orgs/${org.slug}/events/${eventId}/register.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
    const nobody = await anon().get(`/orgs/${org.slug}/events/${eventId}/register.csv`);
    assert.notEqual(nobody.statusCode, 200);
    assert.doesNotMatch(nobody.body, /Cat Waiting/);
  });

  test('feedback reaches the voice seam only with consent', async () => {
    await t.database.db
      .updateTable('events')
      .set({ starts_at: new Date(Date.now() - 3600_000), ends_at: new Date(Date.now() - 60_000) })
      .where('id', '=', eventId)
      .execute();
    const c = anon();
    const catLink = bookingPathIn((await mailTo('cat.waiting@test.example')).text);
    await c.get(`${catLink}/feedback`);
    const bad = await c.post(`${catLink}/feedback`, { quote_consent: 'first_name', struck_chord: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter the first name/);
    assert.equal(
      (
        await c.post(`${catLink}/feedback`, {
          rating: '5',
          struck_chord: 'Being listened to.',
          quote_consent: 'first_name',
          first_name: 'Cat',
        })
      ).statusCode,
      200,
    );
    const benLink = bookingPathIn((await mailTo('ben.booked@test.example')).text);
    await c.post(`${benLink}/feedback`, { struck_chord: 'Private words', quote_consent: 'none' });
    const comments = await listConsentedFeedbackComments(t.database.db, { orgId: org.id });
    assert.deepEqual(
      comments.map((x) => [x.text, x.attribution]),
      [['Being listened to.', { kind: 'first_name', firstName: 'Cat' }]],
    );
  });
});

describe('events: hostile and edge cases', () => {
  test('booking after closing: a clear message and nothing written', async () => {
    const id = await insertEvent(
      t.database.db,
      org.id,
      null,
      fields({ registration_closes_at: new Date(Date.now() - 60_000) }),
    );
    const c = new Client(t.app);
    await c.get(`/events/${id}`);
    const res = await c.post(`/events/${id}/book`, booking('Late Larry'));
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Booking for this event has closed/);
    assert.equal((await count(id, 'confirmed')) + (await count(id, 'waiting')), 0);
  });

  test('a members-only event is missing to outsiders and refuses their bookings', async () => {
    const id = await insertEvent(t.database.db, org.id, null, fields({ audience: 'network' }));
    const c = new Client(t.app);
    await c.get('/events');
    assert.equal((await c.get(`/events/${id}`)).statusCode, 404);
    assert.equal((await c.post(`/events/${id}/book`, booking('Outside Olly'))).statusCode, 404);
    assert.doesNotMatch((await c.get('/events')).body, new RegExp(id));
    const member = new Client(t.app);
    await member.signInAs(t.database.db, otherLead.id);
    assert.equal((await member.get(`/events/${id}`)).statusCode, 200);
    assert.equal(await count(id, 'confirmed'), 0);
  });

  test('online link only for confirmed people', async () => {
    const id = await insertEvent(
      t.database.db,
      null,
      null,
      fields({
        kind: 'online',
        capacity_in_person: 0,
        capacity_online: 1,
        join_url: 'https://meet.example.org/secret-room',
        venue_name: '',
        venue_address: '',
        venue_postcode: '',
      }),
    );
    const c = new Client(t.app);
    await c.get(`/events/${id}`);
    await c.post(`/events/${id}/book`, booking('Online One', { mode: 'online' }));
    await c.post(`/events/${id}/book`, booking('Online Two', { mode: 'online' }));
    const one = await mailTo('online.one@test.example');
    const two = await mailTo('online.two@test.example');
    assert.match(one.text, /secret-room/);
    assert.match(one.attachments![0]!.content, /secret-room/);
    assert.doesNotMatch(two.text, /secret-room/);
    assert.match((await c.get(bookingPathIn(one.text))).body, /secret-room/);
    assert.doesNotMatch((await c.get(bookingPathIn(two.text))).body, /secret-room/);
    assert.doesNotMatch((await c.get(`/events/${id}`)).body, /secret-room/);
    assert.doesNotMatch((await c.get(`/events/${id}/calendar.ics`)).body, /secret-room/);
  });

  test('an offer that runs out passes to the next person', async () => {
    const deps = depsOf(t);
    const id = await insertEvent(t.database.db, org.id, null, fields({ capacity_in_person: 1, offer_hold_hours: 1 }));
    const c = new Client(t.app);
    await c.get(`/events/${id}`);
    for (const n of ['Exp One', 'Exp Two', 'Exp Three']) await c.post(`/events/${id}/book`, booking(n));
    await c.post(`${bookingPathIn((await mailTo('exp.one@test.example')).text)}/cancel`);
    assert.match((await mailTo('exp.two@test.example')).subject, /A place is free/);
    assert.equal(await expireOffers(deps, new Date(Date.now() + 2 * 3600_000)), 1);
    assert.match((await mailTo('exp.two@test.example')).subject, /passed on/);
    assert.match((await mailTo('exp.three@test.example')).subject, /A place is free/);
    const offerMail = (await outbox()).find(
      (m) => m.to === 'exp.two@test.example' && /A place is free/.test(m.subject),
    )!;
    const late = await c.post(`${bookingPathIn(offerMail.text)}/accept`);
    assert.equal(late.statusCode, 303);
    assert.equal(await count(id, 'offered'), 1);
    assert.equal(await count(id, 'confirmed'), 0);
  });

  test('changing places by the link: fewer frees them for the next person; more only while free', async () => {
    const id = await insertEvent(
      t.database.db,
      org.id,
      null,
      fields({ capacity_in_person: 3, max_places_per_registration: 3 }),
    );
    const c = new Client(t.app);
    await c.get(`/events/${id}`);
    await c.post(`/events/${id}/book`, booking('Place Group', { places: '2' }));
    await c.post(`/events/${id}/book`, booking('Place Single'));
    await c.post(`/events/${id}/book`, booking('Place Waiter'));
    const link = bookingPathIn((await mailTo('place.group@test.example')).text);
    assert.equal(await count(id, 'waiting'), 1);
    for (const [bad, message] of [
      ['abc', /whole number/],
      ['0', /Choose from 1 to 3/],
      ['4', /Choose from 1 to 3/],
    ] as const) {
      const res = await c.post(`${link}/places`, { places: bad });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, message);
    }
    assert.equal((await c.post(`${link}/places`, { places: '1' })).statusCode, 303);
    assert.match((await mailTo('place.waiter@test.example')).subject, /A place is free for you/);
    assert.equal(await count(id, 'offered'), 1);
    const more = await c.post(`${link}/places`, { places: '3' });
    assert.equal(more.statusCode, 400);
    assert.match(more.body, /No more places are free just now/);
    const rows = await t.database.db
      .selectFrom('event_registrations')
      .select(['name', 'places', 'status'])
      .where('event_id', '=', id)
      .orderBy('arrival')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.name, r.places, r.status]),
      [
        ['Place Group', 1, 'confirmed'],
        ['Place Single', 1, 'confirmed'],
        ['Place Waiter', 1, 'offered'],
      ],
    );
    const altered = link.slice(0, -2) + (link.endsWith('AA') ? 'BB' : 'AA');
    assert.equal((await c.post(`${altered}/places`, { places: '1' })).statusCode, 404);
  });

  test('cancelling an event tells the waiting list too, with METHOD:CANCEL for the booked', async () => {
    const id = await insertEvent(t.database.db, org.id, null, fields({ capacity_in_person: 1 }));
    const c = new Client(t.app);
    await c.get(`/events/${id}`);
    await c.post(`/events/${id}/book`, booking('Can Booked'));
    await c.post(`/events/${id}/book`, booking('Can Waiting'));
    const lc = new Client(t.app);
    await lc.signInAs(t.database.db, lead.id);
    await lc.get(`/orgs/${org.slug}/events/${id}`);
    const res = await lc.post(`/orgs/${org.slug}/events/${id}/cancel`, { reason: 'The hall flooded.' });
    assert.equal(res.statusCode, 303);
    const booked = await mailTo('can.booked@test.example');
    assert.match(booked.subject, /Cancelled/);
    assert.match(booked.attachments![0]!.content, /METHOD:CANCEL/);
    assert.match(booked.attachments![0]!.content, /STATUS:CANCELLED/);
    assert.match(booked.attachments![0]!.content, /SEQUENCE:1/);
    assert.match((await mailTo('can.waiting@test.example')).text, /no longer on the waiting list/);
    const feed = await c.get(`/events/calendar.ics?org=${org.slug}`);
    assert.match(feed.body, /STATUS:CANCELLED/);
    assert.equal((await c.post(`/events/${id}/book`, booking('After Cancel'))).statusCode, 409);
  });
});

test("an organiser's own questions: up to three, answered when booking, seen only by organisers, each answer kept with its question", async () => {
  const lc = new Client(t.app);
  await lc.signInAs(t.database.db, lead.id);
  const form = {
    title: 'Open day',
    kind: 'in_person',
    venue_name: 'The Hub',
    venue_address: '1 High St',
    venue_postcode: 'LS1 1AA',
    start_date: '2030-11-10',
    start_time: '10:00',
    end_time: '15:00',
    capacity_in_person: '30',
    audience: 'anyone',
    max_places: '2',
    hold_hours: '48',
    reminders: '',
  };
  const tooLong = await lc.post(`/orgs/${org.slug}/events/new`, { ...form, custom_question_2: 'x'.repeat(301) });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /A question must be 300 characters or fewer/);
  // Boxes 1 and 3 filled, box 2 empty; a fourth box nobody offered is ignored.
  const res = await lc.post(`/orgs/${org.slug}/events/new`, {
    ...form,
    custom_question_1: 'Are you bringing anyone?',
    custom_question_3: 'Anything you would like us to talk about?',
    custom_question_4: 'Smuggled question?',
  });
  assert.equal(res.statusCode, 303, res.body);
  const id = /events\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
  const stored = await t.database.db
    .selectFrom('events')
    .select('custom_questions')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(stored.custom_questions, ['Are you bringing anyone?', 'Anything you would like us to talk about?']);
  const edit = await lc.get(`/orgs/${org.slug}/events/${id}/edit`);
  assert.match(edit.body, /name="custom_question_1"[^>]*value="Are you bringing anyone\?"/);
  assert.match(edit.body, /name="custom_question_2"[^>]*value="Anything you would like us to talk about\?"/);

  // Booking: a box per question; the second answer is hostile text.
  const c = new Client(t.app);
  const page = await c.get(`/events/${id}`);
  assert.match(page.body, /Are you bringing anyone\? \(optional\)/);
  assert.match(page.body, /Anything you would like us to talk about\? \(optional\)/);
  assert.doesNotMatch(page.body, /Smuggled/);
  await c.post(
    `/events/${id}/book`,
    booking('Quin Asked', { custom_answer_1: 'My sister', custom_answer_2: '<script>alert(1)</script> peer support' }),
  );
  const answers = await t.database.db
    .selectFrom('event_registrations')
    .select('custom_answers')
    .where('event_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(answers.custom_answers, [
    { question: 'Are you bringing anyone?', answer: 'My sister' },
    { question: 'Anything you would like us to talk about?', answer: '<script>alert(1)</script> peer support' },
  ]);
  const organiser = await lc.get(`/orgs/${org.slug}/events/${id}`);
  assert.match(organiser.body, /Answers to your questions/);
  assert.match(organiser.body, /Are you bringing anyone\? <em>My sister<\/em>/);
  assert.match(organiser.body, /&lt;script>alert\(1\)&lt;\/script> peer support/);
  assert.doesNotMatch((await new Client(t.app).get(`/events/${id}`)).body, /My sister/, 'answers are not public');
  const csv = (await lc.get(`/orgs/${org.slug}/events/${id}/register.csv`)).body;
  assert.match(csv, /How they heard,Are you bringing anyone\?,Anything you would like us to talk about\?/);
  assert.match(csv, /My sister,<script>alert\(1\)<\/script> peer support/);

  // The organiser rewords the first question: the answer to the second stays with it, the first starts again.
  await lc.post(`/orgs/${org.slug}/events/${id}/edit`, {
    ...form,
    custom_question_1: 'Will anyone come with you?',
    custom_question_2: 'Anything you would like us to talk about?',
  });
  const mail = await mailTo('quin.asked@test.example');
  const mine = await c.get(bookingPathIn(mail.text));
  assert.match(mine.body, /name="custom_answer_1"[^>]*>\s*<\/textarea>/);
  assert.match(mine.body, /name="custom_answer_2"[^>]*>&lt;script>alert\(1\)&lt;\/script> peer support<\/textarea>/);
  const changed = await c.post(`${bookingPathIn(mail.text)}/answers`, {
    access_needs: '',
    dietary_needs: '',
    custom_answer_1: 'Yes, one friend',
    custom_answer_2: 'Housing',
  });
  assert.equal(changed.statusCode, 303);
  const after = await t.database.db
    .selectFrom('event_registrations')
    .select('custom_answers')
    .where('event_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(after.custom_answers, [
    { question: 'Will anyone come with you?', answer: 'Yes, one friend' },
    { question: 'Anything you would like us to talk about?', answer: 'Housing' },
  ]);
});
