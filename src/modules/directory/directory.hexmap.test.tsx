import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { render } from 'preact-render-to-string';
import { CoverageTable, coverageData, HexMap } from './directory.hexmap.tsx';
import { shadeFor } from './domain/hexmap.layout.ts';

const counts = new Map<string, number>([
  ['E08000035', 12], // Leeds
  ['E06000052', 1], // Cornwall
  ['E08000003', 5], // Manchester
  ['S12000036', 2], // City of Edinburgh
  ['W06000015', 3], // Cardiff
]);
const hrefFor = (code: string) => `/directory/areas/${code}`;

const mapHtml = render(<HexMap counts={counts} hrefFor={hrefFor} title="Where our members are" />);
const tableHtml = render(<CoverageTable counts={counts} hrefFor={hrefFor} caption="Members by local authority" />);

/** Reads each hex link's code and centre from the rendered markup. */
function renderedHexes(html: string): Map<string, { x: number; y: number; title: string }> {
  const out = new Map<string, { x: number; y: number; title: string }>();
  const re =
    /<a href="[^"]*" tabindex="-1" data-code="([^"]+)" data-cx="([^"]+)" data-cy="([^"]+)"><title>([^<]*)<\/title>/g;
  for (const m of html.matchAll(re)) out.set(m[1]!, { x: Number(m[2]), y: Number(m[3]), title: m[4]! });
  return out;
}

const hexes = renderedHexes(mapHtml);

test('one link per UK local authority', () => {
  assert.equal(hexes.size, 361);
  assert.equal((mapHtml.match(/<polygon /g) ?? []).length, 361);
  assert.ok(mapHtml.includes('href="/directory/areas/E08000035"'));
});

test('the map is the right way up: south-west is bottom-left, Shetland at the top', () => {
  const leeds = hexes.get('E08000035')!;
  const cornwall = hexes.get('E06000052')!;
  const shetland = hexes.get('S12000027')!;
  const london = hexes.get('E09000001')!;
  const belfast = hexes.get('N09000003')!;
  assert.ok(cornwall.y > leeds.y && cornwall.x < leeds.x, 'Cornwall is south-west of Leeds');
  assert.ok(shetland.y < leeds.y, 'Shetland is north of Leeds');
  assert.ok(london.y > leeds.y && london.x > cornwall.x, 'London is south of Leeds and east of Cornwall');
  assert.ok(belfast.x < leeds.x, 'Belfast is west of Leeds');
});

test('odd-r rows are shifted right by half a hex', () => {
  const layout = coverageData({ counts, hrefFor });
  const hexWidth = Math.sqrt(3) * layout.size;
  // Hartlepool (q 8, r 18, even) and Stockton-on-Tees (q 7, r 17, odd) sit diagonally.
  const cell = (code: string) => layout.cells.find((c) => c.code === code)!;
  const even = cell('E06000001');
  const odd = cell('E06000004');
  assert.ok(Math.abs(odd.cx - (even.cx - hexWidth + hexWidth / 2)) < 0.02);
  assert.ok(Math.abs(even.cy - (odd.cy - 1.5 * layout.size)) < 0.02);
});

test('each hex has a title with its name and count, and shading by step', () => {
  assert.equal(hexes.get('E08000035')!.title, 'Leeds: 12 organisations');
  assert.equal(hexes.get('E06000052')!.title, 'Cornwall: 1 organisation');
  assert.equal(hexes.get('E07000223')!.title, 'Adur: 0 organisations');
  assert.deepEqual(
    [0, 1, 2, 3, 4, 9, 10, 500].map((n) => shadeFor(n).step),
    [0, 1, 2, 2, 3, 3, 4, 4],
  );
  assert.ok(mapHtml.includes('fill="#08306b"'));
});

test('the SVG is hidden from screen readers, its links are out of the tab order, and there are no scripts', () => {
  assert.match(mapHtml, /<svg [^>]*aria-hidden="true"/);
  assert.equal((mapHtml.match(/tabindex="-1"/g) ?? []).length, 361);
  assert.ok(!/<script/i.test(mapHtml + tableHtml));
  assert.ok(!/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(mapHtml), 'no external URLs');
  assert.match(mapHtml, /<a href="#coverage-table">/);
  assert.ok(tableHtml.includes('id="coverage-table"'));
  for (const label of ['None yet', '1', '2 to 3', '4 to 9', '10 or more']) assert.ok(mapHtml.includes(label), label);
});

test('table rows equal the hex data, sorted by name', () => {
  const rows = [
    ...tableHtml.matchAll(
      /<tr data-code="([^"]+)"><th scope="row"><a href="([^"]+)">([^<]+)<\/a><\/th><td>([^<]+)<\/td><td class="numeric">(\d+)<\/td><\/tr>/g,
    ),
  ];
  assert.equal(rows.length, 361);
  const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'");
  const tableData = rows.map((m) => ({
    code: m[1]!,
    href: m[2]!,
    name: unescape(m[3]!),
    region: m[4]!,
    count: Number(m[5]),
  }));
  const { cells } = coverageData({ counts, hrefFor });
  assert.deepEqual(
    tableData,
    cells.map((c) => ({ code: c.code, href: hrefFor(c.code), name: c.name, region: c.regionName, count: c.count })),
  );
  const names = tableData.map((r) => r.name);
  assert.deepEqual(
    names,
    [...names].sort((a, b) => a.localeCompare(b, 'en-GB')),
  );
  for (const row of tableData) {
    const hex = hexes.get(row.code)!;
    assert.equal(hex.title, `${row.name}: ${row.count} ${row.count === 1 ? 'organisation' : 'organisations'}`);
  }
  assert.equal(tableData.find((r) => r.code === 'E08000035')?.region, 'Yorkshire and The Humber');
});

test('writes the SVG for eyeballing', () => {
  const svg = /<svg xmlns[\s\S]*?<\/svg>/.exec(mapHtml)![0];
  writeFileSync('/tmp/hexmap.svg', svg);
});
