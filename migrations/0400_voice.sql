-- The collective voice: consultations with statements to agree or disagree with, votes (one
-- per person per statement), the analysis a job keeps, the network's own words with each
-- writer's choice about quoting, collections of phrases, and papers to government.
-- org_id is the organisation a thing belongs to; null means the network itself (its coordinators).

create table voice_consultations (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid references organisations (id) on delete cascade,
  title              text not null check (length(title) between 1 and 200),
  -- Markdown, sanitised when shown.
  background         text not null default '' check (length(background) <= 20000),
  -- link: anyone with the address; network: signed-in people of member organisations;
  -- org: the organisation's own people.
  audience           text not null check (audience in ('link', 'network', 'org')),
  opens_at           timestamptz not null,
  closes_at          timestamptz not null,
  -- Set when it closes, early or at the closing time.
  closed_at          timestamptz,
  -- after_close: results only once closed (early votes do not sway later ones); live: as they come.
  results_visibility text not null default 'after_close' check (results_visibility in ('after_close', 'live')),
  statements_per_person integer not null default 3 check (statements_per_person between 0 and 20),
  created_by         uuid references people (id) on delete set null,
  created_at         timestamptz not null default now(),
  check (closes_at > opens_at),
  check (audience <> 'org' or org_id is not null)
);
create index voice_consultations_org_idx on voice_consultations (org_id, opens_at);
create index voice_consultations_closing_idx on voice_consultations (closes_at) where closed_at is null;

create table voice_statements (
  id                 uuid primary key default gen_random_uuid(),
  consultation_id    uuid not null references voice_consultations (id) on delete cascade,
  org_id             uuid references organisations (id) on delete cascade,
  text               text not null check (length(text) between 1 and 280),
  -- null for the statements the consultation started with.
  author_participant_id uuid,
  status             text not null default 'accepted' check (status in ('pending', 'accepted', 'rejected')),
  reject_reason      text not null default '' check (length(reject_reason) <= 500),
  moderated_by       uuid references people (id) on delete set null,
  moderated_at       timestamptz,
  created_at         timestamptz not null default now()
);
create index voice_statements_consultation_idx on voice_statements (consultation_id, status);

-- A participant is a signed-in person, or a browser holding a per-consultation token (its
-- SHA-256 kept here, never the token).
create table voice_participants (
  id                 uuid primary key default gen_random_uuid(),
  consultation_id    uuid not null references voice_consultations (id) on delete cascade,
  org_id             uuid references organisations (id) on delete cascade,
  person_id          uuid references people (id) on delete cascade,
  token_hash         text,
  created_at         timestamptz not null default now(),
  check ((person_id is null) <> (token_hash is null)),
  unique (consultation_id, person_id),
  unique (consultation_id, token_hash)
);

alter table voice_statements add foreign key (author_participant_id) references voice_participants (id) on delete set null;

-- One vote per participant per statement: the primary key makes a second one replace the
-- first (insert … on conflict do update), whatever the order two requests arrive in.
create table voice_votes (
  statement_id       uuid not null references voice_statements (id) on delete cascade,
  participant_id     uuid not null references voice_participants (id) on delete cascade,
  consultation_id    uuid not null references voice_consultations (id) on delete cascade,
  org_id             uuid references organisations (id) on delete cascade,
  value              smallint not null check (value in (-1, 0, 1)),
  -- A keyed hash of the address, for the votes-per-minute limit; never the address.
  address_hash       text not null,
  updated_at         timestamptz not null default now(),
  primary key (statement_id, participant_id)
);
create index voice_votes_consultation_idx on voice_votes (consultation_id);
create index voice_votes_address_idx on voice_votes (address_hash, updated_at);

-- The latest analysis of a consultation, written by the analyse job.
create table voice_analyses (
  consultation_id    uuid primary key references voice_consultations (id) on delete cascade,
  org_id             uuid references organisations (id) on delete cascade,
  votes_seen         integer not null,
  result             jsonb not null,
  computed_at        timestamptz not null default now()
);

-- The network's own words: a comment on a consultation, shared through "share your words", or
-- brought in from event feedback. Nothing is public until approved; the writer can withdraw.
create table voice_words (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid references organisations (id) on delete cascade,
  consultation_id    uuid references voice_consultations (id) on delete cascade,
  source             text not null check (source in ('consultation', 'share', 'event')),
  -- For words brought in from elsewhere (event feedback): its id there, so it is brought in once.
  source_ref         text unique,
  text               text not null check (length(text) between 1 and 1000),
  -- none: use it to understand, never quote; anonymous: quote without a name; first_name: quote with it.
  quote_as           text not null check (quote_as in ('none', 'anonymous', 'first_name')),
  first_name         text not null default '' check (length(first_name) <= 40),
  person_id          uuid references people (id) on delete set null,
  -- SHA-256 of the withdraw link's token.
  withdraw_token_hash text unique,
  status             text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  moderated_by       uuid references people (id) on delete set null,
  moderated_at       timestamptz,
  created_at         timestamptz not null default now()
);
create index voice_words_status_idx on voice_words (status, created_at);

create table voice_collections (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid references organisations (id) on delete cascade,
  title              text not null check (length(title) between 1 and 200),
  introduction       text not null default '' check (length(introduction) <= 2000),
  status             text not null default 'draft' check (status in ('draft', 'published')),
  published_at       timestamptz,
  created_by         uuid references people (id) on delete set null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);

-- A line of a collection: verbatim words, in the facilitator's order, a blank line before it
-- when `space_before` (stanzas). Removed with its words if they are withdrawn.
create table voice_collection_lines (
  id                 uuid primary key default gen_random_uuid(),
  collection_id      uuid not null references voice_collections (id) on delete cascade,
  org_id             uuid references organisations (id) on delete cascade,
  word_id            uuid references voice_words (id) on delete cascade,
  text               text not null check (length(text) between 1 and 300),
  position           integer not null,
  space_before       boolean not null default false
);
create index voice_collection_lines_idx on voice_collection_lines (collection_id, position);

create table voice_submissions (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid references organisations (id) on delete cascade,
  title              text not null check (length(title) between 1 and 200),
  -- The review, inquiry or council consultation it answers.
  addressee          text not null default '' check (length(addressee) <= 300),
  consultation_id    uuid references voice_consultations (id) on delete set null,
  status             text not null default 'draft' check (status in ('draft', 'published')),
  current_version    integer not null default 0,
  published_at       timestamptz,
  created_by         uuid references people (id) on delete set null,
  created_at         timestamptz not null default now()
);

-- Every saved draft is kept: its sections and the figures frozen when it was saved.
create table voice_submission_versions (
  submission_id      uuid not null references voice_submissions (id) on delete cascade,
  org_id             uuid references organisations (id) on delete cascade,
  version            integer not null,
  content            jsonb not null,
  created_by         uuid references people (id) on delete set null,
  created_at         timestamptz not null default now(),
  primary key (submission_id, version)
);

create table voice_submission_comments (
  id                 uuid primary key default gen_random_uuid(),
  submission_id      uuid not null references voice_submissions (id) on delete cascade,
  -- The commenting lead's organisation.
  org_id             uuid not null references organisations (id) on delete cascade,
  version            integer not null,
  person_id          uuid references people (id) on delete set null,
  body               text not null check (length(body) between 1 and 4000),
  created_at         timestamptz not null default now()
);

create table voice_endorsements (
  submission_id      uuid not null references voice_submissions (id) on delete cascade,
  org_id             uuid not null references organisations (id) on delete cascade,
  person_id          uuid references people (id) on delete set null,
  created_at         timestamptz not null default now(),
  primary key (submission_id, org_id)
);
