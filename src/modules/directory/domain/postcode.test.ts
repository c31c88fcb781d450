import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outsideGreatBritain, parsePostcode } from './postcode.ts';

const outcodeOf = (input: string): string | undefined => {
  const parsed = parsePostcode(input);
  return parsed.kind === 'postcode' ? parsed.outcode : undefined;
};

test('full postcodes resolve to their district, whatever the spacing or case', () => {
  assert.equal(outcodeOf('LS6 3HN'), 'LS6');
  assert.equal(outcodeOf('ls63hn'), 'LS6');
  assert.equal(outcodeOf('  Ls6   3hN '), 'LS6');
  assert.equal(outcodeOf('SW10 0AA'), 'SW10');
  assert.equal(outcodeOf('ec1a 1bb'), 'EC1A');
  assert.equal(outcodeOf('EC1A1BB'), 'EC1A');
  assert.equal(outcodeOf('M1 1AE'), 'M1');
  assert.equal(outcodeOf('m11ae'), 'M1');
  assert.equal(outcodeOf('W1A 1AA'), 'W1A');
  assert.equal(outcodeOf('ls6-3hn'), 'LS6');
});

test('a full postcode is tidied for display', () => {
  const parsed = parsePostcode('ls63hn');
  assert.equal(parsed.kind === 'postcode' ? parsed.fullPostcode : undefined, 'LS6 3HN');
  assert.deepEqual(parsePostcode('ec1a1bb'), {
    kind: 'postcode',
    input: 'ec1a1bb',
    outcode: 'EC1A',
    area: 'EC',
    fullPostcode: 'EC1A 1BB',
  });
});

test('bare outcodes are accepted and have no full postcode', () => {
  assert.deepEqual(parsePostcode('LS6'), { kind: 'postcode', input: 'LS6', outcode: 'LS6', area: 'LS' });
  assert.equal(outcodeOf('M1'), 'M1');
  assert.equal(outcodeOf('sw1a'), 'SW1A');
  assert.equal(outcodeOf('B34'), 'B34');
});

test('things that are not postcodes are rejected', () => {
  for (const input of [
    '',
    'Leeds',
    '12345',
    'LS',
    'L',
    'LS6 3H',
    'LS6 3HNN',
    'QA1 1AA',
    'LS6 3CI',
    '1LS 3HN',
    'LS6 3HN!',
    'ABC1',
  ]) {
    assert.equal(parsePostcode(input).kind, 'not-a-postcode', input);
  }
});

test('a well-formed but unreal postcode still parses (the look-up says not found)', () => {
  assert.equal(outcodeOf('ZZ9 9ZZ'), 'ZZ9');
  assert.equal(outcodeOf('GIR 0AA'), 'GIR');
});

test('Northern Ireland, Channel Islands and Isle of Man are recognised by area', () => {
  assert.equal(outsideGreatBritain('BT'), 'Northern Ireland');
  assert.equal(outsideGreatBritain('GY'), 'Guernsey');
  assert.equal(outsideGreatBritain('JE'), 'Jersey');
  assert.equal(outsideGreatBritain('IM'), 'the Isle of Man');
  assert.equal(outsideGreatBritain('LS'), undefined);
  assert.equal(outsideGreatBritain('B'), undefined);
});
