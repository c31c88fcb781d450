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
