import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlace } from './place-search.ts';
import { loadGeoData } from './geo.data.ts';

const { outcodes } = loadGeoData();

test('a full postcode finds its district centroid and local authority', () => {
  const result = findPlace('LS6 3HN', outcodes);
  assert.equal(result.kind, 'found');
  if (result.kind !== 'found') return;
  assert.equal(result.outcode, 'LS6');
  assert.equal(result.fullPostcode, 'LS6 3HN');
  assert.equal(result.place.lat, 53.8201);
  assert.equal(result.place.lon, -1.5709);
  assert.equal(result.place.ladCode, 'E08000035');
  assert.equal(result.place.ladName, 'Leeds');
  assert.equal(result.place.region, 'Yorkshire and The Humber');
  assert.equal(result.place.country, 'England');
});

test('outcodes from every nation of Great Britain are found', () => {
  const cases: Array<[string, string, string]> = [
    ['M1', 'E08000003', 'North West'],
    ['sw10 0aa', 'E09000020', 'London'],
    ['ec1a 1bb', 'E09000001', 'London'],
    ['CF10', 'W06000015', 'Wales'],
    ['EH1 1YZ', 'S12000036', 'Scotland'],
  ];
  for (const [input, ladCode, region] of cases) {
    const result = findPlace(input, outcodes);
    assert.equal(result.kind, 'found', input);
    if (result.kind === 'found') {
      assert.equal(result.place.ladCode, ladCode, input);
      assert.equal(result.place.region, region, input);
    }
  }
});

test('a valid-looking postcode we do not know is "not found", with a kind message', () => {
  const result = findPlace('ZZ9 9ZZ', outcodes);
  assert.equal(result.kind, 'not-found');
  if (result.kind === 'not-found') {
    assert.equal(result.outcode, 'ZZ9');
    assert.match(result.message, /couldn’t find the postcode area ZZ9/);
  }
});

test('Northern Ireland, Channel Islands and Isle of Man are outside Great Britain, not "not found"', () => {
  const cases: Array<[string, string]> = [
    ['BT7 1NN', 'Northern Ireland'],
    ['gy1 1aa', 'Guernsey'],
    ['JE2 3AB', 'Jersey'],
    ['IM1', 'the Isle of Man'],
  ];
  for (const [input, where] of cases) {
    const result = findPlace(input, outcodes);
    assert.equal(result.kind, 'outside-great-britain', input);
    if (result.kind === 'outside-great-britain') {
      assert.equal(result.where, where);
      assert.match(result.message, /outside Great Britain\. We can’t search there yet/);
    }
  }
});

test('text that is not a postcode, and empty input, get helpful messages', () => {
  const notPostcode = findPlace('Leeds', outcodes);
  assert.equal(notPostcode.kind, 'not-a-postcode');
  if (notPostcode.kind === 'not-a-postcode') assert.match(notPostcode.message, /“Leeds” doesn’t look like a postcode/);
  const empty = findPlace('   ', outcodes);
  assert.equal(empty.kind, 'empty');
});
