import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Member organisations counted by region, for the home page. */
export async function memberCountsByRegion(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['region', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'member')
    .groupBy('region')
    .orderBy(sql`region collate "und-x-icu"`)
    .execute();
}

/** Rows held now in each named table (for the records of processing). */
export async function countRows(db: Kysely<DB>, tables: readonly (keyof DB)[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const table of new Set(tables)) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out.set(table, Number(r.rows[0]?.n ?? 0));
  }
  return out;
}
