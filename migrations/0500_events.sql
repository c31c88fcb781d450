-- Events: the network's and member organisations' days together, with registration, waiting
-- lists, reminders, the register on the day and feedback.

-- org_id is the hosting organisation; null means the network itself (its coordinators) hosts it.
create table events (
  id                  uuid primary key default gen_random_uuid(),
  org_id              uuid references organisations (id) on delete cascade,
  title               text not null check (length(title) between 1 and 200),
  description_md      text not null default '' check (length(description_md) <= 20000),
  kind                text not null check (kind in ('online', 'in_person', 'hybrid')),
  -- A copy of the venue, so a place later removed from the directory leaves the event intact.
  location_id         uuid references locations (id) on delete set null,
  venue_name          text not null default '' check (length(venue_name) <= 200),
  venue_address       text not null default '' check (length(venue_address) <= 400),
  venue_postcode      text not null default '' check (length(venue_postcode) <= 10),
  starts_at           timestamptz not null,
  ends_at             timestamptz not null,
  capacity_in_person  integer not null default 0 check (capacity_in_person between 0 and 100000),
  capacity_online     integer not null default 0 check (capacity_online between 0 and 100000),
  registration_opens_at   timestamptz,
  registration_closes_at  timestamptz,
  audience            text not null default 'anyone' check (audience in ('anyone', 'network', 'organisation')),
  needs_approval      boolean not null default false,
  max_places_per_registration integer not null default 4 check (max_places_per_registration between 1 and 20),
  offer_hold_hours    integer not null default 48 check (offer_hold_hours between 1 and 720),
  reminder_hours      integer[] not null default '{168,24}',
  join_url            text not null default '' check (length(join_url) <= 500),
  custom_question     text not null default '' check (length(custom_question) <= 300),
  status              text not null default 'published' check (status in ('published', 'cancelled')),
  cancel_reason       text not null default '' check (length(cancel_reason) <= 1000),
  -- RFC 5545 SEQUENCE: raised on every significant change; the UID is the id, for ever.
  sequence            integer not null default 0,
  created_by          uuid references people (id) on delete set null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index events_starts_idx on events (starts_at);
create index events_org_idx on events (org_id, starts_at);

-- One registration holds one or more places in one mode. arrival is taken after the event's row
-- lock, so it is the order in which people really got in line.
create table event_registrations (
  id               uuid primary key default gen_random_uuid(),
  event_id         uuid not null references events (id) on delete cascade,
  org_id           uuid references organisations (id) on delete cascade,
  arrival          bigint generated always as identity,
  person_id        uuid references people (id) on delete set null,
  name             text not null check (length(name) between 1 and 200),
  email            text not null default '' check (length(email) <= 320),
  places           integer not null check (places between 1 and 20),
  mode             text not null check (mode in ('in_person', 'online')),
  -- requested: waits for the organiser's approval, holding its places.
  -- offered: a freed place held for this registration until offer_expires_at.
  status           text not null check (status in ('requested', 'confirmed', 'waiting', 'offered',
                     'cancelled', 'declined', 'expired')),
  offer_expires_at timestamptz,
  walk_in          boolean not null default false,
  access_needs     text not null default '' check (length(access_needs) <= 2000),
  dietary_needs    text not null default '' check (length(dietary_needs) <= 1000),
  heard_from       text not null default '' check (length(heard_from) <= 300),
  custom_answer    text not null default '' check (length(custom_answer) <= 2000),
  token_hash       text not null unique,
  attended_at      timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index event_registrations_event_idx on event_registrations (event_id, status, arrival);
create index event_registrations_offer_idx on event_registrations (offer_expires_at) where status = 'offered';

-- Each email to a registration goes once: a job claims (registration, kind) before sending.
create table event_emails_sent (
  registration_id  uuid not null references event_registrations (id) on delete cascade,
  kind             text not null check (length(kind) <= 60),
  sent_at          timestamptz not null default now(),
  primary key (registration_id, kind)
);

create table event_feedback (
  id                uuid primary key default gen_random_uuid(),
  event_id          uuid not null references events (id) on delete cascade,
  org_id            uuid references organisations (id) on delete cascade,
  registration_id   uuid unique references event_registrations (id) on delete set null,
  rating            integer check (rating between 1 and 5),
  struck_chord      text not null default '' check (length(struck_chord) <= 3000),
  could_be_better   text not null default '' check (length(could_be_better) <= 3000),
  quote_consent     text not null check (quote_consent in ('none', 'anonymous', 'first_name')),
  first_name        text not null default '' check (length(first_name) <= 60),
  created_at        timestamptz not null default now()
);
create index event_feedback_event_idx on event_feedback (event_id);
