// What someone typed into "postcode or town" as a point to search from: a postcode district, a
// named place, a list of places to choose from, or one plain message. Pure.
import { findPlace } from './place-search.ts';
import { matchPlaceName, placeLabel, plainAreaName, type Gazetteer, type NamedPlace } from './gazetteer.ts';
import { parsePostcode } from './postcode.ts';
import type { OutcodePlace } from './places.ts';

export interface SearchPoint {
  /** What the results are "near": "LS6 (Leeds)" or "Headingley, Leeds, West Yorkshire". */
  label: string;
  /** "LS6" for a postcode; the place's own name otherwise. */
  short: string;
  /** The local authority, e.g. "Leeds". */
  areaName: string;
  lat: number;
  lon: number;
  /** How distances are measured, in a sentence. */
  measuredFrom: string;
}

export interface PlaceChoice {
  label: string;
  /** What to search for to get exactly this one ("Hyde, Tameside"). */
  near: string;
}

export type SearchPlaceResult =
  | { kind: 'found'; point: SearchPoint; outcode?: string; alternatives: PlaceChoice[] }
  | { kind: 'choose'; input: string; message: string; choices: PlaceChoice[] }
  | { kind: 'problem'; input: string; message: string };

export const SEARCH_PLACE_MESSAGES = {
  empty: 'Type a postcode or the name of a town, for example LS6 3HN or Leeds.',
  unknownName: (input: string) =>
    `We could not find a place called “${input.trim()}”. Check the spelling, or try a nearby town or a postcode like LS6 3HN.`,
  choose: (name: string, n: number) => `There are ${n} places called ${name}. Choose the one you mean.`,
} as const;

function choiceOf(p: NamedPlace): PlaceChoice {
  const lad = plainAreaName(p.ladName);
  const near = lad === p.name ? `${p.name}, ${p.county}` : `${p.name}, ${lad}`;
  return { label: placeLabel(p), near };
}

function pointOf(p: NamedPlace): SearchPoint {
  return {
    label: placeLabel(p),
    short: p.name,
    areaName: plainAreaName(p.ladName),
    lat: p.lat,
    lon: p.lon,
    measuredFrom: `Distances are measured from the middle of ${p.name}, as the crow flies, so they are approximate.`,
  };
}

function pointOfOutcode(o: OutcodePlace): SearchPoint {
  return {
    label: `${o.outcode} (${plainAreaName(o.ladName)})`,
    short: o.outcode,
    areaName: plainAreaName(o.ladName),
    lat: o.lat,
    lon: o.lon,
    measuredFrom: `Distances are measured from the middle of the postcode district ${o.outcode}, so they are approximate.`,
  };
}

export function findSearchPlace(
  input: string,
  outcodes: ReadonlyMap<string, OutcodePlace>,
  gazetteer: () => Gazetteer,
): SearchPlaceResult {
  if (input.trim() === '') return { kind: 'problem', input, message: SEARCH_PLACE_MESSAGES.empty };
  if (parsePostcode(input).kind === 'postcode') {
    const found = findPlace(input, outcodes);
    if (found.kind !== 'found') return { kind: 'problem', input, message: found.message };
    return { kind: 'found', point: pointOfOutcode(found.place), outcode: found.outcode, alternatives: [] };
  }
  const match = matchPlaceName(input, gazetteer());
  if (match.kind === 'none') return { kind: 'problem', input, message: SEARCH_PLACE_MESSAGES.unknownName(input) };
  if (match.kind === 'choose') {
    const name = match.candidates[0]!.name;
    return {
      kind: 'choose',
      input,
      message: SEARCH_PLACE_MESSAGES.choose(name, match.candidates.length),
      choices: match.candidates.map(choiceOf),
    };
  }
  return { kind: 'found', point: pointOf(match.place), alternatives: match.others.map(choiceOf) };
}
