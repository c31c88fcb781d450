import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isServiceTypeCode,
  SERVICE_TYPE_CODES,
  SERVICE_TYPE_TAXONOMY,
  SERVICE_TYPES,
  serviceTypeByCode,
  serviceTypeById,
  serviceTypeUrn,
} from './service-types.ts';
import { DIRECTORY_NAMESPACE, uuidV5 } from './uuid.ts';

test('there are twelve service types, one per code, in code order', () => {
  assert.equal(SERVICE_TYPES.length, 12);
  assert.deepEqual(
    SERVICE_TYPES.map((t) => t.code),
    [...SERVICE_TYPE_CODES],
  );
});

test('ids are the documented UUID v5 values, so they never drift', () => {
  assert.equal(SERVICE_TYPE_TAXONOMY.id, uuidV5(SERVICE_TYPE_TAXONOMY.urn, DIRECTORY_NAMESPACE));
  for (const type of SERVICE_TYPES) {
    assert.equal(type.id, uuidV5(serviceTypeUrn(type.code), DIRECTORY_NAMESPACE), type.code);
  }
  assert.equal(new Set(SERVICE_TYPES.map((t) => t.id)).size, SERVICE_TYPES.length);
});

test('names and descriptions are short plain sentences', () => {
  for (const type of SERVICE_TYPES) {
    assert.ok(type.name.length <= 30, type.name);
    assert.match(type.description, /^[A-Z].*\.$/, type.code);
    assert.ok(type.description.length <= 110, type.code);
  }
});

test('look-ups by code and id', () => {
  assert.equal(serviceTypeByCode('recovery-cafe').name, 'Recovery café');
  assert.equal(serviceTypeById('cc8e3cfc-c817-5dc0-b5b4-15c6c65cefad')?.code, 'online-support');
  assert.equal(serviceTypeById('00000000-0000-0000-0000-000000000000'), undefined);
  assert.ok(isServiceTypeCode('family-support'));
  assert.ok(!isServiceTypeCode('detox'));
});
