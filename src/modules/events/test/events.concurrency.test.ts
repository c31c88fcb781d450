// Concurrent bookings and cancellations for the last places, on whichever engine the suite runs
// (PGlite by default, PostgreSQL with TEST_DATABASE_URL): never over capacity, no place lost.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg } from '../../../../test/support/factories.ts';
import { insertEvent } from '../events.repository.ts';
import { cancelRegistration, expireOffers } from '../registration.service.ts';
import { registrationToken } from '../registration-link.ts';
import { booking, depsOf, fields } from './helpers.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => t.close());

const rows = (eventId: string) =>
  t.database.db
    .selectFrom('event_registrations')
    .select(['id', 'name', 'status', 'places', 'arrival'])
    .where('event_id', '=', eventId)
    .orderBy('arrival')
    .execute();

test('50 simultaneous bookings for 20 places: 20 booked, 30 waiting in arrival order; 10 cancellations give 10 offers', async () => {
  const org = await buildOrg(t.database.db);
  const eventId = await insertEvent(
    t.database.db,
    org.id,
    null,
    fields({ capacity_in_person: 20, offer_hold_hours: 1 }),
  );
  const c = new Client(t.app);
  await c.get(`/events/${eventId}`);
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => c.post(`/events/${eventId}/book`, booking(`Racer ${i}`))),
  );
  assert.deepEqual([...new Set(results.map((r) => r.statusCode))], [303]);

  let all = await rows(eventId);
  const booked = all.filter((r) => r.status === 'confirmed');
  const waiting = all.filter((r) => r.status === 'waiting');
  assert.equal(booked.length, 20);
  assert.equal(waiting.length, 30);
  // arrival order: everyone booked got in line before everyone waiting
  const maxBooked = Math.max(...booked.map((r) => Number(r.arrival)));
  assert.ok(waiting.every((r) => Number(r.arrival) > maxBooked));

  const deps = depsOf(t);
  const cancelled = booked.slice(0, 10);
  await Promise.all(cancelled.map((r) => cancelRegistration(deps, registrationToken(t.config.sessionSecret, r.id))));
  // replays of the same links at once change nothing more
  await Promise.all(cancelled.map((r) => cancelRegistration(deps, registrationToken(t.config.sessionSecret, r.id))));
  all = await rows(eventId);
  const offered = all.filter((r) => r.status === 'offered');
  assert.equal(offered.length, 10);
  assert.deepEqual(
    offered.map((r) => r.name),
    waiting.slice(0, 10).map((r) => r.name),
    'the first ten waiting, in order',
  );
  const holding = all
    .filter((r) => ['confirmed', 'offered', 'requested'].includes(r.status))
    .reduce((n, r) => n + r.places, 0);
  assert.equal(holding, 20, 'no place lost or doubled');

  // the offers run out: they pass to the next ten
  await Promise.all([
    expireOffers(deps, new Date(Date.now() + 2 * 3600_000)),
    expireOffers(deps, new Date(Date.now() + 2 * 3600_000)),
  ]);
  all = await rows(eventId);
  assert.equal(all.filter((r) => r.status === 'expired').length, 10);
  assert.deepEqual(
    all.filter((r) => r.status === 'offered').map((r) => r.name),
    waiting.slice(10, 20).map((r) => r.name),
  );
  assert.equal(
    all.filter((r) => ['confirmed', 'offered'].includes(r.status)).reduce((n, r) => n + r.places, 0),
    20,
  );
});

test('simultaneous groups never overbook a mode', async () => {
  const org = await buildOrg(t.database.db);
  const eventId = await insertEvent(
    t.database.db,
    org.id,
    null,
    fields({ kind: 'hybrid', capacity_in_person: 7, capacity_online: 3 }),
  );
  const c = new Client(t.app);
  await c.get(`/events/${eventId}`);
  await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      c.post(
        `/events/${eventId}/book`,
        booking(`Group ${i}`, {
          places: String((i % 3) + 1),
          mode: i % 2 ? 'online' : 'in_person',
          wait_if_full: 'yes',
        }),
      ),
    ),
  );
  const all = await rows(eventId);
  const modeOf = await t.database.db
    .selectFrom('event_registrations')
    .select(['id', 'mode'])
    .where('event_id', '=', eventId)
    .execute();
  const mode = new Map(modeOf.map((r) => [r.id, r.mode]));
  for (const [m, cap] of [
    ['in_person', 7],
    ['online', 3],
  ] as const) {
    const held = all.filter((r) => r.status === 'confirmed' && mode.get(r.id) === m).reduce((n, r) => n + r.places, 0);
    assert.ok(held <= cap, `${m}: ${held} <= ${cap}`);
  }
});

test('the last place: a cancellation racing ten new bookings goes to the person already waiting', async () => {
  const org = await buildOrg(t.database.db);
  const eventId = await insertEvent(t.database.db, org.id, null, fields({ capacity_in_person: 1 }));
  const c = new Client(t.app);
  await c.get(`/events/${eventId}`);
  await c.post(`/events/${eventId}/book`, booking('Last Booked'));
  await c.post(`/events/${eventId}/book`, booking('Last Waiting'));
  const [booked] = (await rows(eventId)).filter((r) => r.status === 'confirmed');
  const deps = depsOf(t);
  const results = await Promise.all([
    cancelRegistration(deps, registrationToken(t.config.sessionSecret, booked!.id)),
    ...Array.from({ length: 10 }, (_, i) => c.post(`/events/${eventId}/book`, booking(`Late Racer ${i}`))),
  ]);
  assert.ok(results.slice(1).every((r) => (r as { statusCode: number }).statusCode === 303));
  const all = await rows(eventId);
  assert.deepEqual(
    all.filter((r) => r.status === 'offered').map((r) => r.name),
    ['Last Waiting'],
  );
  assert.equal(all.filter((r) => r.status === 'confirmed').length, 0, 'nobody jumped the line');
  assert.equal(all.filter((r) => r.status === 'waiting').length, 10);
  // and the offer taken at the same moment as a second "can't come" on the same link changes nothing more
  const waiting = all.find((r) => r.name === 'Last Waiting')!;
  const { acceptOffer } = await import('../registration.service.ts');
  await Promise.all([
    acceptOffer(deps, registrationToken(t.config.sessionSecret, waiting.id)),
    cancelRegistration(deps, registrationToken(t.config.sessionSecret, booked!.id)),
  ]);
  const after = await rows(eventId);
  assert.equal(
    after.filter((r) => ['confirmed', 'offered'].includes(r.status)).reduce((n, r) => n + r.places, 0),
    1,
    'never over capacity',
  );
});
