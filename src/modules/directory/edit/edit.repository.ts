// All SQL for an organisation editing its own directory entry. Every statement is scoped by
// the organisation's id, which the access layer loaded and authorised.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { bydayString, type Schedule } from '../domain/schedule.ts';
import type { ServiceTypeCode } from '../domain/service-types.ts';
import { PROFILE_COLUMNS } from '../directory.repository.ts';
import type { ServiceMode, ServiceStatus, SizeBand } from '../directory.schemas.ts';

type Db = Kysely<DB>;

export async function getOwnProfile(db: Db, orgId: string) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('org_profiles as p', 'p.org_id', 'o.id')
    .select(['o.name', 'o.summary', 'o.size_band', ...PROFILE_COLUMNS])
    .where('o.id', '=', orgId)
    .executeTakeFirstOrThrow();
}

export interface ProfileFields {
  name: string;
  summary: string;
  size_band: SizeBand;
  founded_year: number | null;
  charity_number: string;
  company_number: string;
  website: string;
  email: string;
  phone: string;
  social_links: string;
  lived_experience: string;
}

export async function saveProfile(db: Db, orgId: string, p: ProfileFields): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ name: p.name, summary: p.summary, size_band: p.size_band, updated_at: new Date() })
    .where('id', '=', orgId)
    .execute();
  const profile = {
    founded_year: p.founded_year,
    charity_number: p.charity_number,
    company_number: p.company_number,
    website: p.website,
    email: p.email,
    phone: p.phone,
    social_links: p.social_links,
    lived_experience: p.lived_experience,
    updated_at: new Date(),
  };
  await db
    .insertInto('org_profiles')
    .values({ org_id: orgId, ...profile })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(profile))
    .execute();
}

export async function replaceOrgAreas(db: Db, orgId: string, ladCodes: readonly string[]): Promise<void> {
  await db.deleteFrom('org_areas').where('org_id', '=', orgId).execute();
  if (ladCodes.length)
    await db
      .insertInto('org_areas')
      .values(ladCodes.map((lad_code) => ({ org_id: orgId, lad_code })))
      .execute();
}

export async function findOwnService(db: Db, orgId: string, serviceId: string) {
  return db
    .selectFrom('services')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', serviceId)
    .executeTakeFirst();
}

export interface ServiceFields {
  name: string;
  description: string;
  who_for: string;
  how_to_join: string;
  mode: ServiceMode;
  status: ServiceStatus;
  free: boolean;
  cost_note: string;
  url: string;
  email: string;
}

export async function insertService(db: Db, orgId: string, s: ServiceFields, id?: string): Promise<string> {
  const row = await db
    .insertInto('services')
    .values({ ...(id ? { id } : {}), org_id: orgId, ...s })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateService(db: Db, orgId: string, serviceId: string, s: ServiceFields): Promise<void> {
  await db
    .updateTable('services')
    .set({ ...s, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', serviceId)
    .execute();
}

export async function deleteService(db: Db, orgId: string, serviceId: string): Promise<void> {
  await db.deleteFrom('services').where('org_id', '=', orgId).where('id', '=', serviceId).execute();
  await deleteUnusedLocations(db, orgId);
}

async function deleteUnusedLocations(db: Db, orgId: string): Promise<void> {
  await db
    .deleteFrom('locations')
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('service_at_locations as sal')
            .select('sal.id')
            .whereRef('sal.location_id', '=', 'locations.id'),
        ),
      ),
    )
    .execute();
}

export interface VenueFields {
  name: string;
  address_1: string;
  town: string;
  postcode: string;
  outcode: string;
  lad_code: string | null;
  lat: number;
  lon: number;
  accessibility: string;
  hide_address: boolean;
}

export interface ServiceParts {
  types: readonly ServiceTypeCode[];
  venue: VenueFields | undefined;
  schedule: Schedule;
  attendingType: string;
  link: string;
  /** Local authorities the service is for. */
  areas: readonly string[];
}

/** Replaces a service's types, venue, times and areas with the ones given (one venue, one timetable). */
export async function replaceServiceParts(db: Db, orgId: string, serviceId: string, p: ServiceParts): Promise<void> {
  for (const table of ['service_types', 'service_areas', 'schedules', 'service_at_locations'] as const) {
    await db.deleteFrom(table).where('org_id', '=', orgId).where('service_id', '=', serviceId).execute();
  }
  await deleteUnusedLocations(db, orgId);
  if (p.types.length) {
    await db
      .insertInto('service_types')
      .values(p.types.map((type_code) => ({ org_id: orgId, service_id: serviceId, type_code })))
      .execute();
  }
  if (p.areas.length) {
    await db
      .insertInto('service_areas')
      .values(p.areas.map((lad_code) => ({ org_id: orgId, service_id: serviceId, lad_code })))
      .execute();
  }
  let salId: string | null = null;
  if (p.venue) {
    const loc = await db
      .insertInto('locations')
      .values({ org_id: orgId, ...p.venue })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sal = await db
      .insertInto('service_at_locations')
      .values({ org_id: orgId, service_id: serviceId, location_id: loc.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    salId = sal.id;
  }
  const s = p.schedule;
  await db
    .insertInto('schedules')
    .values({
      org_id: orgId,
      service_id: serviceId,
      service_at_location_id: salId,
      freq: s.freq,
      interval: s.interval,
      byday: bydayString(s.byday),
      opens_at: s.opensAt,
      closes_at: s.closesAt,
      dtstart: s.dtstart ?? null,
      valid_from: s.validFrom ?? null,
      valid_to: s.validTo ?? null,
      attending_type: p.attendingType,
      link: p.link,
    })
    .execute();
}
