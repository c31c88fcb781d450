// The only file in the directory domain that touches the disk. It reads the
// shipped geography in assets/geo once per process (lazily, on first use) and
// hands plain, typed data to the pure functions elsewhere.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { indexBy, slugify } from './places.ts';
import type { LocalAuthority, OutcodePlace } from './places.ts';
import type { HexJson } from './hexmap.layout.ts';
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';

const GEO_DIR = new URL('../../../../assets/geo/', import.meta.url);

export interface GeoData {
  outcodes: ReadonlyMap<string, OutcodePlace>;
  /** English local authorities, in file order (by code). */
  localAuthorities: readonly LocalAuthority[];
  localAuthorityByCode: ReadonlyMap<string, LocalAuthority>;
  localAuthorityBySlug: ReadonlyMap<string, LocalAuthority>;
  /** Hex cartogram of all 361 UK local authority districts. */
  districtHexes: HexJson;
}

let cached: GeoData | undefined;

export function loadGeoData(): GeoData {
  cached ??= readGeoData();
  return cached;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(new URL(file, GEO_DIR), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

function readGeoData(): GeoData {
  const outcodeRows: OutcodePlace[] = readCsv('uk-outcodes.csv').map((row) => ({
    outcode: row.outcode!,
    lat: Number(row.latitude),
    lon: Number(row.longitude),
    ladCode: row.lad_code!,
    ladName: row.lad_name!,
    ladShare: Number(row.lad_share),
    otherLadCodes: row.other_lad_codes ? row.other_lad_codes.split('|') : [],
    regionCode: row.region_code!,
    region: row.region_name!,
    country: row.country as OutcodePlace['country'],
  }));
  const localAuthorities: LocalAuthority[] = readCsv('england-local-authorities.csv').map((row) => ({
    code: row.lad_code!,
    name: row.lad_name!,
    slug: slugify(row.lad_name!),
    type: row.lad_type as LocalAuthority['type'],
    ...(row.county_code ? { countyCode: row.county_code, countyName: row.county_name! } : {}),
    regionCode: row.region_code!,
    regionName: row.region_name!,
  }));
  const districtHexes = JSON.parse(
    readFileSync(new URL('uk-local-authority-districts.hexjson', GEO_DIR), 'utf8'),
  ) as HexJson;
  return {
    outcodes: indexBy(outcodeRows, (o) => o.outcode),
    localAuthorities,
    localAuthorityByCode: indexBy(localAuthorities, (la) => la.code),
    localAuthorityBySlug: indexBy(localAuthorities, (la) => la.slug),
    districtHexes,
  };
}

let gazetteer: Gazetteer | undefined;

/**
 * The place-name index (29,653 places from gb-places.csv), built in memory on first use rather
 * than at start: start-up stays as quick as before, and the first town search pays about a
 * tenth of a second once (measured in bench/gazetteer.bench.ts).
 */
export function loadGazetteer(): Gazetteer {
  gazetteer ??= buildGazetteer(readFileSync(new URL('gb-places.csv', GEO_DIR), 'utf8'));
  return gazetteer;
}
