// Types for the shipped geography, and pure look-ups over it.
// The data itself is read once by geo.data.ts and passed in.

/** One postcode district (outcode) from assets/geo/uk-outcodes.csv. */
export interface OutcodePlace {
  outcode: string;
  /** WGS84 latitude of the postcode-weighted centroid of the district. */
  lat: number;
  lon: number;
  /** ONS local authority district code that holds most of the district's postcodes. */
  ladCode: string;
  ladName: string;
  /** Share (0–1) of the district's postcodes in `ladCode`. */
  ladShare: number;
  /** Other districts holding at least 10 % of the postcodes. */
  otherLadCodes: readonly string[];
  /** ONS region (England) or country code (Wales, Scotland). */
  regionCode: string;
  /** e.g. "Yorkshire and The Humber", "Wales", "Scotland". */
  region: string;
  country: 'England' | 'Wales' | 'Scotland';
}

/** One English local authority district from assets/geo/england-local-authorities.csv. */
export interface LocalAuthority {
  code: string;
  /** Official ONS name, e.g. "Bristol, City of". */
  name: string;
  /** URL-safe, unique, e.g. "bristol-city-of". */
  slug: string;
  type: 'Unitary authority' | 'Non-metropolitan district' | 'Metropolitan district' | 'London borough';
  countyCode?: string;
  countyName?: string;
  regionCode: string;
  regionName: string;
}

/** A readable URL segment: lower case ASCII words joined by hyphens. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents: "Ynys Môn" -> "Ynys Mon"
    .replace(/['’]/g, '') // "King's Lynn" -> "kings-lynn", not "king-s-lynn"
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function indexBy<T, K>(items: readonly T[], key: (item: T) => K): ReadonlyMap<K, T> {
  const map = new Map<K, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}
