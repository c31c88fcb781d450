// Generated from the migrated schema by `npm run db:types`. Do not edit by hand:
// change a migration, then regenerate. A test checks this file against the database.
import type { Generated, GeneratedAlways } from 'kysely';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  name: string;
  scope: 'network' | 'org' | 'public';
  org_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

export interface ApplicationEventsTable {
  id: GeneratedAlways<number>;
  application_id: string;
  kind: 'approved' | 'declined' | 'question' | 'submitted';
  actor_id: string | null;
  message: Generated<string>;
  at: Generated<Date>;
}

export interface ApplicationsTable {
  id: Generated<string>;
  kind: 'individual' | 'organisation';
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
  status: Generated<'approved' | 'declined' | 'questioned' | 'waiting'>;
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
  purpose: 'invitation' | 'reset_password' | 'sign_in';
  email: string;
  person_id: string | null;
  org_id: string | null;
  role: 'lead' | 'peer_researcher' | 'volunteer' | 'worker' | null;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface EventEmailsSentTable {
  registration_id: string;
  kind: string;
  sent_at: Generated<Date>;
}

export interface EventFeedbackTable {
  id: Generated<string>;
  event_id: string;
  org_id: string | null;
  registration_id: string | null;
  rating: number | null;
  struck_chord: Generated<string>;
  could_be_better: Generated<string>;
  quote_consent: 'anonymous' | 'first_name' | 'none';
  first_name: Generated<string>;
  created_at: Generated<Date>;
}

export interface EventGalleryImagesTable {
  id: Generated<string>;
  event_id: string;
  org_id: string | null;
  kind: 'photo' | 'sketch_notes';
  alt_text: string;
  caption: Generated<string>;
  consent_confirmed: boolean;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  data: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  org_id: string | null;
  arrival: GeneratedAlways<number>;
  person_id: string | null;
  name: string;
  email: Generated<string>;
  places: number;
  mode: 'in_person' | 'online';
  status: 'cancelled' | 'confirmed' | 'declined' | 'expired' | 'offered' | 'requested' | 'waiting';
  offer_expires_at: Date | null;
  walk_in: Generated<boolean>;
  access_needs: Generated<string>;
  dietary_needs: Generated<string>;
  heard_from: Generated<string>;
  token_hash: string;
  attended_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  custom_answers: Generated<Json>;
}

export interface EventsTable {
  id: Generated<string>;
  org_id: string | null;
  title: string;
  description_md: Generated<string>;
  kind: 'hybrid' | 'in_person' | 'online';
  location_id: string | null;
  venue_name: Generated<string>;
  venue_address: Generated<string>;
  venue_postcode: Generated<string>;
  starts_at: Date;
  ends_at: Date;
  capacity_in_person: Generated<number>;
  capacity_online: Generated<number>;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  audience: Generated<'anyone' | 'network' | 'organisation'>;
  needs_approval: Generated<boolean>;
  max_places_per_registration: Generated<number>;
  offer_hold_hours: Generated<number>;
  reminder_hours: Generated<number[]>;
  join_url: Generated<string>;
  status: Generated<'cancelled' | 'published'>;
  cancel_reason: Generated<string>;
  sequence: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  moved_from: Date | null;
  move_message: Generated<string>;
  custom_questions: Generated<string[]>;
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
  source: Generated<'demo' | 'import' | 'staff'>;
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
  source: 'demo' | 'import' | 'self' | 'staff';
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
  kind: 'contact' | 'network' | 'record';
  given: boolean;
  decided_on: string;
  wording_version: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface EvidenceDeletedAssessmentsTable {
  id: string;
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
  created_at: Date;
  deleted_at: Generated<Date>;
  deleted_by: string | null;
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
  target: 'activities' | 'assessments' | 'participants';
  mapping: Json;
  updated_at: Generated<Date>;
  headings: Generated<Json>;
}

export interface EvidenceImportRunsTable {
  id: Generated<string>;
  org_id: string;
  target: 'activities' | 'assessments' | 'participants';
  file_name: Generated<string>;
  file_kind: 'csv' | 'xlsx';
  status: Generated<'cancelled' | 'dry_run' | 'imported' | 'receiving' | 'rejected' | 'uploaded'>;
  mode: 'all_or_nothing' | 'skip_invalid' | null;
  rows_read: Generated<number>;
  imported: Generated<number>;
  invalid_rows: Generated<number>;
  duplicates: Generated<number>;
  report: Json | null;
  via: Generated<'cli' | 'web'>;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
  mapping: Json | null;
  encoding: Generated<'utf-16be' | 'utf-16le' | 'utf-8' | 'windows-1252'>;
}

export interface EvidenceImportUploadsTable {
  run_id: string;
  org_id: string;
  seq: number;
  bytes: Buffer;
  created_at: Generated<Date>;
}

export interface EvidenceInstrumentsTable {
  id: Generated<string>;
  org_id: string | null;
  scope: 'network' | 'organisation';
  key: string;
  version: string;
  definition: Json;
  origin: 'custom' | 'licensed' | 'shipped';
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

export interface EvidenceRetentionBatchPeopleTable {
  org_id: string;
  batch_id: string;
  participant_id: string;
  last_activity: string;
  status: Generated<'dropped' | 'due' | 'kept'>;
  kept_reason: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface EvidenceRetentionBatchesTable {
  id: Generated<string>;
  org_id: string;
  inactive_years: number;
  cutoff_on: string;
  reported_at: Generated<Date>;
  erase_after: Date;
  finished_at: Date | null;
  erased_count: number | null;
}

export interface EvidenceRetentionRulesTable {
  org_id: string;
  inactive_years: number | null;
  updated_by: string | null;
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

export interface FundingBidDocumentsTable {
  id: Generated<string>;
  bid_id: string;
  org_id: string;
  document_key: string;
  version: number;
  title: string;
  body: string;
  added_by: string | null;
  created_at: Generated<Date>;
}

export interface FundingBidNotesTable {
  id: Generated<string>;
  bid_id: string;
  org_id: string;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface FundingBidPartnersTable {
  bid_id: string;
  org_id: string;
  role: Generated<string>;
  status: Generated<'accepted' | 'declined' | 'invited' | 'lead'>;
  invited_at: Generated<Date>;
  responded_at: Date | null;
  responded_by: string | null;
}

export interface FundingBidSignoffsTable {
  document_id: string;
  org_id: string;
  signed_by: string | null;
  signed_at: Generated<Date>;
}

export interface FundingBidTasksTable {
  id: Generated<string>;
  bid_id: string;
  org_id: string;
  title: string;
  due_on: string | null;
  done: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface FundingBidsTable {
  id: Generated<string>;
  org_id: string;
  opportunity_id: string | null;
  title: string;
  total_pence: number;
  currency: Generated<string>;
  running_costs_pence: number | null;
  status: Generated<'drafting' | 'lost' | 'submitted' | 'won'>;
  summary: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface FundingBudgetLinesTable {
  id: Generated<string>;
  bid_id: string;
  org_id: string;
  description: Generated<string>;
  amount_pence: number;
}

export interface FundingGrantsTable {
  grant_id: string;
  source_id: string;
  title: string;
  description: string;
  currency: string;
  amount_pence: number;
  award_date: string;
  funder_id: string;
  funder_name: string;
  recipient_id: Generated<string>;
  recipient_name: string;
  recipient_charity: Generated<string>;
  recipient_company: Generated<string>;
  programme: Generated<string>;
  area: Generated<string>;
  keyword: string | null;
  updated_at: Generated<Date>;
}

export interface FundingInterestsTable {
  opportunity_id: string;
  org_id: string;
  marked_by: string | null;
  created_at: Generated<Date>;
}

export interface FundingKeywordsTable {
  keyword: string;
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface FundingOpportunitiesTable {
  id: Generated<string>;
  funder: string;
  programme: string;
  amount_min_pence: number | null;
  amount_max_pence: number | null;
  currency: Generated<string>;
  deadline: string;
  eligibility: Generated<string>;
  areas: Generated<string>;
  link: Generated<string>;
  notes: Generated<string>;
  added_by: string | null;
  added_by_org: string | null;
  created_at: Generated<Date>;
}

export interface FundingOrgSettingsTable {
  org_id: string;
  show_grants: Generated<boolean>;
  running_costs_pence: number | null;
  costs_year: Generated<string>;
  updated_at: Generated<Date>;
}

export interface FundingRemindersTable {
  opportunity_id: string;
  org_id: string;
  days_before: number;
  sent_at: Generated<Date>;
}

export interface FundingSourcesTable {
  id: Generated<string>;
  title: string;
  publisher_name: string;
  publisher_identifier: Generated<string>;
  licence: string;
  file_name: string;
  grant_count: Generated<number>;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface HelpLinesTable {
  id: Generated<string>;
  position: number;
  name: string;
  number: Generated<string>;
  purpose: string;
  nations: Generated<'england' | 'england-wales' | 'scotland' | 'uk' | 'wales'>;
  last_checked_on: string | null;
  checked_by: string | null;
  updated_at: Generated<Date>;
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

export interface InsightNetworkReferencesTable {
  instrument_key: string;
  measure_key: string;
  baseline_sd: number;
  baseline_n: number;
  reliability: number;
  reliability_from: 'network' | 'published';
  alpha_n: Generated<number>;
  computed_at: Generated<Date>;
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

export interface InsightReleaseOrgsTable {
  release_id: string;
  org_id: string;
  name: string;
  slug: string;
  figures: Json;
}

export interface InsightReleasesTable {
  id: Generated<string>;
  released_on: string;
  next_release_on: string;
  created_at: Generated<Date>;
}

export interface InstanceSettingsTable {
  key: string;
  value: Json;
}

export interface LearningAnswerHelpedTable {
  org_id: string;
  answer_id: string;
  person_id: string;
  created_at: Generated<Date>;
}

export interface LearningAnswersTable {
  id: Generated<string>;
  org_id: string;
  question_id: string;
  person_id: string | null;
  body: string;
  hidden: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface LearningAttachmentsTable {
  id: Generated<string>;
  org_id: string;
  resource_id: string;
  file_name: string;
  media_type: 'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  data: Buffer;
  created_at: Generated<Date>;
}

export interface LearningDigestSendsTable {
  person_id: string;
  week_start: string;
  sent_at: Generated<Date>;
}

export interface LearningDigestSubscriptionsTable {
  person_id: string;
  subscribed: Generated<boolean>;
  unsubscribe_token: string;
  updated_at: Generated<Date>;
}

export interface LearningFollowsTable {
  person_id: string;
  tag: string;
}

export interface LearningHelpersTable {
  person_id: string;
  org_id: string;
  can_offer: Generated<string>;
  looking_for: Generated<string>;
  updated_at: Generated<Date>;
  search: GeneratedAlways<string | null>;
}

export interface LearningMentorOffersTable {
  org_id: string;
  capacity: Generated<number>;
  note: Generated<string>;
  updated_at: Generated<Date>;
}

export interface LearningMentorRequestsTable {
  id: Generated<string>;
  org_id: string;
  mentor_org_id: string;
  status: Generated<'accepted' | 'asked' | 'declined' | 'ended'>;
  message: Generated<string>;
  reasons: Generated<string[]>;
  made_by_coordinator: Generated<boolean>;
  asked_by: string | null;
  created_at: Generated<Date>;
  decided_at: Date | null;
}

export interface LearningPathwayStepsTable {
  org_id: string;
  step: string;
  done_by: string | null;
  note: Generated<string>;
  done_at: Generated<Date>;
}

export interface LearningPersonStepsTable {
  person_id: string;
  step: string;
  done_at: Generated<Date>;
}

export interface LearningQuestionsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string | null;
  title: string;
  body: Generated<string>;
  tags: Generated<string[]>;
  accepted_answer_id: string | null;
  hidden: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface LearningReportsTable {
  id: Generated<string>;
  org_id: string;
  question_id: string | null;
  answer_id: string | null;
  person_id: string | null;
  reason: string;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}

export interface LearningResourcesTable {
  id: Generated<string>;
  org_id: string;
  author_id: string | null;
  kind: 'evaluation' | 'guide' | 'policy' | 'story' | 'template' | 'toolkit';
  language: Generated<'cy' | 'en'>;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  story: Json | null;
  body_text: Generated<string>;
  licence: Generated<string>;
  links: Generated<string[]>;
  chime: Generated<string[]>;
  service_types: Generated<string[]>;
  topics: Generated<string[]>;
  tags_text: Generated<string>;
  visibility: Generated<'members' | 'public'>;
  status: Generated<'draft' | 'published' | 'returned' | 'submitted'>;
  review_note: Generated<string>;
  reviewed_on: Generated<string>;
  review_reminded_at: Date | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  search_title: GeneratedAlways<string | null>;
  search: GeneratedAlways<string | null>;
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
  role: 'lead' | 'peer_researcher' | 'volunteer' | 'worker';
  created_at: Generated<Date>;
}

export interface OrgAreasTable {
  org_id: string;
  lad_code: string;
}

export interface OrgLogosTable {
  org_id: string;
  png: Buffer;
  width: number;
  height: number;
  updated_at: Generated<Date>;
  updated_by: string | null;
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
  logo: Buffer | null;
  logo_type: 'image/jpeg' | 'image/png' | 'image/webp' | null;
  updated_at: Generated<Date>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: Generated<'applicant' | 'lapsed' | 'member'>;
  summary: Generated<string>;
  town: Generated<string>;
  region: Generated<string>;
  size_band: Generated<'larger' | 'small_staff' | 'volunteers'>;
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
  network_role: 'admin' | 'coordinator' | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RateLimitCountersTable {
  key: string;
  window_seconds: number;
  window_started_at: Generated<Date>;
  hits: Generated<number>;
}

export interface SchedulesTable {
  id: Generated<string>;
  org_id: string;
  service_id: string;
  service_at_location_id: string | null;
  freq: 'MONTHLY' | 'WEEKLY';
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
  status: Generated<'active' | 'defunct' | 'inactive' | 'temporarily closed'>;
  mode: Generated<'both' | 'in_person' | 'online'>;
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

export interface StandardsAnswersTable {
  assessment_id: string;
  org_id: string;
  standard_key: string;
  level: 'developing' | 'emerging' | 'established' | 'leading' | null;
  narrative: Generated<string>;
  links: Generated<string>;
  updated_at: Generated<Date>;
}

export interface StandardsAssessmentsTable {
  id: Generated<string>;
  org_id: string;
  framework_id: string;
  kind: Generated<'full' | 'renewal'>;
  status: Generated<'decided' | 'draft' | 'submitted'>;
  live_figures: Json | null;
  created_by: string | null;
  submitted_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StandardsDecisionsTable {
  assessment_id: string;
  org_id: string;
  outcome: 'not_yet' | 'recognised' | 'working_towards';
  feedback: string;
  action_plan: Generated<string>;
  review_by: string | null;
  panel: string[];
  decided_by: string | null;
  decided_at: Generated<Date>;
  renewal_due: string | null;
  org_response: Generated<string>;
  responded_at: Date | null;
  reminded_at: Date | null;
}

export interface StandardsDeclaredInterestsTable {
  id: Generated<string>;
  org_id: string;
  person_id: string;
  reason: string;
  declared_at: Generated<Date>;
}

export interface StandardsEvidenceFilesTable {
  id: Generated<string>;
  assessment_id: string;
  org_id: string;
  standard_key: string;
  filename: string;
  content_type: 'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' | 'image/jpeg' | 'image/png';
  data: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface StandardsFrameworksTable {
  id: Generated<string>;
  version: number;
  title: string;
  status: Generated<'draft' | 'published'>;
  definition: Json;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StandardsReviewsTable {
  id: Generated<string>;
  org_id: string;
  assessment_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  override_reason: Generated<string>;
  status: Generated<'assigned' | 'submitted'>;
  findings: Generated<Json>;
  visit_date: string | null;
  visit_who: Generated<string>;
  visit_seen: Generated<string>;
  submitted_at: Date | null;
  created_at: Generated<Date>;
}

export interface StandardsTrainingTable {
  id: Generated<string>;
  person_id: string;
  course: string;
  completed_on: string;
  expires_on: string;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface VoiceAnalysesTable {
  consultation_id: string;
  org_id: string | null;
  votes_seen: number;
  result: Json;
  computed_at: Generated<Date>;
}

export interface VoiceCollectionLinesTable {
  id: Generated<string>;
  collection_id: string;
  org_id: string | null;
  word_id: string | null;
  text: string;
  position: number;
  space_before: Generated<boolean>;
}

export interface VoiceCollectionsTable {
  id: Generated<string>;
  org_id: string | null;
  title: string;
  introduction: Generated<string>;
  status: Generated<'draft' | 'published'>;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VoiceConsultationsTable {
  id: Generated<string>;
  org_id: string | null;
  title: string;
  background: Generated<string>;
  audience: 'link' | 'network' | 'org';
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  results_visibility: Generated<'after_close' | 'live'>;
  statements_per_person: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VoiceEndorsementsTable {
  submission_id: string;
  org_id: string;
  person_id: string | null;
  created_at: Generated<Date>;
}

export interface VoiceParticipantsTable {
  id: Generated<string>;
  consultation_id: string;
  org_id: string | null;
  person_id: string | null;
  token_hash: string | null;
  created_at: Generated<Date>;
}

export interface VoiceStatementsTable {
  id: Generated<string>;
  consultation_id: string;
  org_id: string | null;
  text: string;
  author_participant_id: string | null;
  status: Generated<'accepted' | 'pending' | 'rejected'>;
  reject_reason: Generated<string>;
  moderated_by: string | null;
  moderated_at: Date | null;
  created_at: Generated<Date>;
}

export interface VoiceSubmissionCommentsTable {
  id: Generated<string>;
  submission_id: string;
  org_id: string;
  version: number;
  person_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface VoiceSubmissionVersionsTable {
  submission_id: string;
  org_id: string | null;
  version: number;
  content: Json;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VoiceSubmissionsTable {
  id: Generated<string>;
  org_id: string | null;
  title: string;
  addressee: Generated<string>;
  consultation_id: string | null;
  status: Generated<'draft' | 'published'>;
  current_version: Generated<number>;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VoiceVotesTable {
  statement_id: string;
  participant_id: string;
  consultation_id: string;
  org_id: string | null;
  value: number;
  address_hash: string;
  updated_at: Generated<Date>;
}

export interface VoiceWordsTable {
  id: Generated<string>;
  org_id: string | null;
  consultation_id: string | null;
  source: 'consultation' | 'event' | 'share';
  source_ref: string | null;
  text: string;
  quote_as: 'anonymous' | 'first_name' | 'none';
  first_name: Generated<string>;
  person_id: string | null;
  withdraw_token_hash: string | null;
  status: Generated<'approved' | 'pending' | 'rejected' | 'withdrawn'>;
  moderated_by: string | null;
  moderated_at: Date | null;
  created_at: Generated<Date>;
}

export interface DB {
  api_tokens: ApiTokensTable;
  application_events: ApplicationEventsTable;
  applications: ApplicationsTable;
  audit_log: AuditLogTable;
  email_tokens: EmailTokensTable;
  event_emails_sent: EventEmailsSentTable;
  event_feedback: EventFeedbackTable;
  event_gallery_images: EventGalleryImagesTable;
  event_registrations: EventRegistrationsTable;
  events: EventsTable;
  evidence_activities: EvidenceActivitiesTable;
  evidence_activity_types: EvidenceActivityTypesTable;
  evidence_assessments: EvidenceAssessmentsTable;
  evidence_completion_links: EvidenceCompletionLinksTable;
  evidence_consents: EvidenceConsentsTable;
  evidence_deleted_assessments: EvidenceDeletedAssessmentsTable;
  evidence_erased_codes: EvidenceErasedCodesTable;
  evidence_erasure_keys: EvidenceErasureKeysTable;
  evidence_import_mappings: EvidenceImportMappingsTable;
  evidence_import_runs: EvidenceImportRunsTable;
  evidence_import_uploads: EvidenceImportUploadsTable;
  evidence_instruments: EvidenceInstrumentsTable;
  evidence_participants: EvidenceParticipantsTable;
  evidence_retention_batch_people: EvidenceRetentionBatchPeopleTable;
  evidence_retention_batches: EvidenceRetentionBatchesTable;
  evidence_retention_rules: EvidenceRetentionRulesTable;
  evidence_summaries: EvidenceSummariesTable;
  evidence_volunteer_hours: EvidenceVolunteerHoursTable;
  funding_bid_documents: FundingBidDocumentsTable;
  funding_bid_notes: FundingBidNotesTable;
  funding_bid_partners: FundingBidPartnersTable;
  funding_bid_signoffs: FundingBidSignoffsTable;
  funding_bid_tasks: FundingBidTasksTable;
  funding_bids: FundingBidsTable;
  funding_budget_lines: FundingBudgetLinesTable;
  funding_grants: FundingGrantsTable;
  funding_interests: FundingInterestsTable;
  funding_keywords: FundingKeywordsTable;
  funding_opportunities: FundingOpportunitiesTable;
  funding_org_settings: FundingOrgSettingsTable;
  funding_reminders: FundingRemindersTable;
  funding_sources: FundingSourcesTable;
  help_lines: HelpLinesTable;
  insight_measure_rules: InsightMeasureRulesTable;
  insight_measure_summaries: InsightMeasureSummariesTable;
  insight_network_references: InsightNetworkReferencesTable;
  insight_org_submissions: InsightOrgSubmissionsTable;
  insight_participant_measures: InsightParticipantMeasuresTable;
  insight_release_orgs: InsightReleaseOrgsTable;
  insight_releases: InsightReleasesTable;
  instance_settings: InstanceSettingsTable;
  learning_answer_helped: LearningAnswerHelpedTable;
  learning_answers: LearningAnswersTable;
  learning_attachments: LearningAttachmentsTable;
  learning_digest_sends: LearningDigestSendsTable;
  learning_digest_subscriptions: LearningDigestSubscriptionsTable;
  learning_follows: LearningFollowsTable;
  learning_helpers: LearningHelpersTable;
  learning_mentor_offers: LearningMentorOffersTable;
  learning_mentor_requests: LearningMentorRequestsTable;
  learning_pathway_steps: LearningPathwayStepsTable;
  learning_person_steps: LearningPersonStepsTable;
  learning_questions: LearningQuestionsTable;
  learning_reports: LearningReportsTable;
  learning_resources: LearningResourcesTable;
  locations: LocationsTable;
  memberships: MembershipsTable;
  org_areas: OrgAreasTable;
  org_logos: OrgLogosTable;
  org_profiles: OrgProfilesTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  rate_limit_counters: RateLimitCountersTable;
  schedules: SchedulesTable;
  schema_migrations: SchemaMigrationsTable;
  service_areas: ServiceAreasTable;
  service_at_locations: ServiceAtLocationsTable;
  service_types: ServiceTypesTable;
  services: ServicesTable;
  sessions: SessionsTable;
  standards_answers: StandardsAnswersTable;
  standards_assessments: StandardsAssessmentsTable;
  standards_decisions: StandardsDecisionsTable;
  standards_declared_interests: StandardsDeclaredInterestsTable;
  standards_evidence_files: StandardsEvidenceFilesTable;
  standards_frameworks: StandardsFrameworksTable;
  standards_reviews: StandardsReviewsTable;
  standards_training: StandardsTrainingTable;
  voice_analyses: VoiceAnalysesTable;
  voice_collection_lines: VoiceCollectionLinesTable;
  voice_collections: VoiceCollectionsTable;
  voice_consultations: VoiceConsultationsTable;
  voice_endorsements: VoiceEndorsementsTable;
  voice_participants: VoiceParticipantsTable;
  voice_statements: VoiceStatementsTable;
  voice_submission_comments: VoiceSubmissionCommentsTable;
  voice_submission_versions: VoiceSubmissionVersionsTable;
  voice_submissions: VoiceSubmissionsTable;
  voice_votes: VoiceVotesTable;
  voice_words: VoiceWordsTable;
}
