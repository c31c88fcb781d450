// All SQL for organisations' logos. Scoped by org_id; the public read is for member organisations.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export async function saveLogo(
  db: Kysely<DB>,
  orgId: string,
  logo: { png: Buffer; width: number; height: number },
  by: string,
): Promise<void> {
  await db
    .insertInto('org_logos')
    .values({ org_id: orgId, png: logo.png, width: logo.width, height: logo.height, updated_by: by })
    .onConflict((oc) =>
      oc
        .column('org_id')
        .doUpdateSet({ png: logo.png, width: logo.width, height: logo.height, updated_by: by, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteLogo(db: Kysely<DB>, orgId: string): Promise<boolean> {
  const r = await db.deleteFrom('org_logos').where('org_id', '=', orgId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findLogo(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('org_logos')
    .select(['png', 'width', 'height', 'updated_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** A member organisation's logo by its public slug. */
export async function findPublicLogo(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('org_logos as l')
    .innerJoin('organisations as o', 'o.id', 'l.org_id')
    .select(['l.png', 'l.updated_at'])
    .where('o.slug', '=', slug)
    .where('o.status', '=', 'member')
    .executeTakeFirst();
}
