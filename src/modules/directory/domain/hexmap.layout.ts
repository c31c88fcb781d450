// Pure geometry and data for the coverage hex map and its companion table.
// Both views are built from `buildCoverage`, so they cannot disagree.
//
// HexJSON (odileeds/hexmaps, hexjson.html): pointy-topped hexes in "odd-r"
// offset coordinates, where q is the column, r is the row, odd rows are shifted
// right by half a hex, and the row number increases UP the page. SVG y grows
// downwards, so we flip rows: the highest r (Shetland) ends up at the top.

export interface HexJsonHex {
  /** Name of the area. */
  n: string;
  q: number;
  r: number;
  /** ONS region (E12…) or nation (W92/S92/N92) code. */
  region: string;
  colour?: string;
}

export interface HexJson {
  layout: 'odd-r' | 'even-r' | 'odd-q' | 'even-q';
  hexes: Record<string, HexJsonHex>;
}

/** Region and nation names for the codes used in the local authority hexjson. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  E12000001: 'North East',
  E12000002: 'North West',
  E12000003: 'Yorkshire and The Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000006: 'East of England',
  E12000007: 'London',
  E12000008: 'South East',
  E12000009: 'South West',
  W92000004: 'Wales',
  S92000003: 'Scotland',
  N92000002: 'Northern Ireland',
};

/** Five shades: zero gets its own neutral grey, the rest a light-to-dark blue ramp. */
export interface ShadeStep {
  step: 0 | 1 | 2 | 3 | 4;
  min: number;
  /** Inclusive upper bound; undefined for the open-ended top step. */
  max?: number;
  label: string;
  fill: string;
}

// Fixed bins rather than quantiles so the legend means the same thing on every
// page and over time. Blues are ColorBrewer "Blues"; every hex also gets a
// #505a5f outline (7:1 against white) so even the palest shape is visible,
// meeting WCAG 1.4.11 non-text contrast. Colour is never the only cue: the
// <title> on each hex and the table give the number.
export const SHADE_STEPS: readonly ShadeStep[] = [
  { step: 0, min: 0, max: 0, label: 'None yet', fill: '#f3f2f1' },
  { step: 1, min: 1, max: 1, label: '1', fill: '#c6dbef' },
  { step: 2, min: 2, max: 3, label: '2 to 3', fill: '#6baed6' },
  { step: 3, min: 4, max: 9, label: '4 to 9', fill: '#2171b5' },
  { step: 4, min: 10, label: '10 or more', fill: '#08306b' },
];

export const HEX_OUTLINE = '#505a5f';

export function shadeFor(count: number): ShadeStep {
  for (let i = SHADE_STEPS.length - 1; i >= 0; i--) {
    const step = SHADE_STEPS[i]!;
    if (count >= step.min) return step;
  }
  return SHADE_STEPS[0]!;
}

export interface CoverageCell {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  count: number;
  shade: ShadeStep;
  q: number;
  r: number;
  /** Centre of the hex on the rendered SVG plane (y grows downwards). */
  cx: number;
  cy: number;
}

export interface CoverageLayout {
  cells: CoverageCell[];
  width: number;
  height: number;
  /** Circumradius of each hex (centre to a corner). */
  size: number;
}

const SQRT3 = Math.sqrt(3);

/** True when a row is shifted right in odd-r. `& 1` is also right for negative rows. */
const isShiftedRow = (layout: HexJson['layout'], r: number): boolean =>
  layout === 'odd-r' ? (r & 1) === 1 : (r & 1) === 0;

export function buildCoverage(hexjson: HexJson, counts: ReadonlyMap<string, number>, size = 10): CoverageLayout {
  if (hexjson.layout !== 'odd-r' && hexjson.layout !== 'even-r') {
    throw new RangeError(`Only pointy-topped (odd-r/even-r) hex layouts are supported, not ${hexjson.layout}`);
  }
  const entries = Object.entries(hexjson.hexes);
  const qs = entries.map(([, h]) => h.q);
  const rs = entries.map(([, h]) => h.r);
  const minQ = Math.min(...qs);
  const maxQ = Math.max(...qs);
  const minR = Math.min(...rs);
  const maxR = Math.max(...rs);
  const hexWidth = SQRT3 * size;
  const rowStep = 1.5 * size;

  const cells = entries.map(([code, hex]): CoverageCell => {
    const count = counts.get(code) ?? 0;
    const shift = isShiftedRow(hexjson.layout, hex.r) ? hexWidth / 2 : 0;
    return {
      code,
      name: hex.n,
      regionCode: hex.region,
      regionName: REGION_NAMES[hex.region] ?? hex.region,
      count,
      shade: shadeFor(count),
      q: hex.q,
      r: hex.r,
      cx: round((hex.q - minQ) * hexWidth + shift + hexWidth / 2),
      cy: round((maxR - hex.r) * rowStep + size),
    };
  });
  cells.sort(byName);
  return {
    cells,
    width: round((maxQ - minQ + 1) * hexWidth + hexWidth / 2),
    height: round((maxR - minR) * rowStep + 2 * size),
    size,
  };
}

/** Table order: by name as a British English reader expects. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en-GB');
}

/** The six corners of a pointy-topped hex, as an SVG `points` string. */
export function hexPoints(cx: number, cy: number, size: number): string {
  const corners: string[] = [];
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 180) * (60 * i - 30);
    corners.push(`${round(cx + size * Math.cos(angle))},${round(cy + size * Math.sin(angle))}`);
  }
  return corners.join(' ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
