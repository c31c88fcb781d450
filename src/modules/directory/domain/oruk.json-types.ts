// The shapes we emit, a typed subset of the ORUK 3.0 JSON schemas in
// spec/oruk/schema/. Optional properties are absent, never null.

export interface OrukApiDetails {
  version: 'HSDS-UK-3.0';
  profile: string;
  openapi_url: string;
}

export interface OrukOrganizationIdentifier {
  id: string;
  organization_id: string;
  identifier_scheme: string;
  identifier_type: string;
  identifier: string;
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  logo?: string;
  uri?: string;
  organization_identifiers?: OrukOrganizationIdentifier[];
  attributes?: OrukAttribute[];
}

export interface OrukAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: 'GB';
  address_type: 'physical';
}

export interface OrukAccessibility {
  id: string;
  location_id: string;
  description: string;
  details?: string;
  url?: string;
}

export interface OrukLocation {
  id: string;
  location_type: 'physical' | 'virtual';
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: 'UPRN';
  addresses?: OrukAddress[];
  accessibility?: OrukAccessibility[];
}

export interface OrukServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location: OrukLocation;
}

export interface OrukServiceAtLocationListItem extends OrukServiceAtLocation {
  service: OrukServiceSummary;
}

export interface OrukSchedule {
  id: string;
  service_id: string;
  service_at_location_id?: string;
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byday: string;
  dtstart?: string;
  valid_from?: string;
  valid_to?: string;
  opens_at: string;
  closes_at: string;
  description: string;
  attending_type?: string;
  schedule_link?: string;
  notes?: string;
}

export interface OrukServiceArea {
  id: string;
  service_id: string;
  name: string;
  service_area: string;
  extent: string;
  extent_type: 'text';
  uri: string;
}

export interface OrukCostOption {
  id: string;
  service_id: string;
  option: string;
  amount?: number;
  amount_description?: string;
}

export interface OrukTaxonomyTerm {
  id: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
  term_uri: string;
}

export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
  taxonomy_terms?: OrukTaxonomyTerm[];
}

export interface OrukAttribute {
  id: string;
  link_id: string;
  link_type: string;
  taxonomy_term_id: string;
  taxonomy_term: OrukTaxonomyTerm;
}

export interface OrukServiceSummary {
  id: string;
  organization_id: string;
  name: string;
  status: string;
  description?: string;
  url?: string;
  email?: string;
  minimum_age?: number;
  maximum_age?: number;
  alert?: string;
  assured_date?: string;
  assurer_email?: string;
  last_modified: string;
  organization: OrukOrganization;
}

export interface OrukService extends OrukServiceSummary {
  schedules?: OrukSchedule[];
  service_areas?: OrukServiceArea[];
  service_at_locations?: OrukServiceAtLocation[];
  cost_options?: OrukCostOption[];
  attributes?: OrukAttribute[];
}

/** The ORUK 3.0 "Page" envelope around every list. Pages are 1-based. */
export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
