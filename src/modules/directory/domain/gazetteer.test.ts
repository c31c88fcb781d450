import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGazetteer, loadGeoData } from './geo.data.ts';
import { buildGazetteer, matchPlaceName, placeKey, placeLabel } from './gazetteer.ts';
import { findSearchPlace } from './search-place.ts';

const g = loadGazetteer();
const find = (input: string) => findSearchPlace(input, loadGeoData().outcodes, () => g);

test('every row of the gazetteer is indexed', () => {
  assert.equal(g.size, 29_653);
});

test('names are compared without case, accents, apostrophes or "St."', () => {
  assert.equal(placeKey("  King's   Lynn "), 'kings lynn');
  assert.equal(placeKey('Ynys Môn'), 'ynys mon');
  assert.equal(placeKey('St. Albans'), 'saint albans');
  assert.equal(placeKey('Berwick-upon-Tweed'), 'berwick upon tweed');
});

test('a town, a suburb and a Welsh name each find one place', () => {
  for (const [typed, name, lad] of [
    ['leeds', 'Leeds', 'Leeds'],
    ['Headingley', 'Headingley', 'Leeds'],
    ['Caerdydd', 'Cardiff', 'Cardiff'],
    ['inbhir nis', 'Inverness', 'Highland'],
    ['kings lynn', "King's Lynn", "King's Lynn and West Norfolk"],
  ] as const) {
    const m = matchPlaceName(typed, g);
    assert.equal(m.kind, 'one', typed);
    if (m.kind === 'one') assert.deepEqual([m.place.name, m.place.ladName], [name, lad], typed);
  }
});

test('Leeds the city is taken over the Kent village, which is offered instead', () => {
  const m = matchPlaceName('Leeds', g);
  assert.equal(m.kind, 'one');
  if (m.kind !== 'one') return;
  assert.equal(m.place.kind, 'city');
  assert.deepEqual(m.others.map(placeLabel), ['Leeds, Maidstone, Kent']);
});

test('an ambiguous name asks which one, naming the county, and each choice finds exactly that place', () => {
  const r = find('hyde');
  assert.equal(r.kind, 'choose');
  if (r.kind !== 'choose') return;
  assert.equal(r.message, 'There are 3 places called Hyde. Choose the one you mean.');
  assert.deepEqual(
    r.choices.map((c) => c.label),
    ['Hyde, Tameside, Greater Manchester', 'Hyde, Winchester, Hampshire', 'Hyde, New Forest, Hampshire'],
  );
  for (const c of r.choices) {
    const again = find(c.near);
    assert.equal(again.kind, 'found', c.near);
    if (again.kind === 'found') assert.equal(again.point.label, c.label);
  }
});

test('all 54 Newtowns are offered, and every choice resolves to one place', () => {
  const r = find('Newtown');
  assert.equal(r.kind, 'choose');
  if (r.kind !== 'choose') return;
  assert.equal(r.choices.length, 54);
  for (const c of r.choices) assert.equal(find(c.near).kind, 'found', c.near);
});

test('postcodes still go to their district; unknown words get one plain message', () => {
  const pc = find('LS6 3HN');
  assert.equal(pc.kind, 'found');
  if (pc.kind === 'found') assert.equal(pc.point.label, 'LS6 (Leeds)');
  const none = find('hello');
  assert.equal(none.kind, 'problem');
  if (none.kind === 'problem') assert.match(none.message, /We could not find a place called “hello”/);
  const empty = find('   ');
  assert.equal(empty.kind, 'problem');
});

test('quoted fields in the file are read whole', () => {
  const small = buildGazetteer(
    'name,kind,latitude,longitude,lad_code,lad_name,county,region,country,alt_name\n' +
      'Abbey Dore,village,51.9695,-2.8961,E06000019,"Herefordshire, County of",Herefordshire,West Midlands,England,\n',
  );
  const m = matchPlaceName('abbey dore', small);
  assert.equal(m.kind, 'one');
  if (m.kind === 'one') assert.equal(m.place.ladName, 'Herefordshire, County of');
});
