// Pure functions from our view models to Open Referral UK 3.0 JSON.
// Rule throughout: an optional field with no value is left out, never null or
// "" (ORUK compliance guidance), and nothing is added outside the schema,
// because the newer ORUK validator treats unknown fields as errors.
import type {
  OrukAccessibility,
  OrukAddress,
  OrukApiDetails,
  OrukAttribute,
  OrukCostOption,
  OrukLocation,
  OrukOrganization,
  OrukSchedule,
  OrukService,
  OrukServiceArea,
  OrukServiceAtLocation,
  OrukServiceAtLocationListItem,
  OrukServiceSummary,
  OrukTaxonomy,
  OrukTaxonomyTerm,
} from './oruk.json-types.ts';
import type {
  LocationForFeed,
  OrgForFeed,
  ScheduleForFeed,
  ServiceAreaForFeed,
  ServiceAtLocationForFeed,
  ServiceForFeed,
} from './oruk.types.ts';
import { bydayString } from './schedule.ts';
import { describeSchedule } from './schedule.describe.ts';
import { SERVICE_TYPE_TAXONOMY, SERVICE_TYPES, serviceTypeByCode, serviceTypeUrn } from './service-types.ts';
import type { ServiceType } from './service-types.ts';
import { childId } from './uuid.ts';
import type { OrgMark } from '../../../platform/modules.ts';

export const ORUK_VERSION = 'HSDS-UK-3.0';
// The profile's published home, not a file in its source repository: the feed is read by people
// at councils too. The validator chooses the specification from `version`, not from this.
export const ORUK_PROFILE_URL = 'https://openreferraluk.org/';
export const ORUK_OPENAPI_URL = 'https://openreferraluk.org/specifications/3.0/openapi.json';

/** ONS linked-data URI for a statistical geography such as a local authority district. */
export const onsGeographyUri = (code: string): string =>
  `http://statistics.data.gov.uk/id/statistical-geography/${code}`;

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** Drops undefined, null, blank strings and empty arrays. */
export function omitEmpty<T extends Record<string, unknown>>(fields: T): Partial<Defined<T>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as Partial<Defined<T>>;
}

export function apiDetails(options: { openapiUrl?: string; profileUrl?: string } = {}): OrukApiDetails {
  return {
    version: ORUK_VERSION,
    profile: options.profileUrl ?? ORUK_PROFILE_URL,
    openapi_url: options.openapiUrl ?? ORUK_OPENAPI_URL,
  };
}

// ---- organisations ----

/** The list form: one-to-one fields only. */
export function organizationListItem(org: OrgForFeed): OrukOrganization {
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    ...omitEmpty({ email: org.email, website: org.website, logo: org.logoUrl, uri: org.pageUrl }),
  };
}

/** The full form, as served by /organizations/{id}. */
export function organization(org: OrgForFeed): OrukOrganization {
  return {
    ...organizationListItem(org),
    ...omitEmpty({
      organization_identifiers: (org.identifiers ?? []).map((i) => ({
        id: i.id,
        organization_id: org.id,
        identifier_scheme: i.scheme,
        identifier_type: i.type,
        identifier: i.identifier,
      })),
      attributes: (org.marks ?? []).map((mark) => organizationAttribute(org.id, mark)),
    }),
  };
}

/** A module's public mark on the organisation (e.g. recognition against the standards) as an attribute. */
function organizationAttribute(orgId: string, mark: OrgMark): OrukAttribute {
  return {
    id: childId(orgId, 'attribute', mark.key),
    link_id: orgId,
    link_type: 'organization',
    taxonomy_term_id: mark.term.id,
    taxonomy_term: {
      id: mark.term.id,
      name: mark.term.name,
      description: mark.term.description,
      taxonomy: mark.term.taxonomy,
      taxonomy_id: childId(mark.term.taxonomy, 'taxonomy'),
      term: mark.key,
      term_uri: `urn:recovery-connectors:${mark.key}`,
    },
  };
}

// ---- locations ----

function locationCore(loc: LocationForFeed): OrukLocation {
  return {
    id: loc.id,
    location_type: loc.kind,
    ...omitEmpty({
      name: loc.name,
      description: loc.description,
      latitude: loc.lat,
      longitude: loc.lon,
      external_identifier: loc.uprn,
      external_identifier_type: loc.uprn ? ('UPRN' as const) : undefined,
    }),
  };
}

function address(loc: LocationForFeed): OrukAddress[] {
  const a = loc.address;
  if (!a) return [];
  return [
    {
      id: a.id,
      location_id: loc.id,
      address_1: a.line2 ? `${a.line1}, ${a.line2}` : a.line1,
      city: a.townOrCity,
      state_province: a.county,
      postal_code: a.postcode,
      country: 'GB',
      address_type: 'physical',
    },
  ];
}

export function location(loc: LocationForFeed): OrukLocation {
  const accessibility = (loc.accessibility ?? []).map(
    (a): OrukAccessibility => ({
      id: a.id,
      location_id: loc.id,
      description: a.description,
      ...omitEmpty({ details: a.details, url: a.url }),
    }),
  );
  return { ...locationCore(loc), ...omitEmpty({ addresses: address(loc), accessibility }) };
}

/** The full form, as served by /service_at_locations/{id} and nested in a service. */
export function serviceAtLocation(serviceId: string, sal: ServiceAtLocationForFeed): OrukServiceAtLocation {
  return { id: sal.id, service_id: serviceId, location_id: sal.location.id, location: location(sal.location) };
}

/**
 * The /service_at_locations list item, shaped as ORUK's service_at_location_list
 * schema defines it: the location's own fields (no child arrays) plus a
 * summary of the service, so a list is useful without further requests.
 */
export function serviceAtLocationListItem(
  svc: ServiceForFeed,
  sal: ServiceAtLocationForFeed,
): OrukServiceAtLocationListItem {
  return {
    id: sal.id,
    service_id: svc.id,
    location_id: sal.location.id,
    location: locationCore(sal.location),
    service: serviceListItem(svc),
  };
}

// ---- schedules ----

export function schedule(serviceId: string, s: ScheduleForFeed): OrukSchedule {
  const rule = s.schedule;
  return {
    id: s.id,
    service_id: serviceId,
    ...omitEmpty({ service_at_location_id: s.serviceAtLocationId }),
    freq: rule.freq,
    interval: rule.interval,
    byday: bydayString(rule.byday),
    ...omitEmpty({ dtstart: rule.dtstart, valid_from: rule.validFrom, valid_to: rule.validTo }),
    // Local UK wall-clock time. ORUK removed `timezone`, and a fixed offset
    // would be wrong for half the year, so the zone is stated in the
    // description and in our published feed notes (docs/DIRECTORY.md).
    opens_at: rule.opensAt,
    closes_at: rule.closesAt,
    description: s.description ?? describeSchedule(rule),
    ...omitEmpty({ attending_type: s.attendingType, schedule_link: s.link, notes: s.notes }),
  };
}

// ---- taxonomy ----

export function taxonomyTerm(type: ServiceType): OrukTaxonomyTerm {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    taxonomy: SERVICE_TYPE_TAXONOMY.name,
    taxonomy_id: SERVICE_TYPE_TAXONOMY.id,
    term: type.code,
    term_uri: serviceTypeUrn(type.code),
  };
}

/** Our one taxonomy. The list form leaves out the terms (served by /taxonomy_terms). */
export function taxonomy(options: { withTerms: boolean } = { withTerms: true }): OrukTaxonomy {
  return {
    id: SERVICE_TYPE_TAXONOMY.id,
    name: SERVICE_TYPE_TAXONOMY.name,
    description: SERVICE_TYPE_TAXONOMY.description,
    uri: SERVICE_TYPE_TAXONOMY.urn,
    version: SERVICE_TYPE_TAXONOMY.version,
    ...(options.withTerms ? { taxonomy_terms: SERVICE_TYPES.map(taxonomyTerm) } : {}),
  };
}

// ---- services ----

function serviceArea(serviceId: string, area: ServiceAreaForFeed): OrukServiceArea {
  return {
    id: childId(serviceId, 'service_area', area.ladCode),
    service_id: serviceId,
    name: area.ladName,
    service_area: area.ladName,
    // The ONS code, machine-readable, for consumers that match on it.
    extent: area.ladCode,
    extent_type: 'text',
    uri: onsGeographyUri(area.ladCode),
  };
}

function costOptions(s: ServiceForFeed): OrukCostOption[] {
  if (s.free) {
    return [
      {
        id: childId(s.id, 'cost_option', 'free'),
        service_id: s.id,
        option: 'Free',
        amount: 0,
        amount_description: s.costNote?.trim() || 'Free of charge',
      },
    ];
  }
  if (s.costNote?.trim()) {
    return [{ id: childId(s.id, 'cost_option', 'note'), service_id: s.id, option: s.costNote.trim() }];
  }
  return [];
}

function attribute(serviceId: string, type: ServiceType): OrukAttribute {
  return {
    id: childId(serviceId, 'attribute', type.id),
    link_id: serviceId,
    link_type: 'service_type',
    taxonomy_term_id: type.id,
    taxonomy_term: taxonomyTerm(type),
  };
}

const isoDateTime = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** The one-to-one fields plus the organisation: the /services list item. */
export function serviceListItem(s: ServiceForFeed): OrukServiceSummary {
  return {
    id: s.id,
    organization_id: s.organization.id,
    name: s.name,
    status: s.status,
    ...omitEmpty({
      description: s.description,
      url: s.url,
      email: s.email,
      minimum_age: s.minimumAge,
      maximum_age: s.maximumAge,
      alert: s.alert,
      assured_date: s.assuredDate,
      assurer_email: s.assurerEmail,
    }),
    last_modified: isoDateTime(s.lastModified),
    organization: organizationListItem(s.organization),
  };
}

/** The fully nested service, as served by /services/{id}. */
export function service(s: ServiceForFeed): OrukService {
  const types = [...new Set(s.serviceTypes)].map(serviceTypeByCode);
  return {
    ...serviceListItem(s),
    organization: organization(s.organization),
    ...omitEmpty({
      schedules: s.schedules.map((x) => schedule(s.id, x)),
      service_areas: s.areas.map((a) => serviceArea(s.id, a)),
      service_at_locations: s.locations.map((sal) => serviceAtLocation(s.id, sal)),
      cost_options: costOptions(s),
      attributes: types.map((t) => attribute(s.id, t)),
    }),
  };
}
