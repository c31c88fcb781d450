// Place names people type ("leeds", "Headingley", "Caerdydd") to a point we can measure from.
// Pure: the rows come from geo.data.ts, read once. Names are not unique (54 Newtowns), so a
// look-up either finds one place or hands back the candidates to choose from.

export type PlaceKind = 'city' | 'town' | 'village' | 'suburb' | 'other';

export interface NamedPlace {
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  ladCode: string;
  ladName: string;
  county: string;
  country: 'England' | 'Wales' | 'Scotland';
  altName: string;
}

export interface Gazetteer {
  /** Every place under each of its names (English and Welsh/Gaelic), by `placeKey`. */
  byKey: ReadonlyMap<string, readonly NamedPlace[]>;
  size: number;
}

const KIND_RANK: Record<PlaceKind, number> = { city: 0, town: 1, suburb: 2, village: 3, other: 4 };

/** How a typed name is compared: no accents, case, punctuation or doubled spaces. */
export function placeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^st /, 'saint ')
    .replace(/ st /g, ' saint ');
}

/** Splits one CSV line; fields may be quoted ("Herefordshire, County of"), never span lines. */
function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (out.push(field), (field = ''));
    else field += c;
  }
  out.push(field);
  return out;
}

/** Builds the index from the text of gb-places.csv (header: name,kind,latitude,longitude,…). */
export function buildGazetteer(csv: string): Gazetteer {
  const byKey = new Map<string, NamedPlace[]>();
  const add = (key: string, place: NamedPlace) => {
    if (key === '') return;
    const list = byKey.get(key);
    if (!list) byKey.set(key, [place]);
    else if (!list.includes(place)) list.push(place);
  };
  const lines = csv.split('\n');
  let size = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const [name, kind, lat, lon, ladCode, ladName, county, , country, altName] = splitCsvLine(line);
    const place: NamedPlace = {
      name: name!,
      kind: kind as PlaceKind,
      lat: Number(lat),
      lon: Number(lon),
      ladCode: ladCode!,
      ladName: ladName!,
      county: county!,
      country: country as NamedPlace['country'],
      altName: altName ?? '',
    };
    size++;
    add(placeKey(place.name), place);
    if (place.altName) add(placeKey(place.altName), place);
  }
  for (const list of byKey.values()) list.sort(byImportance);
  return { byKey, size };
}

function byImportance(a: NamedPlace, b: NamedPlace): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    a.county.localeCompare(b.county, 'en-GB') ||
    a.ladName.localeCompare(b.ladName, 'en-GB')
  );
}

/** "Leeds City Council" style ONS names read better without the suffix: "Bristol, City of" → "Bristol". */
export function plainAreaName(ladName: string): string {
  return ladName.replace(/, (City|County) of$/, '');
}

/** How a place is told apart from others of the same name: "Hyde, Tameside, Greater Manchester". */
export function placeLabel(p: NamedPlace): string {
  const lad = plainAreaName(p.ladName);
  const parts = [p.name, lad];
  if (p.county !== lad && p.county !== p.name) parts.push(p.county);
  return parts.filter((x, i) => i === 0 || x !== parts[0]).join(', ');
}

export type PlaceNameMatch =
  | { kind: 'one'; place: NamedPlace; others: NamedPlace[] }
  | { kind: 'choose'; candidates: NamedPlace[] }
  | { kind: 'none' };

/**
 * What a typed name means. "Name, area" (from a "which one?" link) narrows by local authority or
 * county. A name shared only with smaller places goes to the one city of that name (Leeds the
 * city, not the Kent village), with the others offered; otherwise several mean "which one?".
 */
export function matchPlaceName(input: string, g: Gazetteer): PlaceNameMatch {
  const whole = g.byKey.get(placeKey(input));
  const comma = input.indexOf(',');
  const first = comma >= 0 ? input.slice(0, comma) : input;
  const wanted = whole || comma < 0 ? '' : placeKey(input.slice(comma + 1));
  const candidates = [...(whole ?? g.byKey.get(placeKey(first)) ?? [])];
  if (candidates.length === 0) return { kind: 'none' };
  if (wanted !== '') {
    // Area names may hold commas themselves ("Bournemouth, Christchurch and Poole"), so the
    // whole rest is compared with the area, the county, or both as a choice link writes them.
    const narrowed = candidates.filter((p) => {
      const lad = plainAreaName(p.ladName);
      return [p.ladName, lad, p.county, `${lad} ${p.county}`].map(placeKey).includes(wanted);
    });
    if (narrowed.length === 0) return { kind: 'choose', candidates };
    // Chosen from a list already: two of one name in one area are close enough to take the first.
    return { kind: 'one', place: narrowed[0]!, others: [] };
  }
  if (candidates.length === 1) return { kind: 'one', place: candidates[0]!, others: [] };
  const cities = candidates.filter((p) => p.kind === 'city');
  if (cities.length === 1) return { kind: 'one', place: cities[0]!, others: candidates.filter((p) => p !== cities[0]) };
  return { kind: 'choose', candidates };
}
