import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fitsNow, freePlaces, nextOffers, type Capacity, type Waiting } from './places.ts';

test('free places per mode, never negative', () => {
  const cap: Capacity = { in_person: 10, online: 5 };
  assert.deepEqual(
    freePlaces(cap, [
      { mode: 'in_person', places: 3 },
      { mode: 'online', places: 6 },
    ]),
    { in_person: 7, online: 0 },
  );
});

test('a registration fits only in its own mode', () => {
  assert.equal(fitsNow({ in_person: 2, online: 0 }, 'in_person', 2), true);
  assert.equal(fitsNow({ in_person: 2, online: 0 }, 'in_person', 3), false);
  assert.equal(fitsNow({ in_person: 2, online: 0 }, 'online', 1), false);
});

test('offers go in arrival order; a group waits whole while a smaller one behind it fits', () => {
  const waiting: Waiting[] = [
    { id: 'group-of-3', mode: 'in_person', places: 3 },
    { id: 'single', mode: 'in_person', places: 1 },
    { id: 'online', mode: 'online', places: 1 },
    { id: 'second-single', mode: 'in_person', places: 1 },
  ];
  assert.deepEqual(nextOffers({ in_person: 2, online: 1 }, waiting), ['single', 'online', 'second-single']);
  assert.deepEqual(nextOffers({ in_person: 3, online: 0 }, waiting), ['group-of-3']);
  assert.deepEqual(nextOffers({ in_person: 0, online: 0 }, waiting), []);
});

test('offers never exceed the free places (property)', () => {
  const arb = fc.record({
    free: fc.record({ in_person: fc.nat(30), online: fc.nat(30) }),
    waiting: fc.array(
      fc.record({
        mode: fc.constantFrom('in_person' as const, 'online' as const),
        places: fc.integer({ min: 1, max: 6 }),
      }),
      { maxLength: 40 },
    ),
  });
  fc.assert(
    fc.property(arb, ({ free, waiting }) => {
      const list = waiting.map((w, i) => ({ ...w, id: String(i) }));
      const offered = new Set(nextOffers(free, list));
      for (const mode of ['in_person', 'online'] as const) {
        const used = list.filter((w) => offered.has(w.id) && w.mode === mode).reduce((n, w) => n + w.places, 0);
        assert.ok(used <= free[mode]);
        // nobody left waiting could still fit in what remains
        const rest = free[mode] - used;
        assert.ok(list.every((w) => offered.has(w.id) || w.mode !== mode || w.places > rest));
      }
    }),
  );
});
