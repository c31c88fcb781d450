// Parsing what people type into the "near me" box. Pure: no data lookups here.
//
// We only ever need the outward code (the "district", e.g. LS6): our location
// data is one centroid per district, and throwing the inward code away early
// means we never store or log anyone's full postcode.

/** The result of reading the text alone, before any lookup. */
export type ParsedPostcode =
  | { kind: 'not-a-postcode'; input: string }
  | {
      kind: 'postcode';
      input: string;
      /** Upper case, no space, e.g. "LS6", "EC1A". */
      outcode: string;
      /** Area letters, e.g. "LS", "M", "EC". */
      area: string;
      /** Tidy full postcode ("LS6 3HN") when a full one was typed; absent for a bare outcode. */
      fullPostcode?: string;
    };

// Outward code: 1–2 area letters, a district digit, then an optional digit or
// letter (A9, A99, A9A, AA9, AA99, AA9A). Q, V and X never start a postcode.
// We deliberately do NOT apply the finer Royal Mail letter rules (e.g. no "Z"
// as the second letter): a string that looks like a postcode but isn't real
// should get "we couldn't find that postcode", not "that isn't a postcode".
const OUTCODE = '([A-PR-UWYZ][A-Z]?[0-9][0-9A-Z]?)';
// Inward code: digit + two letters, never C, I, K, M, O or V.
const INWARD = '([0-9][ABD-HJLNP-UW-Z]{2})';
const FULL_RE = new RegExp(`^${OUTCODE}${INWARD}$`);
const OUTCODE_RE = new RegExp(`^${OUTCODE}$`);
// Girobank's old non-geographic postcode: valid format, never found.
const GIROBANK = 'GIR0AA';

export function parsePostcode(input: string): ParsedPostcode {
  // People paste with odd spacing, dots or dashes ("ls6-3hn"); drop all of it.
  const compact = input.toUpperCase().replace(/[\s.\-–]/g, '');
  if (compact === GIROBANK) {
    return { kind: 'postcode', input, outcode: 'GIR', area: 'GIR', fullPostcode: 'GIR 0AA' };
  }
  const full = FULL_RE.exec(compact);
  if (full) {
    const outcode = full[1]!;
    return { kind: 'postcode', input, outcode, area: areaOf(outcode), fullPostcode: `${outcode} ${full[2]!}` };
  }
  if (OUTCODE_RE.test(compact)) {
    return { kind: 'postcode', input, outcode: compact, area: areaOf(compact) };
  }
  return { kind: 'not-a-postcode', input };
}

function areaOf(outcode: string): string {
  return /^[A-Z]+/.exec(outcode)![0];
}

/** Postcode areas in the UK or Crown Dependencies that our GB-only data cannot cover. */
export const OUTSIDE_GREAT_BRITAIN = {
  BT: 'Northern Ireland',
  GY: 'Guernsey',
  JE: 'Jersey',
  IM: 'the Isle of Man',
} as const;

export type OutsideGbPlace = (typeof OUTSIDE_GREAT_BRITAIN)[keyof typeof OUTSIDE_GREAT_BRITAIN];

export function outsideGreatBritain(area: string): OutsideGbPlace | undefined {
  return (OUTSIDE_GREAT_BRITAIN as Record<string, OutsideGbPlace>)[area];
}
