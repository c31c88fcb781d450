// One page of a keyset-paged read: the rows of one organisation whose key comes after the last
// key seen, in key order. The key is compared and ordered under the same "C" collation, so a
// server whose default collation is a language's (en_GB sorts "a1" before "B2"; "C" does not)
// can neither skip nor repeat a row between pages.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema.ts';

export interface KeysetQuery {
  /** The key, a text expression unique within the organisation (it comes back as `k`). */
  key: RawBuilder<unknown>;
  /** The columns to return, as a select list. */
  columns: RawBuilder<unknown>;
  /** The from clause, joins and all. */
  from: RawBuilder<unknown>;
  /** The organisation column every row is scoped by, such as `a.org_id`. */
  orgColumn: string;
}

export type KeysetRow = Record<string, unknown> & { k: string };

export async function keysetPage(
  db: Kysely<DB>,
  query: KeysetQuery,
  orgId: string,
  after: string,
  limit: number,
): Promise<KeysetRow[]> {
  const key = sql`(${query.key})::text collate "C"`;
  const result = await sql<KeysetRow>`select ${key} as k, ${query.columns} from ${query.from}
    where ${sql.ref(query.orgColumn)} = ${orgId} and ${key} > ${after}
    order by ${key} limit ${limit}`.execute(db);
  return result.rows;
}
