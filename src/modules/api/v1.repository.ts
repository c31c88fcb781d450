// The one read the API does itself: the organisation an `org` token belongs to.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function findOrganisationById(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'slug']).where('id', '=', id).executeTakeFirst();
}
