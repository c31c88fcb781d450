-- The directory: organisation profiles, services, places and times (Open Referral UK model),
-- and expressions of interest in joining the network. Plain PostgreSQL 15+ SQL.
-- Every table holding an organisation's data carries org_id.

-- Full-text search over an organisation's name and its own words.
alter table organisations
  add column search tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C')
  ) stored;
create index organisations_search_idx on organisations using gin (search);

-- What an organisation says about itself beyond organisations.name/summary/size_band.
create table org_profiles (
  org_id            uuid primary key references organisations (id) on delete cascade,
  founded_year      integer check (founded_year between 1800 and 2100),
  charity_number    text not null default '' check (length(charity_number) <= 20),
  company_number    text not null default '' check (length(company_number) <= 20),
  website           text not null default '' check (length(website) <= 300),
  email             text not null default '' check (length(email) <= 254),
  phone             text not null default '' check (length(phone) <= 40),
  -- One address per line (Facebook, Instagram, X…).
  social_links      text not null default '' check (length(social_links) <= 2000),
  lived_experience  text not null default '' check (length(lived_experience) <= 4000),
  -- A small logo: bytes in the database, with its type. Not yet uploadable (see docs/DIRECTORY.md).
  logo              bytea check (octet_length(logo) <= 204800),
  logo_type         text check (logo_type in ('image/png', 'image/jpeg', 'image/webp')),
  updated_at        timestamptz not null default now()
);

-- Local authorities an organisation serves (ONS district codes).
create table org_areas (
  org_id    uuid not null references organisations (id) on delete cascade,
  lad_code  text not null check (lad_code ~ '^[ENSW][0-9]{8}$'),
  primary key (org_id, lad_code)
);
create index org_areas_lad_idx on org_areas (lad_code);

create table services (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisations (id) on delete cascade,
  name         text not null check (length(name) between 1 and 200),
  description  text not null default '' check (length(description) <= 4000),
  who_for      text not null default '' check (length(who_for) <= 1000),
  how_to_join  text not null default '' check (length(how_to_join) <= 1000),
  status       text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  mode         text not null default 'in_person' check (mode in ('in_person', 'online', 'both')),
  free         boolean not null default true,
  cost_note    text not null default '' check (length(cost_note) <= 300),
  url          text not null default '' check (length(url) <= 300),
  email        text not null default '' check (length(email) <= 254),
  min_age      integer check (min_age between 0 and 120),
  max_age      integer check (max_age between 0 and 120),
  alert        text not null default '' check (length(alert) <= 300),
  assured_date date,
  search       tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(who_for, '') || ' ' || coalesce(how_to_join, '')), 'C')
  ) stored,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index services_org_idx on services (org_id);
create index services_search_idx on services using gin (search);
create index services_mode_idx on services (mode) where status = 'active';

-- Service types from the fixed LERO taxonomy (src/modules/directory/domain/service-types.ts).
create table service_types (
  org_id      uuid not null references organisations (id) on delete cascade,
  service_id  uuid not null references services (id) on delete cascade,
  type_code   text not null check (type_code ~ '^[a-z]+(-[a-z]+)*$'),
  primary key (service_id, type_code)
);
create index service_types_code_idx on service_types (type_code, service_id);

-- Local authorities a service is for.
create table service_areas (
  org_id      uuid not null references organisations (id) on delete cascade,
  service_id  uuid not null references services (id) on delete cascade,
  lad_code    text not null check (lad_code ~ '^[ENSW][0-9]{8}$'),
  primary key (service_id, lad_code)
);

-- Places where services happen. Coordinates are the postcode district's centroid unless entered.
create table locations (
  id             uuid primary key default gen_random_uuid(),
  org_id         uuid not null references organisations (id) on delete cascade,
  name           text not null default '' check (length(name) <= 200),
  address_1      text not null default '' check (length(address_1) <= 200),
  address_2      text not null default '' check (length(address_2) <= 200),
  town           text not null default '' check (length(town) <= 100),
  postcode       text not null default '' check (length(postcode) <= 10),
  outcode        text not null check (outcode ~ '^[A-Z]{1,2}[0-9][0-9A-Z]?$'),
  lad_code       text check (lad_code ~ '^[ENSW][0-9]{8}$'),
  lat            double precision not null check (lat between -90 and 90),
  lon            double precision not null check (lon between -180 and 180),
  accessibility  text not null default '' check (length(accessibility) <= 1000),
  -- A sensitive venue (e.g. recovery housing): shown by district only, never its address.
  hide_address   boolean not null default false,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index locations_org_idx on locations (org_id);
create index locations_lat_lon_idx on locations (lat, lon);
create index locations_lad_idx on locations (lad_code);

create table service_at_locations (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisations (id) on delete cascade,
  service_id   uuid not null references services (id) on delete cascade,
  location_id  uuid not null references locations (id) on delete cascade,
  unique (service_id, location_id)
);
create index service_at_locations_location_idx on service_at_locations (location_id);

-- Weekly or monthly times, RRULE-style, in UK local wall-clock time.
create table schedules (
  id                      uuid primary key default gen_random_uuid(),
  org_id                  uuid not null references organisations (id) on delete cascade,
  service_id              uuid not null references services (id) on delete cascade,
  service_at_location_id  uuid references service_at_locations (id) on delete cascade,
  freq                    text not null check (freq in ('WEEKLY', 'MONTHLY')),
  interval                integer not null default 1 check (interval between 1 and 12),
  -- RFC 5545 BYDAY, e.g. 'MO,WE' or '1TH,3TH' or '-1FR'.
  byday                   text not null check (byday ~ '^(-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$'),
  opens_at                text not null check (opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  closes_at               text not null check (closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  dtstart                 date,
  valid_from              date,
  valid_to                date,
  attending_type          text not null default '' check (length(attending_type) <= 100),
  notes                   text not null default '' check (length(notes) <= 500),
  link                    text not null default '' check (length(link) <= 300)
);
create index schedules_service_idx on schedules (service_id);

-- Expressions of interest in joining the network, from organisations or supporting individuals.
-- org_id is set when an approved application created an organisation.
create table applications (
  id                uuid primary key default gen_random_uuid(),
  kind              text not null check (kind in ('organisation', 'individual')),
  org_name          text not null default '' check (length(org_name) <= 200),
  contact_name      text not null check (length(contact_name) between 1 and 120),
  email             text not null check (email = lower(email) and position('@' in email) > 1),
  phone             text not null default '' check (length(phone) <= 40),
  town              text not null default '' check (length(town) <= 100),
  outcode           text not null default '' check (length(outcode) <= 4),
  lad_code          text check (lad_code ~ '^[ENSW][0-9]{8}$'),
  region            text not null default '' check (length(region) <= 100),
  what_you_do       text not null check (length(what_you_do) between 1 and 4000),
  lived_experience  text not null default '' check (length(lived_experience) <= 4000),
  website           text not null default '' check (length(website) <= 300),
  status            text not null default 'waiting' check (status in ('waiting', 'questioned', 'approved', 'declined')),
  org_id            uuid references organisations (id) on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index applications_status_idx on applications (status, created_at);

-- Each step of an application: submitted, a coordinator's question, approval, decline (with reason).
create table application_events (
  id              bigint generated always as identity primary key,
  application_id  uuid not null references applications (id) on delete cascade,
  kind            text not null check (kind in ('submitted', 'question', 'approved', 'declined')),
  actor_id        uuid references people (id) on delete set null,
  message         text not null default '' check (length(message) <= 4000),
  at              timestamptz not null default now()
);
create index application_events_app_idx on application_events (application_id, at);
