// The checker behind test/citus-readiness.test.ts: reads one schema's tables, keys and unique
// indexes from the catalog (works the same on PGlite and PostgreSQL) and lists what would stop
// Citus distributing the tenant tables by org_id.
import type pg from 'pg';

export interface ReadinessLists {
  reference: Readonly<Record<string, string>>;
  platform: Readonly<Record<string, string>>;
}

interface TableRow {
  name: string;
  org_attnum: number | null;
  org_not_null: boolean | null;
}
interface KeyRow {
  table_name: string;
  kind: 'p' | 'u' | 'f' | 'i';
  name: string;
  cols: number[];
  col_names: string[];
  ref_table: string | null;
  ref_cols: number[] | null;
  ref_org_attnum: number | null;
}

/** Every broken rule in one schema, one readable line each, sorted. */
export async function citusReadinessProblems(
  pool: pg.Pool,
  lists: ReadinessLists,
  schema = 'public',
): Promise<string[]> {
  const tables = (
    await pool.query<TableRow>(
      `select c.relname as name, a.attnum as org_attnum, a.attnotnull as org_not_null
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         left join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
        where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
      [schema],
    )
  ).rows;
  const keys = (
    await pool.query<KeyRow>(
      `select r.relname::text as table_name, c.contype as kind, c.conname as name,
              c.conkey::int[] as cols,
              array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as col_names,
              f.relname::text as ref_table, c.confkey::int[] as ref_cols,
              (select a.attnum from pg_attribute a
                where a.attrelid = c.confrelid and a.attname = 'org_id' and not a.attisdropped)::int as ref_org_attnum
         from pg_constraint c
         join pg_class r on r.oid = c.conrelid
         join pg_namespace n on n.oid = r.relnamespace
         left join pg_class f on f.oid = c.confrelid
        where n.nspname = $1 and c.contype in ('p', 'u', 'f')
       union all
       select t.relname::text, 'i', x.relname::text, i.indkey::int2[]::int[],
              array(select pg_get_indexdef(i.indexrelid, k, true) from generate_series(1, i.indnkeyatts) k),
              null, null, null
         from pg_index i
         join pg_class x on x.oid = i.indexrelid
         join pg_class t on t.oid = i.indrelid
         join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = $1 and i.indisunique
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))`,
      [schema],
    )
  ).rows;

  const byName = new Map(tables.map((t) => [t.name, t]));
  const kindOf = (name: string): 'reference' | 'platform' | 'tenant' | 'unlisted' =>
    name in lists.reference
      ? 'reference'
      : name in lists.platform
        ? 'platform'
        : byName.get(name)?.org_attnum
          ? 'tenant'
          : 'unlisted';
  const problems: string[] = [];
  for (const name of [...Object.keys(lists.reference), ...Object.keys(lists.platform)]) {
    if (!byName.has(name)) problems.push(`${name}: listed as a reference or platform table but there is no such table`);
  }
  for (const t of tables) {
    const kind = kindOf(t.name);
    const own = keys.filter((k) => k.table_name === t.name);
    const cols = (k: KeyRow) => `(${k.col_names.join(', ')})`;
    if (kind === 'unlisted') {
      problems.push(`${t.name}: has no org_id and is not on the reference or platform list`);
    }
    if (kind === 'reference' || kind === 'platform') {
      for (const fk of own.filter((k) => k.kind === 'f' && kindOf(k.ref_table!) === 'tenant')) {
        problems.push(`${t.name}: ${kind} table has foreign key ${cols(fk)} to distributed table ${fk.ref_table}`);
      }
    }
    if (kind !== 'tenant') continue;
    const org = t.org_attnum!;
    if (!t.org_not_null) problems.push(`${t.name}: org_id may be null`);
    const pk = own.find((k) => k.kind === 'p');
    if (!pk) problems.push(`${t.name}: no primary key`);
    else if (!pk.cols.includes(org)) problems.push(`${t.name}: primary key ${cols(pk)} lacks org_id`);
    for (const u of own.filter((k) => k.kind === 'u' || k.kind === 'i')) {
      if (!u.cols.includes(org)) {
        problems.push(`${t.name}: unique ${u.kind === 'u' ? 'constraint' : 'index'} ${u.name} ${cols(u)} lacks org_id`);
      }
    }
    for (const fk of own.filter((k) => k.kind === 'f')) {
      const target = kindOf(fk.ref_table!);
      if (target === 'platform') {
        problems.push(`${t.name}: foreign key ${cols(fk)} to platform table ${fk.ref_table}`);
      } else if (target === 'tenant') {
        const paired = fk.cols.some((c, i) => c === org && fk.ref_cols![i] === fk.ref_org_attnum);
        if (!paired) problems.push(`${t.name}: foreign key ${cols(fk)} to ${fk.ref_table} lacks org_id = org_id`);
      }
    }
  }
  return problems.sort();
}
