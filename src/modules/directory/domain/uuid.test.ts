import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childId, DIRECTORY_NAMESPACE, isUuid, URL_NAMESPACE, uuidV5 } from './uuid.ts';

test('uuidV5 matches the published RFC example vector', () => {
  // python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
  assert.equal(
    uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
    '2ed6657d-e927-568b-95e1-2665a8aea6a2',
  );
});

test('the directory namespace literal is derived as documented', () => {
  assert.equal(uuidV5('urn:recovery-connectors:directory', URL_NAMESPACE), DIRECTORY_NAMESPACE);
});

test('childId is stable, distinct per key and a valid UUID', () => {
  const parent = '0f8e3a52-4c1b-4e43-9d0e-3c8a1c7f2b10';
  const a = childId(parent, 'cost_option', 'free');
  assert.equal(a, childId(parent, 'cost_option', 'free'));
  assert.notEqual(a, childId(parent, 'cost_option', 'other'));
  assert.ok(isUuid(a));
  assert.equal(a[14], '5');
});

test('uuidV5 rejects a namespace that is not a UUID', () => {
  assert.throws(() => uuidV5('x', 'not-a-uuid'), RangeError);
});
