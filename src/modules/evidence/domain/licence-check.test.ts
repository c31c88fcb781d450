import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkUploadedDefinitionLicence } from './licence-check.ts';
import { parseUploadedInstrumentDefinition } from './parse-uploaded-definition.ts';
import { licensedWellbeingFixture } from './fixtures/load-fixture.ts';
import { BARC10 } from './shipped-instruments.ts';

test('a licensed definition with its licence reference installs from a file', () => {
  const result = parseUploadedInstrumentDefinition(licensedWellbeingFixture());
  assert.ok(result.ok);
  assert.equal(result.value.licence.reference, 'TEST-LICENCE-0001');
  assert.equal(result.value.scoring.method, 'lookup');
});

test('a licensed definition without a licence reference is refused, with what to do', () => {
  for (const reference of [undefined, null, '   ']) {
    const json = licensedWellbeingFixture();
    if (reference === undefined) delete json.licence.reference;
    else json.licence.reference = reference;
    const result = parseUploadedInstrumentDefinition(json);
    assert.ok(!result.ok, `reference ${String(reference)} should be refused`);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]?.path, 'licence.reference');
  }
  const json = licensedWellbeingFixture();
  json.licence.reference = null;
  const result = parseUploadedInstrumentDefinition(json);
  assert.deepEqual(
    !result.ok && result.errors[0]?.message,
    'TEST-SWEMWBS-SHAPE is not free to use, so record the licence or registration reference you were given (for example the registration number from the licence email) in licence.reference before installing it',
  );
});

test('a free-to-use instrument needs no licence reference', () => {
  assert.ok(checkUploadedDefinitionLicence(BARC10).ok);
});

test('an invalid upload reports definition problems before licence problems', () => {
  const json = licensedWellbeingFixture();
  json.licence.reference = null;
  json.items = [];
  const result = parseUploadedInstrumentDefinition(json);
  assert.ok(!result.ok);
  assert.deepEqual(
    result.errors.map((problem) => problem.path),
    ['items'],
  );
});
