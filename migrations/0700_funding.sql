-- Funding: open grants data (360Giving), the keyword list that flags recovery grants, a board
-- of funding opportunities with interest and reminders, and consortium bids between members.
--
-- Grants are published open data, not a tenant's: they carry the source (publisher and
-- licence) they came from instead of an org_id. Everything members write carries org_id.

create table funding_sources (
  id                    uuid primary key default gen_random_uuid(),
  title                 text not null,
  publisher_name        text not null,
  publisher_identifier  text not null default '',
  licence               text not null,          -- a URL, as the standard asks
  file_name             text not null,
  grant_count           integer not null default 0,
  imported_by           uuid references people (id) on delete set null,
  imported_at           timestamptz not null default now()
);

create table funding_grants (
  grant_id               text primary key,       -- the 360Giving id: 360G-<prefix>-<id>
  source_id              uuid not null references funding_sources (id),
  title                  text not null,
  description            text not null,
  currency               text not null,
  amount_pence           bigint not null,         -- in the currency's hundredths
  award_date             date not null,
  funder_id              text not null,
  funder_name            text not null,
  recipient_id           text not null default '',  -- '' for a grant to an individual
  recipient_name         text not null,
  recipient_charity      text not null default '',
  recipient_company      text not null default '',
  programme              text not null default '',
  area                   text not null default '',  -- beneficiary location names, joined
  keyword                text,                      -- the first keyword that matched, if any
  updated_at             timestamptz not null default now()
);
create index funding_grants_funder on funding_grants (funder_id, award_date);
create index funding_grants_recipient on funding_grants (recipient_id);
create index funding_grants_keyword on funding_grants (funder_id) where keyword is not null;

create table funding_keywords (
  keyword     text primary key,                  -- stored lower case
  added_by    uuid references people (id) on delete set null,
  added_at    timestamptz not null default now()
);
insert into funding_keywords (keyword) values
  ('recovery'), ('addiction'), ('substance misuse'), ('drug and alcohol'), ('alcohol'), ('drugs'),
  ('lived experience'), ('peer support'), ('sobriety'), ('rehabilitation');

-- A member's choice to show the grants it has received on its public profile.
create table funding_org_settings (
  org_id       uuid primary key references organisations (id) on delete cascade,
  show_grants  boolean not null default false,
  -- What a year of the organisation's work costs to run, for its value statement: null until entered.
  running_costs_pence  bigint check (running_costs_pence is null or running_costs_pence > 0),
  costs_year   text not null default '',
  updated_at   timestamptz not null default now()
);

create table funding_opportunities (
  id             uuid primary key default gen_random_uuid(),
  funder         text not null,
  programme      text not null,
  amount_min_pence  bigint check (amount_min_pence is null or amount_min_pence >= 0),
  amount_max_pence  bigint check (amount_max_pence is null or amount_max_pence >= 0),
  currency       text not null default 'GBP',
  deadline       date not null,
  eligibility    text not null default '',
  areas          text not null default '',
  link           text not null default '',
  notes          text not null default '',
  added_by       uuid references people (id) on delete set null,
  added_by_org   uuid references organisations (id) on delete set null,
  created_at     timestamptz not null default now(),
  check (amount_min_pence is null or amount_max_pence is null or amount_min_pence <= amount_max_pence)
);
create index funding_opportunities_deadline on funding_opportunities (deadline);

create table funding_interests (
  opportunity_id  uuid not null references funding_opportunities (id) on delete cascade,
  org_id          uuid not null references organisations (id) on delete cascade,
  marked_by       uuid references people (id) on delete set null,
  created_at      timestamptz not null default now(),
  primary key (opportunity_id, org_id)
);
create index funding_interests_org on funding_interests (org_id);

-- One row per reminder sent: the primary key is what makes a reminder go once, however many
-- app processes run the job at the same moment.
create table funding_reminders (
  opportunity_id  uuid not null references funding_opportunities (id) on delete cascade,
  org_id          uuid not null references organisations (id) on delete cascade,
  days_before     integer not null,
  sent_at         timestamptz not null default now(),
  primary key (opportunity_id, org_id, days_before)
);

create table funding_bids (
  id              uuid primary key default gen_random_uuid(),
  org_id          uuid not null references organisations (id) on delete cascade,  -- the lead
  opportunity_id  uuid references funding_opportunities (id) on delete set null,
  title           text not null,
  total_pence     bigint not null check (total_pence > 0),
  currency        text not null default 'GBP',
  running_costs_pence bigint check (running_costs_pence is null or running_costs_pence > 0),
  status          text not null default 'drafting' check (status in ('drafting', 'submitted', 'won', 'lost')),
  summary         text not null default '',
  created_by      uuid references people (id) on delete set null,
  created_at      timestamptz not null default now()
);
create index funding_bids_org on funding_bids (org_id);

create table funding_bid_partners (
  bid_id        uuid not null references funding_bids (id) on delete cascade,
  org_id        uuid not null references organisations (id) on delete cascade,
  role          text not null default '',
  status        text not null default 'invited' check (status in ('lead', 'invited', 'accepted', 'declined')),
  invited_at    timestamptz not null default now(),
  responded_at  timestamptz,
  responded_by  uuid references people (id) on delete set null,
  primary key (bid_id, org_id)
);
create index funding_bid_partners_org on funding_bid_partners (org_id);

create table funding_budget_lines (
  id           uuid primary key default gen_random_uuid(),
  bid_id       uuid not null references funding_bids (id) on delete cascade,
  org_id       uuid not null references organisations (id) on delete cascade,  -- the partner
  description  text not null default '',
  amount_pence bigint not null check (amount_pence >= 0),
  unique (bid_id, org_id)
);

create table funding_bid_tasks (
  id            uuid primary key default gen_random_uuid(),
  bid_id        uuid not null references funding_bids (id) on delete cascade,
  org_id        uuid not null references organisations (id) on delete cascade,  -- the owner
  title         text not null,
  due_on        date,
  done          boolean not null default false,
  created_at    timestamptz not null default now()
);
create index funding_bid_tasks_bid on funding_bid_tasks (bid_id);

-- A document is the rows sharing a document_key, one per version; sign-offs belong to a
-- version, so a new version needs signing again.
create table funding_bid_documents (
  id            uuid primary key default gen_random_uuid(),
  bid_id        uuid not null references funding_bids (id) on delete cascade,
  org_id        uuid not null references organisations (id) on delete cascade,  -- who added it
  document_key  uuid not null,
  version       integer not null check (version > 0),
  title         text not null,
  body          text not null,
  added_by      uuid references people (id) on delete set null,
  created_at    timestamptz not null default now(),
  unique (document_key, version)
);
create index funding_bid_documents_bid on funding_bid_documents (bid_id);

create table funding_bid_signoffs (
  document_id  uuid not null references funding_bid_documents (id) on delete cascade,
  org_id       uuid not null references organisations (id) on delete cascade,
  signed_by    uuid references people (id) on delete set null,
  signed_at    timestamptz not null default now(),
  primary key (document_id, org_id)
);

create table funding_bid_notes (
  id          uuid primary key default gen_random_uuid(),
  bid_id      uuid not null references funding_bids (id) on delete cascade,
  org_id      uuid not null references organisations (id) on delete cascade,
  author_id   uuid references people (id) on delete set null,
  body        text not null,
  created_at  timestamptz not null default now()
);
create index funding_bid_notes_bid on funding_bid_notes (bid_id);

-- One source per publisher, title and licence: importing the same file again reuses it.
create unique index funding_sources_identity on funding_sources (publisher_name, title, licence);
