// All SQL for the "If you need help now" numbers.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

type Db = Kysely<DB>;

export async function listHelpLines(db: Db) {
  return db
    .selectFrom('help_lines as h')
    .leftJoin('people as p', 'p.id', 'h.checked_by')
    .select([
      'h.id',
      'h.position',
      'h.name',
      'h.number',
      'h.purpose',
      'h.nations',
      'h.last_checked_on',
      'h.updated_at',
      'p.display_name as checked_by_name',
    ])
    .orderBy('h.position')
    .execute();
}

export type HelpLineRow = Awaited<ReturnType<typeof listHelpLines>>[number];

export async function findHelpLine(db: Db, id: string) {
  return db.selectFrom('help_lines').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateHelpLine(
  db: Db,
  id: string,
  fields: { number: string; purpose: string; last_checked_on: string | null; checked_by: string | null },
): Promise<void> {
  await db
    .updateTable('help_lines')
    .set({ ...fields, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
