// kill -9 while many people book the last places of an event at once: after the restart no more
// places are held than the event has, every booking the server acknowledged (303) is there, and
// each row is whole; booking goes on from where it stopped.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { insertEvent } from '../../src/modules/events/events.repository.ts';
import { booking, fields } from '../../src/modules/events/test/helpers.ts';
import { buildOrg } from '../support/factories.ts';
import { Browser, eventually, freshPlace, serve, usingDatabase, type Place } from './support.ts';

const CAPACITY = 20;
const PEOPLE = 60;
const places: Place[] = [];
after(async () => {
  for (const p of places) await p.destroy();
});

async function registrations(p: Place, eventId: string) {
  return usingDatabase(p, ({ db }) =>
    db
      .selectFrom('event_registrations')
      .select(['email', 'status', 'places', 'name', 'token_hash'])
      .where('event_id', '=', eventId)
      .execute(),
  );
}

function assertWithinCapacity(rows: Awaited<ReturnType<typeof registrations>>) {
  const held = rows.filter((r) => ['confirmed', 'offered', 'requested'].includes(r.status));
  assert.ok(held.reduce((n, r) => n + r.places, 0) <= CAPACITY, 'never more places held than the event has');
  assert.equal(new Set(rows.map((r) => r.email)).size, rows.length, 'no one booked twice');
  for (const r of rows) assert.ok(r.name && r.token_hash && r.places === 1, 'each row is whole');
}

test('the server killed amid concurrent bookings: within capacity, every acknowledged booking kept', async () => {
  const p = await freshPlace({ migrated: true });
  places.push(p);
  const eventId = await usingDatabase(p, async ({ db }) => {
    const org = await buildOrg(db);
    return insertEvent(db, org.id, null, fields({ capacity_in_person: CAPACITY, offer_hold_hours: 1 }));
  });
  let server = await serve(p);
  const person = (i: number) => booking(`Racer ${i}`, { wait_if_full: 'yes' });
  const acknowledged: string[] = [];
  const browser = new Browser(server.url);
  await browser.get(`/events/${eventId}`);
  const attempts = Array.from({ length: PEOPLE }, (_, i) =>
    browser.post(`/events/${eventId}/book`, person(i)).then(
      (r) => {
        if (r.status === 303) acknowledged.push(person(i).email);
        return r.status;
      },
      () => 'cut off' as const,
    ),
  );
  await eventually('some bookings are through', () => acknowledged.length >= 8);
  await server.child.kill9();
  await Promise.all(attempts);
  assert.ok(acknowledged.length < PEOPLE, 'the kill came while bookings were still arriving');

  const rows = await registrations(p, eventId);
  assertWithinCapacity(rows);
  const stored = new Set(rows.map((r) => r.email));
  for (const email of acknowledged) assert.ok(stored.has(email), `${email} was told they were booked, and is`);

  // After the restart the rest book again; those already in are told so.
  server = await serve(p);
  const again = new Browser(server.url);
  await again.get(`/events/${eventId}`);
  const answers = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) => again.post(`/events/${eventId}/book`, person(i)).then((r) => r.status)),
  );
  for (const [i, status] of answers.entries())
    assert.equal(status, stored.has(person(i).email) ? 409 : 303, `booking ${i} after the restart`);
  await server.child.stop();
  const final = await registrations(p, eventId);
  assertWithinCapacity(final);
  assert.equal(final.length, PEOPLE, 'everyone is booked or waiting, once');
  assert.equal(final.filter((r) => r.status === 'confirmed').length, CAPACITY, 'and every place is taken');
});
