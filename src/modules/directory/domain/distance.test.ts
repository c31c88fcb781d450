import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EARTH_RADIUS_KM, haversineKm, kmToMiles } from './distance.ts';
import { loadGeoData } from './geo.data.ts';

const { outcodes } = loadGeoData();
const at = (outcode: string) => outcodes.get(outcode)!;

// Reference values computed independently (Python math, same formula and radius):
//   2R·asin(√(sin²(Δφ/2) + cosφ1·cosφ2·sin²(Δλ/2))), R = 6371.0088 km.
test('Leeds LS1 to Manchester M1, centroid to centroid', () => {
  const km = haversineKm(at('LS1'), at('M1'));
  assert.ok(Math.abs(km - 57.49482138148846) < 1e-9, String(km));
  // Sanity: the two city centres are a little under 60 km apart.
  assert.ok(km > 55 && km < 60);
});

test('London SW10 to Manchester M1, and Truro to Shetland', () => {
  assert.ok(Math.abs(haversineKm(at('SW10'), at('M1')) - 261.6779176554921) < 1e-9);
  assert.ok(Math.abs(haversineKm(at('TR1'), at('ZE1')) - 1126.3589263896572) < 1e-9);
});

test('distance is symmetric, zero to itself, and one degree of longitude on the equator is R·π/180', () => {
  assert.equal(haversineKm(at('LS1'), at('M1')), haversineKm(at('M1'), at('LS1')));
  assert.equal(haversineKm(at('LS6'), at('LS6')), 0);
  assert.ok(Math.abs(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) - (EARTH_RADIUS_KM * Math.PI) / 180) < 1e-9);
});

test('kilometres convert to miles', () => {
  assert.ok(Math.abs(kmToMiles(1.609344) - 1) < 1e-12);
});
