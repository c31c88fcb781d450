import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TtlCache } from './page-cache.ts';

test('a value is made once per period and shared, and a failure is not kept', async () => {
  const cache = new TtlCache<number>(60_000);
  let made = 0;
  const make = async () => ++made;
  assert.equal(await Promise.all([cache.get('a', make), cache.get('a', make)]).then((v) => v.join()), '1,1');
  await assert.rejects(cache.get('b', async () => Promise.reject(new Error('down'))));
  await new Promise((r) => setImmediate(r));
  assert.equal(await cache.get('b', make), 2);
});

test('expired entries are swept, so many one-off keys do not pile up', async () => {
  const cache = new TtlCache<number>(5);
  for (let i = 0; i < 100; i++) await cache.get(`k${i}`, async () => i);
  await new Promise((r) => setTimeout(r, 10));
  await cache.get('after', async () => 0);
  assert.equal((cache as unknown as { entries: Map<string, unknown> }).entries.size, 1);
});
