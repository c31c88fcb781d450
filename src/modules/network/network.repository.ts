// All SQL for organisations, memberships and invitations.
import { sql, type Kysely } from 'kysely';
import type { OrgRole } from '../../platform/auth/actor.ts';
import { forgetCachedPerson } from '../../platform/auth/session.store.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ColumnValue } from '../../platform/db/columns.ts';

export type OrgStatus = OrgTarget['status'];

export async function findOrgBySlug(db: Kysely<DB>, slug: string): Promise<OrgTarget | undefined> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return undefined;
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'status'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row;
}

export async function getOrgDetails(db: Kysely<DB>, orgId: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
}

export async function listTeam(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select([
      'people.id as person_id',
      'people.display_name',
      'people.email',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.org_id', '=', orgId)
    .orderBy(sql`people.display_name collate "und-x-icu"`)
    .execute();
}

export async function listPendingInvitations(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('email_tokens')
    .select(['email', 'role', 'created_at', 'expires_at'])
    .where('org_id', '=', orgId)
    .where('purpose', '=', 'invitation')
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
}

/** The email addresses of an organisation's leads, in order: whom its notices go to. */
export async function leadEmailsOf(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.email')
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'lead')
    .orderBy('p.email')
    .execute();
  return rows.map((r) => r.email);
}

export async function countLeads(db: Kysely<DB>, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'lead')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findMembership(db: Kysely<DB>, orgId: string, personId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['memberships.role', 'people.display_name', 'people.email'])
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function setMemberRole(db: Kysely<DB>, orgId: string, personId: string, role: OrgRole) {
  forgetCachedPerson(personId); // their roles show at once
  await db
    .updateTable('memberships')
    .set({ role })
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
}

export async function deleteMembership(db: Kysely<DB>, orgId: string, personId: string) {
  forgetCachedPerson(personId); // their roles show at once
  await db.deleteFrom('memberships').where('org_id', '=', orgId).where('person_id', '=', personId).execute();
}

export async function upsertMembership(db: Kysely<DB>, orgId: string, personId: string, role: OrgRole) {
  forgetCachedPerson(personId); // their roles show at once
  await db
    .insertInto('memberships')
    .values({ org_id: orgId, person_id: personId, role })
    .onConflict((oc) => oc.columns(['org_id', 'person_id']).doUpdateSet({ role }))
    .execute();
}

export interface OrgListFilter {
  status?: OrgStatus | undefined;
  q?: string | undefined;
  page: number;
  perPage: number;
}

export async function listOrganisations(db: Kysely<DB>, f: OrgListFilter) {
  let query = db.selectFrom('organisations');
  if (f.status) query = query.where('status', '=', f.status);
  if (f.q) query = query.where('name', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [rows, total] = await Promise.all([
    query
      .select(['id', 'slug', 'name', 'status', 'town', 'region', 'size_band', 'status_changed_at'])
      .select((eb) =>
        eb
          .selectFrom('memberships')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('memberships.org_id', '=', 'organisations.id')
          .as('people'),
      )
      .orderBy(sql`name collate "und-x-icu"`)
      .limit(f.perPage)
      .offset((f.page - 1) * f.perPage)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countOrganisationsByStatus(db: Kysely<DB>): Promise<Record<OrgStatus, number>> {
  const rows = await db
    .selectFrom('organisations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<OrgStatus, number> = { applicant: 0, member: 0, lapsed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function setOrgStatus(db: Kysely<DB>, orgId: string, status: OrgStatus) {
  await db
    .updateTable('organisations')
    .set({ status, status_changed_at: new Date(), updated_at: new Date() })
    .where('id', '=', orgId)
    .execute();
}

export async function insertOrganisation(
  db: Kysely<DB>,
  o: {
    slug: string;
    name: string;
    status: OrgStatus;
    summary?: string;
    town?: string;
    region?: string;
    size_band?: ColumnValue<'organisations', 'size_band'>;
  },
) {
  return db
    .insertInto('organisations')
    .values({ summary: '', town: '', region: '', ...o })
    .returning(['id', 'slug', 'name', 'status'])
    .executeTakeFirstOrThrow();
}

/** Many organisations in one statement (demo and synthetic data), returned in the order given. */
export async function insertOrganisations(
  db: Kysely<DB>,
  rows: readonly {
    slug: string;
    name: string;
    status: OrgStatus;
    summary?: string;
    town?: string;
    region?: string;
    size_band?: ColumnValue<'organisations', 'size_band'>;
  }[],
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('organisations')
    .values(rows.map((o) => ({ summary: '', town: '', region: '', ...o })))
    .returning(['id', 'slug', 'name', 'status'])
    .execute();
}

export async function slugExists(db: Kysely<DB>, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst());
}

/** Someone's membership of an organisation, found by their email address. */
export async function findMembershipByEmail(db: Kysely<DB>, orgId: string, email: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select('memberships.role')
    .where('memberships.org_id', '=', orgId)
    .where('people.email', '=', email)
    .executeTakeFirst();
}
