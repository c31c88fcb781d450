// The 360Giving spreadsheet form: each column heading is a field's title, with ":" joining a
// list's title to its child's ("Recipient Org:Identifier" is recipientOrganization[0].id).
// The map is built from the schema itself, so it follows the standard exactly.
import { grantSchema, type SchemaNode } from './schema.ts';

export interface Column {
  /** Path into the grant: ['recipientOrganization', 0, 'id']. */
  path: (string | 0)[];
  type: 'string' | 'number' | 'array';
}

export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\s*:\s*/g, ':')
    .replace(/\s+/g, ' ')
    .replace(/[?]$/, '')
    .trim();
}

let headingMap: Map<string, Column> | undefined;

function typeOf(node: SchemaNode): Column['type'] {
  const types = [node.type ?? 'string'].flat();
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('array')) return 'array';
  return 'string';
}

function resolve(node: SchemaNode): SchemaNode {
  const ref = node.$ref ?? node.items?.$ref;
  const m = ref ? /^#\/\$defs\/(\w+)$/.exec(ref) : null;
  return m ? grantSchema.$defs[m[1]!]! : (node.items ?? node);
}

export function headingColumns(): Map<string, Column> {
  if (headingMap) return headingMap;
  const map = new Map<string, Column>();
  for (const [key, node] of Object.entries(grantSchema.properties)) {
    const title = node.title ?? key;
    const isList = [node.type].flat().includes('array');
    const child = resolve(node);
    if (isList && child.properties) {
      for (const [childKey, childNode] of Object.entries(child.properties)) {
        if (childNode.properties || childNode.items?.$ref) continue; // deeper lists are not in the flat form we read
        map.set(normaliseHeading(`${title}:${childNode.title ?? childKey}`), {
          path: [key, 0, childKey],
          type: typeOf(childNode),
        });
      }
    } else if (!isList && child.properties) {
      for (const [childKey, childNode] of Object.entries(child.properties)) {
        map.set(normaliseHeading(`${title}:${childNode.title ?? childKey}`), {
          path: [key, childKey],
          type: typeOf(childNode),
        });
      }
    } else {
      map.set(normaliseHeading(title), { path: [key], type: typeOf(node) });
    }
  }
  headingMap = map;
  return map;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** One spreadsheet row as a grant object; empty cells are left out, numbers typed as the schema says. */
export function grantFromRow(
  columns: readonly (Column | undefined)[],
  cells: readonly string[],
): Record<string, unknown> {
  const grant: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const raw = (cells[i] ?? '').trim();
    if (!column || raw === '') return;
    // A figure with thousands separators is still the number it says; anything else stays
    // text, so the schema check names the field.
    const plain = raw.replace(/,/g, '');
    const value = column.type === 'number' && NUMBER.test(plain) ? Number(plain) : raw;
    let target: Record<string, unknown> | unknown[] = grant;
    for (let p = 0; p < column.path.length - 1; p++) {
      const key = column.path[p]!;
      const nextIsIndex = column.path[p + 1] === 0;
      const container = target as Record<string | number, unknown>;
      container[key] ??= nextIsIndex ? [] : {};
      target = container[key] as Record<string, unknown> | unknown[];
    }
    (target as Record<string | number, unknown>)[column.path[column.path.length - 1]!] = value;
  });
  for (const value of Object.values(grant)) {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] ??= {};
  }
  return grant;
}
