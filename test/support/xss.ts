// A script payload written into every text column the database will take it in, so tests
// can prove every page prints it as text. Generic on purpose: new tables are covered too.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';

export const XSS_PAYLOAD = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
export const RAW_PAYLOAD_PATTERNS = [/<script>alert\("xss"\)<\/script>/, /<img src=x onerror=alert\(1\)>/];

/** Appends the payload to every text value it can; returns the columns that took it. */
export async function poisonTextColumns(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type = 'text'
      and c.is_generated = 'NEVER'
      and c.column_name not in ('slug', 'token_hash', 'password_hash')
    order by 1, 2`.execute(db);
  const poisoned: string[] = [];
  for (const { table_name, column_name } of rows) {
    // emails keep an @ and lower case, so they still pass their check
    const value =
      column_name === 'email'
        ? sql`lower(${XSS_PAYLOAD}) || ${sql.ref(column_name)}`
        : sql`${sql.ref(column_name)} || ${XSS_PAYLOAD}`;
    try {
      await db.transaction().execute(async (tx) => {
        await sql`update ${sql.table(table_name)} set ${sql.ref(column_name)} = ${value} where ${sql.ref(column_name)} is not null`.execute(
          tx,
        );
      });
      poisoned.push(`${table_name}.${column_name}`);
    } catch {
      // a check constraint (a status, a role…) refuses it: not free text
    }
  }
  return poisoned;
}
