-- Evidence, part 1: instruments as data, participants and consent, assessments, self-completion
-- links, activities and volunteer hours, imports, contributed summaries.
-- Every table carries org_id (network-wide instruments have none), so the data can be
-- distributed by organisation. Deleting an organisation deletes all of its evidence.

-- Instrument definitions, versioned. Shipped ones (ONS4, BARC-10) are synced from the code at
-- start; licensed ones are installed network-wide by a coordinator; custom measures belong to
-- one organisation.
create table evidence_instruments (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid references organisations (id) on delete cascade,
  scope              text not null check (scope in ('network', 'organisation')),
  key                text not null check (key ~ '^[a-z][a-z0-9_]{0,63}$'),
  version            text not null check (length(version) between 1 and 40),
  definition         jsonb not null,
  origin             text not null check (origin in ('shipped', 'licensed', 'custom')),
  licence_reference  text not null default '' check (length(licence_reference) <= 200),
  enabled            boolean not null default true,
  installed_by       uuid references people (id) on delete set null,
  created_at         timestamptz not null default now(),
  check ((scope = 'network') = (org_id is null))
);
-- One definition per key and version in each scope (network-wide rows have no org).
create unique index evidence_instruments_network_key on evidence_instruments (key, version) where org_id is null;
create unique index evidence_instruments_org_key on evidence_instruments (org_id, key, version) where org_id is not null;

-- Participants are pseudonymous: a code, unique in the organisation; a first name is optional.
-- consent_* hold the current state; evidence_consents holds the history.
create table evidence_participants (
  id                uuid primary key default gen_random_uuid(),
  org_id            uuid not null references organisations (id) on delete cascade,
  code              text not null check (code ~ '^[A-Z0-9][A-Z0-9_./-]{0,39}$'),
  first_name        text not null default '' check (length(first_name) <= 100),
  age_band          text not null default '' check (length(age_band) <= 40),
  gender            text not null default '' check (length(gender) <= 50),
  ethnicity         text not null default '' check (length(ethnicity) <= 100),
  main_substances   text[] not null default '{}',
  local_authority   text not null default '' check (length(local_authority) <= 100),
  consent_record    boolean not null default false,
  consent_network   boolean not null default false,
  consent_contact   boolean not null default false,
  created_by        uuid references people (id) on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  unique (org_id, code)
);
create index evidence_participants_network_idx on evidence_participants (org_id) where consent_network;

create table evidence_consents (
  id               bigint generated always as identity primary key,
  org_id           uuid not null references organisations (id) on delete cascade,
  participant_id   uuid not null references evidence_participants (id) on delete cascade,
  kind             text not null check (kind in ('record', 'network', 'contact')),
  given            boolean not null,
  decided_on       date not null,
  wording_version  text not null check (length(wording_version) between 1 and 40),
  recorded_by      uuid references people (id) on delete set null,
  recorded_at      timestamptz not null default now()
);
create index evidence_consents_participant_idx on evidence_consents (participant_id, id);

-- One completed questionnaire. Scores are worked out by the domain code from the responses
-- (measure key -> score); natural_key makes imports idempotent.
create table evidence_assessments (
  id                  uuid primary key default gen_random_uuid(),
  org_id              uuid not null references organisations (id) on delete cascade,
  participant_id      uuid not null references evidence_participants (id) on delete cascade,
  instrument_key      text not null,
  instrument_version  text not null,
  assessed_on         date not null,
  time_point          text not null default '' check (length(time_point) <= 40),
  responses           jsonb not null,
  scores              jsonb not null,
  source              text not null check (source in ('staff', 'self', 'import', 'demo')),
  natural_key         text not null,
  recorded_by         uuid references people (id) on delete set null,
  created_at          timestamptz not null default now(),
  unique (org_id, natural_key)
);
create index evidence_assessments_instrument_idx on evidence_assessments (org_id, instrument_key, assessed_on);
create index evidence_assessments_participant_idx on evidence_assessments (participant_id, assessed_on);

-- One-time self-completion links: only the SHA-256 of the token is stored.
create table evidence_completion_links (
  token_hash          text primary key,
  org_id              uuid not null references organisations (id) on delete cascade,
  participant_id      uuid not null references evidence_participants (id) on delete cascade,
  instrument_key      text not null,
  instrument_version  text not null,
  time_point          text not null default '' check (length(time_point) <= 40),
  created_by          uuid references people (id) on delete set null,
  created_at          timestamptz not null default now(),
  expires_at          timestamptz not null,
  used_at             timestamptz
);
create index evidence_completion_links_participant_idx on evidence_completion_links (participant_id);

create table evidence_activity_types (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisations (id) on delete cascade,
  name        text not null check (length(name) between 1 and 100),
  created_at  timestamptz not null default now()
);
create unique index evidence_activity_types_name on evidence_activity_types (org_id, lower(name));

create table evidence_activities (
  id                    uuid primary key default gen_random_uuid(),
  org_id                uuid not null references organisations (id) on delete cascade,
  activity_type_id      uuid not null references evidence_activity_types (id) on delete restrict,
  held_on               date not null,
  attendance            integer not null check (attendance >= 0),
  first_time_attendees  integer check (first_time_attendees >= 0 and first_time_attendees <= attendance),
  volunteers            integer check (volunteers >= 0),
  volunteer_hours       numeric(10, 2) check (volunteer_hours >= 0),
  natural_key           text not null,
  source                text not null default 'staff' check (source in ('staff', 'import', 'demo')),
  recorded_by           uuid references people (id) on delete set null,
  created_at            timestamptz not null default now(),
  unique (org_id, natural_key)
);
create index evidence_activities_date_idx on evidence_activities (org_id, held_on);

-- Volunteer hours logged per volunteer (a name or initials) or in bulk (a number of volunteers).
create table evidence_volunteer_hours (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references organisations (id) on delete cascade,
  worked_on        date not null,
  volunteer_label  text not null default '' check (length(volunteer_label) <= 100),
  volunteers       integer not null default 1 check (volunteers >= 1),
  hours            numeric(10, 2) not null check (hours > 0 and hours <= volunteers * 24),
  note             text not null default '' check (length(note) <= 200),
  recorded_by      uuid references people (id) on delete set null,
  created_at       timestamptz not null default now()
);
create index evidence_volunteer_hours_date_idx on evidence_volunteer_hours (org_id, worked_on);

-- The column mapping an organisation last used for each kind of import.
create table evidence_import_mappings (
  org_id      uuid not null references organisations (id) on delete cascade,
  target      text not null check (target in ('participants', 'assessments', 'activities')),
  mapping     jsonb not null,
  updated_at  timestamptz not null default now(),
  primary key (org_id, target)
);

-- An upload being imported (status 'uploaded', the file waiting under DATA_DIR) and then
-- its result. The report holds row numbers, columns and problems, never whole rows.
create table evidence_import_runs (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisations (id) on delete cascade,
  target        text not null check (target in ('participants', 'assessments', 'activities')),
  file_name     text not null default '' check (length(file_name) <= 255),
  file_kind     text not null check (file_kind in ('csv', 'xlsx')),
  status        text not null default 'uploaded' check (status in ('uploaded', 'imported', 'rejected', 'cancelled')),
  mode          text check (mode in ('all_or_nothing', 'skip_invalid')),
  rows_read     integer not null default 0,
  imported      integer not null default 0,
  invalid_rows  integer not null default 0,
  duplicates    integer not null default 0,
  report        jsonb,
  via           text not null default 'web' check (via in ('web', 'cli')),
  created_by    uuid references people (id) on delete set null,
  created_at    timestamptz not null default now(),
  finished_at   timestamptz
);
create index evidence_import_runs_org_idx on evidence_import_runs (org_id, created_at desc);

-- Summaries from organisations that keep their records elsewhere.
create table evidence_summaries (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid not null references organisations (id) on delete cascade,
  instrument_key     text not null,
  instrument_version text not null,
  measure_key        text not null,
  period_start       date not null,
  period_end         date not null check (period_end >= period_start),
  n_paired           integer not null check (n_paired >= 2),
  mean_change        numeric not null,
  sd_change          numeric not null check (sd_change > 0),
  baseline_mean      numeric,
  baseline_sd        numeric check (baseline_sd > 0),
  collection_method  text not null check (length(collection_method) between 1 and 500),
  created_by         uuid references people (id) on delete set null,
  created_at         timestamptz not null default now()
);
create index evidence_summaries_org_idx on evidence_summaries (org_id, instrument_key);
