// Turning what someone typed into a place we can measure distances from,
// with a kind, plain message for every way it can go wrong.
import { outsideGreatBritain, parsePostcode } from './postcode.ts';
import type { OutsideGbPlace } from './postcode.ts';
import type { OutcodePlace } from './places.ts';

export type PlaceSearchResult =
  | { kind: 'found'; input: string; outcode: string; fullPostcode?: string; place: OutcodePlace }
  | { kind: 'empty'; input: string; message: string }
  | { kind: 'not-a-postcode'; input: string; message: string }
  | { kind: 'not-found'; input: string; outcode: string; message: string }
  | { kind: 'outside-great-britain'; input: string; outcode: string; where: OutsideGbPlace; message: string };

export const PLACE_MESSAGES = {
  empty: 'Please type a postcode, for example LS6 3HN, or just the first part, like LS6.',
  notAPostcode: (input: string) =>
    `“${input.trim()}” doesn’t look like a postcode. Try one like LS6 3HN, or just the first part, like LS6.`,
  notFound: (outcode: string) =>
    `We couldn’t find the postcode area ${outcode}. Please check it, or try a postcode nearby.`,
  outsideGreatBritain: (outcode: string, where: OutsideGbPlace) =>
    `${outcode} is in ${where}, which is outside Great Britain. We can’t search there yet, sorry. ` +
    `Groups that meet online may still be open to you.`,
} as const;

export function findPlace(input: string, outcodes: ReadonlyMap<string, OutcodePlace>): PlaceSearchResult {
  if (input.trim() === '') return { kind: 'empty', input, message: PLACE_MESSAGES.empty };
  const parsed = parsePostcode(input);
  if (parsed.kind === 'not-a-postcode') {
    return { kind: 'not-a-postcode', input, message: PLACE_MESSAGES.notAPostcode(input) };
  }
  const { outcode, fullPostcode } = parsed;
  // Check this before the look-up: these areas are absent from our data on
  // purpose, and "not found" would wrongly suggest a typo.
  const where = outsideGreatBritain(parsed.area);
  if (where) {
    return {
      kind: 'outside-great-britain',
      input,
      outcode,
      where,
      message: PLACE_MESSAGES.outsideGreatBritain(outcode, where),
    };
  }
  const place = outcodes.get(outcode);
  if (!place) return { kind: 'not-found', input, outcode, message: PLACE_MESSAGES.notFound(outcode) };
  return fullPostcode
    ? { kind: 'found', input, outcode, fullPostcode, place }
    : { kind: 'found', input, outcode, place };
}
