// All SQL for "people who can help": an opt-in list of people in member organisations.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export interface HelperRow {
  person_id: string;
  display_name: string | null;
  email: string;
  org_name: string;
  org_slug: string;
  can_offer: string;
  looking_for: string;
  updated_at: Date;
}

function helpers(db: Kysely<DB>) {
  return (
    db
      .selectFrom('learning_helpers as h')
      .innerJoin('people as p', 'p.id', 'h.person_id')
      .innerJoin('organisations as o', 'o.id', 'h.org_id')
      // Still in that organisation, and it is still a member of the network.
      .innerJoin('memberships as m', (j) =>
        j.onRef('m.person_id', '=', 'h.person_id').onRef('m.org_id', '=', 'h.org_id'),
      )
      .where('o.status', '=', 'member')
      .select([
        'h.person_id',
        'p.display_name',
        'p.email',
        'o.name as org_name',
        'o.slug as org_slug',
        'h.can_offer',
        'h.looking_for',
        'h.updated_at',
      ])
  );
}

/** Matching people, best first; every listed person when there are no words. */
export async function searchHelpers(db: Kysely<DB>, q: string, limit = 50): Promise<HelperRow[]> {
  const words = q.trim();
  if (!words) return helpers(db).orderBy('h.updated_at', 'desc').limit(limit).execute();
  // Full text first (stems: "grants" finds "grant writing"), then a typo-tolerant fallback
  // with the library's lower trigram bar, set for this transaction only.
  return db.transaction().execute(async (tx) => {
    await sql`set local pg_trgm.word_similarity_threshold = 0.45`.execute(tx);
    return helpers(tx)
      .where((eb) =>
        eb.or([
          sql<boolean>`h.search @@ websearch_to_tsquery('learning_en', ${words})`,
          sql<boolean>`${words} <% (h.can_offer || ' ' || h.looking_for)`,
        ]),
      )
      .orderBy(sql`ts_rank_cd(h.search, websearch_to_tsquery('learning_en', ${words}), 32)`, 'desc')
      .orderBy(sql`word_similarity(${words}, h.can_offer || ' ' || h.looking_for)`, 'desc')
      .limit(limit)
      .execute();
  });
}

export async function findHelperEntry(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('learning_helpers')
    .select(['org_id', 'can_offer', 'looking_for'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** One entry per person: the chosen organisation's, replacing any other. */
export async function saveHelperEntry(
  db: Kysely<DB>,
  e: { personId: string; orgId: string; canOffer: string; lookingFor: string },
) {
  await db.deleteFrom('learning_helpers').where('person_id', '=', e.personId).where('org_id', '<>', e.orgId).execute();
  await db
    .insertInto('learning_helpers')
    .values({ person_id: e.personId, org_id: e.orgId, can_offer: e.canOffer, looking_for: e.lookingFor })
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'org_id'])
        .doUpdateSet({ can_offer: e.canOffer, looking_for: e.lookingFor, updated_at: new Date() }),
    )
    .execute();
}

export async function removeHelperEntry(db: Kysely<DB>, personId: string): Promise<string[]> {
  const rows = await db.deleteFrom('learning_helpers').where('person_id', '=', personId).returning('org_id').execute();
  return rows.map((r) => r.org_id);
}

export async function orgNames(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
}
