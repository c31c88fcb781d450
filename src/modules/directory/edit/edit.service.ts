// Use cases of a lead keeping their organisation's entry up to date: the profile with the areas
// it serves, and its services with their venue, times and types. Each save is one transaction
// with its audit record.
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { loadGeoData } from '../domain/geo.data.ts';
import type { LocalAuthority } from '../domain/places.ts';
import * as repo from '../directory.repository.ts';
import type { ProfileInput, ServiceInput } from '../directory.schemas.ts';
import { loadServiceParts, lookUpPlace, scheduleFromRow } from '../directory.service.ts';
import * as edit from './edit.repository.ts';

type Db = Kysely<DB>;

/** The organisation's profile as form fields, with a field for each area it serves. */
export async function loadProfileFormValues(db: Db, orgId: string): Promise<Record<string, string>> {
  const p = await edit.getOwnProfile(db, orgId);
  const values: Record<string, string> = {
    name: p.name,
    summary: p.summary,
    size_band: p.size_band,
    founded_year: p.founded_year ? String(p.founded_year) : '',
    charity_number: p.charity_number ?? '',
    company_number: p.company_number ?? '',
    website: p.website ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    social_links: p.social_links ?? '',
    lived_experience: p.lived_experience ?? '',
  };
  for (const code of await repo.areasOfOrg(db, orgId)) values[`area_${code}`] = 'on';
  return values;
}

/** Local authorities grouped by region, each group in name order, for the areas checkboxes. */
export function areasByRegion(): { region: string; areas: LocalAuthority[] }[] {
  const groups = new Map<string, LocalAuthority[]>();
  for (const la of loadGeoData().localAuthorities)
    groups.set(la.regionName, [...(groups.get(la.regionName) ?? []), la]);
  return [...groups].map(([region, list]) => ({
    region,
    areas: [...list].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  }));
}

export interface OwnServiceSummary {
  id: string;
  name: string;
  mode: 'in_person' | 'online' | 'both';
  status: string;
}

/** Every service of the organisation, paused and closed ones too, for its services page. */
export async function listOwnServices(db: Db, orgId: string): Promise<OwnServiceSummary[]> {
  const rows = await repo.servicesOfOrg(db, orgId, { activeOnly: false });
  return rows.map((s) => ({ id: s.id, name: s.name, mode: s.mode, status: s.status }));
}

export async function saveOrgProfile(db: Db, actor: SignedInActor, org: OrgTarget, input: ProfileInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await edit.saveProfile(tx, org.id, {
      name: input.name,
      summary: input.summary,
      size_band: input.size_band,
      founded_year: input.founded_year ?? null,
      charity_number: input.charity_number ?? '',
      company_number: input.company_number ?? '',
      website: input.website ?? '',
      email: input.email ?? '',
      phone: input.phone ?? '',
      social_links: input.social_links ?? '',
      lived_experience: input.lived_experience,
    });
    await edit.replaceOrgAreas(tx, org.id, input.areas);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'directory.profile_saved',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
}

/** The venue's place from its postcode, or a field error the form can show. */
function venueFields(input: ServiceInput): edit.VenueFields | undefined {
  if (!input.venue) return undefined;
  const found = lookUpPlace(input.venue.postcode);
  if (found.kind !== 'found') throw new AppError('validation', found.message, { postcode: found.message });
  return {
    name: input.venue.name,
    address_1: input.venue.address1,
    town: input.venue.town,
    postcode: found.fullPostcode ?? found.outcode,
    outcode: found.outcode,
    lad_code: found.place.ladCode,
    lat: found.place.lat,
    lon: found.place.lon,
    accessibility: input.venue.accessibility,
    hide_address: input.venue.hideAddress,
  };
}

function serviceFields(input: ServiceInput): edit.ServiceFields {
  return {
    name: input.name,
    description: input.description,
    who_for: input.whoFor,
    how_to_join: input.howToJoin,
    mode: input.mode,
    status: input.status,
    free: input.free,
    cost_note: input.costNote,
    url: input.url,
    email: input.email,
  };
}

function partsFor(input: ServiceInput, venue: edit.VenueFields | undefined): edit.ServiceParts {
  return {
    types: input.types,
    venue,
    schedule: input.schedule,
    attendingType:
      input.attendingType ||
      (input.mode === 'online' ? 'Online' : input.mode === 'both' ? 'In person or online' : 'In person'),
    link: input.link,
    areas: venue?.lad_code ? [venue.lad_code] : [],
  };
}

/** Saves a new service (no id) or changes one of the organisation's own. Returns its id. */
export async function saveService(
  db: Db,
  actor: SignedInActor,
  org: OrgTarget,
  serviceId: string | undefined,
  input: ServiceInput,
): Promise<string> {
  const venue = venueFields(input);
  return db.transaction().execute(async (tx) => {
    let id = serviceId;
    if (id) {
      if (!(await edit.findOwnService(tx, org.id, id))) throw notFound('service');
      await edit.updateService(tx, org.id, id, serviceFields(input));
    } else {
      id = await edit.insertService(tx, org.id, serviceFields(input));
    }
    await edit.replaceServiceParts(tx, org.id, id, partsFor(input, venue));
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: serviceId ? 'directory.service_changed' : 'directory.service_added',
      subjectType: 'service',
      subjectId: id,
    });
    return id;
  });
}

export async function removeService(db: Db, actor: SignedInActor, org: OrgTarget, serviceId: string): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const s = await edit.findOwnService(tx, org.id, serviceId);
    if (!s) throw notFound('service');
    await edit.deleteService(tx, org.id, serviceId);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'directory.service_removed',
      subjectType: 'service',
      subjectId: serviceId,
    });
    return s.name;
  });
}

/** A service's current values as form fields, for the edit form. */
export async function serviceFormValues(db: Db, org: OrgTarget, serviceId: string): Promise<Record<string, string>> {
  const s = await edit.findOwnService(db, org.id, serviceId);
  if (!s) throw notFound('service');
  const parts = await loadServiceParts(db, [s.id]);
  const v: Record<string, string> = {
    name: s.name,
    description: s.description,
    who_for: s.who_for,
    how_to_join: s.how_to_join,
    mode: s.mode,
    status: s.status,
    free: s.free ? 'yes' : 'no',
    cost_note: s.cost_note,
    url: s.url,
    email: s.email,
  };
  for (const t of parts.types.get(s.id) ?? []) v[`type_${t.type_code}`] = 'on';
  const loc = parts.locations.get(s.id)?.[0];
  if (loc)
    Object.assign(v, {
      venue_name: loc.name,
      address_1: loc.address_1,
      town: loc.town,
      postcode: loc.postcode,
      accessibility: loc.accessibility,
      ...(loc.hide_address ? { hide_address: 'yes' } : {}),
    });
  const sc = parts.schedules.get(s.id)?.[0];
  if (sc) {
    const sched = scheduleFromRow(sc);
    Object.assign(v, {
      freq: sched.freq,
      interval: String(sched.interval),
      opens_at: sched.opensAt,
      closes_at: sched.closesAt,
      attending_type: sc.attending_type,
      link: sc.link,
    });
    for (const d of sched.byday) v[`day_${d.day}`] = 'on';
    const nth = sched.byday.find((d) => d.nth !== undefined)?.nth;
    if (nth !== undefined) v.nth = String(nth);
  }
  return v;
}
