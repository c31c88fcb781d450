import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from './places.ts';
import { loadGeoData } from './geo.data.ts';

const geo = loadGeoData();

test('the shipped geography loads with the documented row counts', () => {
  assert.equal(geo.outcodes.size, 2864);
  assert.equal(geo.localAuthorities.length, 296);
  assert.equal(Object.keys(geo.districtHexes.hexes).length, 361);
  assert.equal(geo.districtHexes.layout, 'odd-r');
});

test('loading is done once and reused', () => {
  assert.equal(loadGeoData(), geo);
});

test('every local authority has a unique, readable slug', () => {
  assert.equal(geo.localAuthorityBySlug.size, geo.localAuthorities.length);
  assert.equal(geo.localAuthorityByCode.get('E06000023')?.slug, 'bristol-city-of');
  assert.equal(geo.localAuthorityBySlug.get('kings-lynn-and-west-norfolk')?.code, 'E07000146');
  assert.equal(geo.localAuthorityBySlug.get('leeds')?.code, 'E08000035');
  for (const la of geo.localAuthorities) assert.match(la.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, la.name);
});

test('county is only set for non-metropolitan districts', () => {
  for (const la of geo.localAuthorities) {
    assert.equal(la.countyCode !== undefined, la.type === 'Non-metropolitan district', la.name);
  }
});

test('every outcode joins to a hex, and English ones to the local authority list', () => {
  for (const place of geo.outcodes.values()) {
    assert.ok(geo.districtHexes.hexes[place.ladCode], place.outcode);
    if (place.country === 'England') assert.ok(geo.localAuthorityByCode.get(place.ladCode), place.outcode);
  }
});

test('slugify handles accents, apostrophes, commas and ampersands', () => {
  assert.equal(slugify('Ynys Môn'), 'ynys-mon');
  assert.equal(slugify("King's Lynn and West Norfolk"), 'kings-lynn-and-west-norfolk');
  assert.equal(slugify('Kingston upon Hull, City of'), 'kingston-upon-hull-city-of');
  assert.equal(slugify('Brighton & Hove'), 'brighton-and-hove');
});
