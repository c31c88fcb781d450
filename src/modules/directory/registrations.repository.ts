// Members' registered numbers (charity, company), for other modules that match open data to
// members by identifier. Members only: applicants and lapsed organisations are left out.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface MemberRegistration {
  orgId: string;
  slug: string;
  name: string;
  charityNumber: string;
  companyNumber: string;
}

export async function listMemberRegistrations(db: Kysely<DB>): Promise<MemberRegistration[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('org_profiles as p', 'p.org_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'p.charity_number', 'p.company_number'])
    .where('o.status', '=', 'member')
    .where((eb) => eb.or([eb('p.charity_number', '<>', ''), eb('p.company_number', '<>', '')]))
    .execute();
  return rows.map((r) => ({
    orgId: r.id,
    slug: r.slug,
    name: r.name,
    charityNumber: r.charity_number,
    companyNumber: r.company_number,
  }));
}

/** Sets an organisation's registered numbers (the demo seed; people edit them on the profile form). */
export async function setRegistrationNumbers(
  db: Kysely<DB>,
  orgId: string,
  charityNumber: string,
  companyNumber: string,
): Promise<void> {
  await db
    .insertInto('org_profiles')
    .values({ org_id: orgId, charity_number: charityNumber, company_number: companyNumber })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ charity_number: charityNumber, company_number: companyNumber }),
    )
    .execute();
}
