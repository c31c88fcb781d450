// Generated from the migrated schema by `npm run db:types`. Do not edit by hand:
// change a migration, then regenerate. A test checks this file against the database.
import type { Generated, GeneratedAlways } from 'kysely';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface ApplicationEventsTable {
  id: GeneratedAlways<number>;
  application_id: string;
  kind: string;
  actor_id: string | null;
  message: Generated<string>;
  at: Generated<Date>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  kind: string;
  org_name: Generated<string>;
  contact_name: string;
  email: string;
  phone: Generated<string>;
  town: Generated<string>;
  outcode: Generated<string>;
  lad_code: string | null;
  region: Generated<string>;
  what_you_do: string;
  lived_experience: Generated<string>;
  website: Generated<string>;
  status: Generated<string>;
  org_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: GeneratedAlways<number>;
  org_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: Generated<string>;
  subject_id: Generated<string>;
  detail: Generated<Json>;
  ip: Generated<string>;
  at: Generated<Date>;
}

export interface EmailTokensTable {
  token_hash: string;
  purpose: string;
  email: string;
  person_id: string | null;
  org_id: string | null;
  role: string | null;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface EvidenceActivitiesTable {
  id: Generated<string>;
  org_id: string;
  activity_type_id: string;
  held_on: string;
  attendance: number;
  first_time_attendees: number | null;
  volunteers: number | null;
  volunteer_hours: number | null;
  natural_key: string;
  source: Generated<string>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface EvidenceActivityTypesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface EvidenceAssessmentsTable {
  id: Generated<string>;
  org_id: string;
  participant_id: string;
  instrument_key: string;
  instrument_version: string;
  assessed_on: string;
  time_point: Generated<string>;
  responses: Json;
  scores: Json;
  source: string;
  natural_key: string;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface EvidenceCompletionLinksTable {
  token_hash: string;
  org_id: string;
  participant_id: string;
  instrument_key: string;
  instrument_version: string;
  time_point: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface EvidenceConsentsTable {
  id: GeneratedAlways<number>;
  org_id: string;
  participant_id: string;
  kind: string;
  given: boolean;
  decided_on: string;
  wording_version: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface EvidenceErasedCodesTable {
  org_id: string;
  code_hash: string;
  erased_on: Generated<string>;
}

export interface EvidenceErasureKeysTable {
  org_id: string;
  secret: string;
}

export interface EvidenceImportMappingsTable {
  org_id: string;
  target: string;
  mapping: Json;
  updated_at: Generated<Date>;
  headings: Generated<Json>;
}

export interface EvidenceImportRunsTable {
  id: Generated<string>;
  org_id: string;
  target: string;
  file_name: Generated<string>;
  file_kind: string;
  status: Generated<string>;
  mode: string | null;
  rows_read: Generated<number>;
  imported: Generated<number>;
  invalid_rows: Generated<number>;
  duplicates: Generated<number>;
  report: Json | null;
  via: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
  mapping: Json | null;
  encoding: Generated<string>;
}

export interface EvidenceImportUploadsTable {
  run_id: string;
  org_id: string;
  seq: number;
  bytes: string;
  created_at: Generated<Date>;
}

export interface EvidenceInstrumentsTable {
  id: Generated<string>;
  org_id: string | null;
  scope: string;
  key: string;
  version: string;
  definition: Json;
  origin: string;
  licence_reference: Generated<string>;
  enabled: Generated<boolean>;
  installed_by: string | null;
  created_at: Generated<Date>;
}

export interface EvidenceParticipantsTable {
  id: Generated<string>;
  org_id: string;
  code: string;
  first_name: Generated<string>;
  age_band: Generated<string>;
  gender: Generated<string>;
  ethnicity: Generated<string>;
  main_substances: Generated<string[]>;
  local_authority: Generated<string>;
  consent_record: Generated<boolean>;
  consent_network: Generated<boolean>;
  consent_contact: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EvidenceSummariesTable {
  id: Generated<string>;
  org_id: string;
  instrument_key: string;
  instrument_version: string;
  measure_key: string;
  period_start: string;
  period_end: string;
  n_paired: number;
  mean_change: number;
  sd_change: number;
  baseline_mean: number | null;
  baseline_sd: number | null;
  collection_method: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface EvidenceVolunteerHoursTable {
  id: Generated<string>;
  org_id: string;
  worked_on: string;
  volunteer_label: Generated<string>;
  volunteers: Generated<number>;
  hours: number;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface InsightMeasureRulesTable {
  org_id: string | null;
  instrument_key: string;
  measure_key: string;
  direction: number;
  s_diff: number | null;
  crossing: number | null;
}

export interface InsightMeasureSummariesTable {
  org_id: string;
  instrument_key: string;
  measure_key: string;
  network: boolean;
  people: Generated<number>;
  paired: Generated<number>;
  baseline_only: Generated<number>;
  sum_change: Generated<number>;
  sum_change_sq: Generated<number>;
  sum_first: Generated<number>;
  sum_first_sq: Generated<number>;
  sum_latest: Generated<number>;
  sum_latest_sq: Generated<number>;
  rc_people: Generated<number>;
  improved: Generated<number>;
  deteriorated: Generated<number>;
  crossing_people: Generated<number>;
  crossing_eligible: Generated<number>;
  crossed: Generated<number>;
}

export interface InsightOrgSubmissionsTable {
  org_id: string;
  last_assessment_at: Date;
  assessments_added: Generated<number>;
}

export interface InsightParticipantMeasuresTable {
  participant_id: string;
  instrument_key: string;
  measure_key: string;
  org_id: string;
  network: boolean;
  assessments: number;
  first_on: string;
  first_score: number;
  latest_on: string;
  latest_score: number;
  improved: boolean | null;
  deteriorated: boolean | null;
  crossing_eligible: boolean | null;
  crossed: boolean | null;
}

export interface InstanceSettingsTable {
  key: string;
  value: Json;
}

export interface LocationsTable {
  id: Generated<string>;
  org_id: string;
  name: Generated<string>;
  address_1: Generated<string>;
  address_2: Generated<string>;
  town: Generated<string>;
  postcode: Generated<string>;
  outcode: string;
  lad_code: string | null;
  lat: number;
  lon: number;
  accessibility: Generated<string>;
  hide_address: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MembershipsTable {
  org_id: string;
  person_id: string;
  role: string;
  created_at: Generated<Date>;
}

export interface OrgAreasTable {
  org_id: string;
  lad_code: string;
}

export interface OrgProfilesTable {
  org_id: string;
  founded_year: number | null;
  charity_number: Generated<string>;
  company_number: Generated<string>;
  website: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  social_links: Generated<string>;
  lived_experience: Generated<string>;
  logo: string | null;
  logo_type: string | null;
  updated_at: Generated<Date>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: Generated<string>;
  summary: Generated<string>;
  town: Generated<string>;
  region: Generated<string>;
  size_band: Generated<string>;
  status_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search: GeneratedAlways<string | null>;
}

export interface PeopleTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  network_role: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SchedulesTable {
  id: Generated<string>;
  org_id: string;
  service_id: string;
  service_at_location_id: string | null;
  freq: string;
  interval: Generated<number>;
  byday: string;
  opens_at: string;
  closes_at: string;
  dtstart: string | null;
  valid_from: string | null;
  valid_to: string | null;
  attending_type: Generated<string>;
  notes: Generated<string>;
  link: Generated<string>;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface ServiceAreasTable {
  org_id: string;
  service_id: string;
  lad_code: string;
}

export interface ServiceAtLocationsTable {
  id: Generated<string>;
  org_id: string;
  service_id: string;
  location_id: string;
}

export interface ServiceTypesTable {
  org_id: string;
  service_id: string;
  type_code: string;
}

export interface ServicesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  description: Generated<string>;
  who_for: Generated<string>;
  how_to_join: Generated<string>;
  status: Generated<string>;
  mode: Generated<string>;
  free: Generated<boolean>;
  cost_note: Generated<string>;
  url: Generated<string>;
  email: Generated<string>;
  min_age: number | null;
  max_age: number | null;
  alert: Generated<string>;
  assured_date: string | null;
  search: GeneratedAlways<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  user_agent: Generated<string>;
}

export interface SignInAttemptsTable {
  id: GeneratedAlways<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface DB {
  application_events: ApplicationEventsTable;
  applications: ApplicationsTable;
  audit_log: AuditLogTable;
  email_tokens: EmailTokensTable;
  evidence_activities: EvidenceActivitiesTable;
  evidence_activity_types: EvidenceActivityTypesTable;
  evidence_assessments: EvidenceAssessmentsTable;
  evidence_completion_links: EvidenceCompletionLinksTable;
  evidence_consents: EvidenceConsentsTable;
  evidence_erased_codes: EvidenceErasedCodesTable;
  evidence_erasure_keys: EvidenceErasureKeysTable;
  evidence_import_mappings: EvidenceImportMappingsTable;
  evidence_import_runs: EvidenceImportRunsTable;
  evidence_import_uploads: EvidenceImportUploadsTable;
  evidence_instruments: EvidenceInstrumentsTable;
  evidence_participants: EvidenceParticipantsTable;
  evidence_summaries: EvidenceSummariesTable;
  evidence_volunteer_hours: EvidenceVolunteerHoursTable;
  insight_measure_rules: InsightMeasureRulesTable;
  insight_measure_summaries: InsightMeasureSummariesTable;
  insight_org_submissions: InsightOrgSubmissionsTable;
  insight_participant_measures: InsightParticipantMeasuresTable;
  instance_settings: InstanceSettingsTable;
  locations: LocationsTable;
  memberships: MembershipsTable;
  org_areas: OrgAreasTable;
  org_profiles: OrgProfilesTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  schedules: SchedulesTable;
  schema_migrations: SchemaMigrationsTable;
  service_areas: ServiceAreasTable;
  service_at_locations: ServiceAtLocationsTable;
  service_types: ServiceTypesTable;
  services: ServicesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
}
