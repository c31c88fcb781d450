// Writes the Kysely table types from the migrated database itself, so the types can never
// drift from the migrations: `npm run db:types` regenerates schema.ts, and a test fails when
// the committed file differs from what the migrated schema gives.
import type pg from 'pg';

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  identity_generation: string | null;
  is_generated: 'ALWAYS' | 'NEVER';
}

function tsType(c: ColumnRow): string {
  if (c.data_type === 'ARRAY') return `${tsType({ ...c, data_type: c.udt_name.slice(1) })}[]`;
  switch (c.data_type) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'int2':
    case 'int4':
    case 'int8':
    case 'numeric':
    case 'real':
    case 'double precision':
    case 'float4':
    case 'float8':
      return 'number';
    case 'boolean':
    case 'bool':
      return 'boolean';
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return 'Date';
    case 'json':
    case 'jsonb':
      return 'Json';
    case 'bytea':
      return 'Buffer';
    default:
      return 'string'; // text, uuid, date (kept as 'YYYY-MM-DD'), time, tsvector, cube…
  }
}

/**
 * The allowed values of a column from its CHECK constraint, when the constraint is a plain
 * list (`col in ('a', 'b')`, which PostgreSQL keeps as `col = ANY (ARRAY['a'::text, …])`);
 * undefined for any other kind of check.
 */
export function allowedValues(column: string, definition: string): string[] | undefined {
  const m = /^CHECK \(\(\(?"?(\w+)"?\)?(?:::text)? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/.exec(definition);
  if (!m || m[1] !== column) return undefined;
  const values: string[] = [];
  for (const item of m[2]!.split(', ')) {
    const v = /^'((?:[^']|'')*)'::(?:text|character varying)$/.exec(item);
    if (!v) return undefined;
    values.push(v[1]!.replace(/''/g, "'"));
  }
  return values;
}

const literal = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function pascal(name: string): string {
  return name.replace(/(^|_)([a-z0-9])/g, (_m, _u, ch: string) => ch.toUpperCase());
}

export async function generateSchemaTypes(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<ColumnRow>(`
    select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default,
           c.is_identity, c.identity_generation, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name collate "C", c.ordinal_position`);
  // A column kept to a list of values by its CHECK constraint is typed as that list.
  const checks = await pool.query<{ table_name: string; column_name: string; def: string }>(`
    select c.relname as table_name, a.attname as column_name, pg_get_constraintdef(k.oid) as def
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
    where k.contype = 'c' and n.nspname = 'public' and array_length(k.conkey, 1) = 1`);
  const unions = new Map<string, string>();
  for (const r of checks.rows) {
    const values = allowedValues(r.column_name, r.def);
    if (values) unions.set(`${r.table_name}.${r.column_name}`, [...values].sort().map(literal).join(' | '));
  }
  const tables = new Map<string, ColumnRow[]>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, []);
    tables.get(r.table_name)!.push(r);
  }
  const out: string[] = [
    '// Generated from the migrated schema by `npm run db:types`. Do not edit by hand:',
    '// change a migration, then regenerate. A test checks this file against the database.',
    "import type { Generated, GeneratedAlways } from 'kysely';",
    '',
    'export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };',
    '',
  ];
  for (const [table, cols] of tables) {
    out.push(`export interface ${pascal(table)}Table {`);
    for (const c of cols) {
      const union = c.data_type === 'ARRAY' ? undefined : unions.get(`${table}.${c.column_name}`);
      let t = union ?? tsType(c);
      if (c.is_nullable === 'YES') t = `${t} | null`;
      if (c.is_generated === 'ALWAYS' || c.identity_generation === 'ALWAYS') t = `GeneratedAlways<${t}>`;
      else if (c.column_default !== null || c.is_identity === 'YES') t = `Generated<${t}>`;
      out.push(`  ${c.column_name}: ${t};`);
    }
    out.push('}', '');
  }
  out.push('export interface DB {');
  for (const table of tables.keys()) out.push(`  ${table}: ${pascal(table)}Table;`);
  out.push('}', '');
  return out.join('\n');
}
