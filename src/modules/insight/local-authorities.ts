// Local authority names for coverage tables, from the shipped geography (assets/geo, ONS, OGL;
// see assets/geo/SOURCE.md). Read once, lazily.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

let names: Map<string, string> | undefined;

export function loadLocalAuthorityNames(): ReadonlyMap<string, string> {
  if (!names) {
    try {
      const rows = parse(
        readFileSync(new URL('../../../assets/geo/england-local-authorities.csv', import.meta.url), 'utf8'),
        { columns: true },
      ) as { lad_code: string; lad_name: string }[];
      names = new Map(rows.map((r) => [r.lad_code, r.lad_name]));
    } catch {
      names = new Map();
    }
  }
  return names;
}
