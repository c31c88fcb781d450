// All SQL for the core demo and the synthetic networks: the core tables (organisations, people,
// memberships, instance settings) that every module's demo data hangs off. Other modules' demo
// rows go in through their own exported seed functions.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function hasAnyOrganisation(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst());
}

export async function insertDemoOrganisations(
  db: Kysely<DB>,
  orgs: readonly {
    slug: string;
    name: string;
    status: Selectable<DB['organisations']>['status'];
    town: string;
    region: string;
    sizeBand: Selectable<DB['organisations']>['size_band'];
    summary: string;
  }[],
) {
  return db
    .insertInto('organisations')
    .values(
      orgs.map((o) => ({
        slug: o.slug,
        name: o.name,
        status: o.status,
        town: o.town,
        region: o.region,
        size_band: o.sizeBand,
        summary: o.summary,
      })),
    )
    .returning(['id', 'slug', 'name', 'status'])
    .execute();
}

export async function insertDemoPeople(
  db: Kysely<DB>,
  people: readonly { email: string; name: string; networkRole: Selectable<DB['people']>['network_role'] }[],
  passwordHash: string,
): Promise<Map<string, string>> {
  const rows = await db
    .insertInto('people')
    .values(
      people.map((p) => ({
        email: p.email,
        display_name: p.name,
        password_hash: passwordHash,
        network_role: p.networkRole,
      })),
    )
    .returning(['id', 'email'])
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function insertMemberships(
  db: Kysely<DB>,
  memberships: readonly Insertable<DB['memberships']>[],
): Promise<void> {
  if (memberships.length > 0)
    await db
      .insertInto('memberships')
      .values([...memberships])
      .execute();
}

/** Marks the instance as a demo (the banner and the demo sign-ins follow it). */
export async function markDemoInstance(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('instance_settings')
    .values({ key: 'demo', value: JSON.stringify(true) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(true) }))
    .execute();
}

const SYNTHETIC_REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];
const SYNTHETIC_ROLES = ['lead', 'worker', 'volunteer', 'volunteer', 'peer_researcher'] as const;

/** Synthetic organisations `${prefix}-org-${i}` for each index, with unnest() in one statement. */
export async function insertSyntheticOrganisations(
  db: Kysely<DB>,
  prefix: string,
  idx: readonly number[],
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    insert into organisations (slug, name, status, town, region, size_band, summary)
    select s, nm, 'member', 'Synthetic town ' || (i % 97), rg, 'volunteers', 'A synthetic organisation for benchmarks.'
    from unnest(${idx.map((i) => `${prefix}-org-${i}`)}::text[], ${idx.map((i) => `Synthetic Organisation ${i}`)}::text[],
                ${idx.map((i) => SYNTHETIC_REGIONS[i % SYNTHETIC_REGIONS.length]!)}::text[], ${[...idx]}::int[]) as t(s, nm, rg, i)
    returning id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Synthetic people for each index, each a member of one of `orgIds` (round robin) when there are any. */
export async function insertSyntheticPeople(
  db: Kysely<DB>,
  prefix: string,
  idx: readonly number[],
  passwordHash: string,
  orgIds: readonly string[],
): Promise<void> {
  const people = await sql<{ id: string }>`
    insert into people (email, display_name, password_hash)
    select e, nm, ${passwordHash}
    from unnest(${idx.map((i) => `${prefix}.person.${i}@synthetic.example`)}::text[], ${idx.map((i) => `Synthetic Person ${i}`)}::text[]) as t(e, nm)
    returning id`.execute(db);
  if (orgIds.length === 0) return;
  const ids = people.rows.map((r) => r.id);
  await sql`
    insert into memberships (org_id, person_id, role)
    select o, p, r from unnest(${idx.map((i) => orgIds[i % orgIds.length]!)}::uuid[], ${ids}::uuid[], ${idx.map((i) => SYNTHETIC_ROLES[i % SYNTHETIC_ROLES.length]!)}::text[]) as t(o, p, r)`.execute(
    db,
  );
}

export async function syntheticOrganisationIds(db: Kysely<DB>, prefix: string): Promise<string[]> {
  const orgs = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', 'like', `${prefix}-org-%`)
    .orderBy('slug')
    .execute();
  return orgs.map((o) => o.id);
}
