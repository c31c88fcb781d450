-- The platform's own tables: organisations, people, roles, sign-in, mail tokens, audit.
-- Plain PostgreSQL 15+ SQL: the same file runs on the embedded engine (PostgreSQL 18) and a server.

create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;

create table organisations (
  id          uuid primary key default gen_random_uuid(),
  slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        text not null check (length(name) between 1 and 200),
  status      text not null default 'applicant' check (status in ('applicant', 'member', 'lapsed')),
  summary     text not null default '' check (length(summary) <= 2000),
  town        text not null default '',
  region      text not null default '',
  size_band   text not null default 'volunteers' check (size_band in ('volunteers', 'small_staff', 'larger')),
  status_changed_at timestamptz not null default now(),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index organisations_status_idx on organisations (status);
create index organisations_name_trgm_idx on organisations using gin (name gin_trgm_ops);

create table people (
  id             uuid primary key default gen_random_uuid(),
  email          text not null check (email = lower(email) and position('@' in email) > 1),
  display_name   text not null check (length(display_name) between 1 and 120),
  password_hash  text,
  network_role   text check (network_role in ('coordinator', 'admin')),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create unique index people_email_key on people (email);

-- A person's role in one organisation. One person may belong to several.
create table memberships (
  org_id      uuid not null references organisations (id) on delete cascade,
  person_id   uuid not null references people (id) on delete cascade,
  role        text not null check (role in ('lead', 'worker', 'volunteer', 'peer_researcher')),
  created_at  timestamptz not null default now(),
  primary key (org_id, person_id)
);
create index memberships_person_idx on memberships (person_id);

-- Sessions: the cookie holds a random token; only its SHA-256 is stored.
create table sessions (
  token_hash    text primary key,
  person_id     uuid not null references people (id) on delete cascade,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  user_agent    text not null default ''
);
create index sessions_person_idx on sessions (person_id);

-- One-time links sent by email: sign-in links, password resets and invitations.
create table email_tokens (
  token_hash   text primary key,
  purpose      text not null check (purpose in ('sign_in', 'reset_password', 'invitation')),
  email        text not null,
  person_id    uuid references people (id) on delete cascade,
  org_id       uuid references organisations (id) on delete cascade,
  role         text check (role in ('lead', 'worker', 'volunteer', 'peer_researcher')),
  invited_by   uuid references people (id) on delete set null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  used_at      timestamptz,
  check (purpose <> 'invitation' or (org_id is not null and role is not null))
);
create index email_tokens_org_idx on email_tokens (org_id) where purpose = 'invitation';

-- Sign-in attempts, for rate limiting by email and by address. Old rows are pruned.
create table sign_in_attempts (
  id         bigint generated always as identity primary key,
  email      text not null,
  ip         text not null,
  succeeded  boolean not null,
  at         timestamptz not null default now()
);
create index sign_in_attempts_email_idx on sign_in_attempts (email, at);
create index sign_in_attempts_ip_idx on sign_in_attempts (ip, at);

-- Who saw or changed what. Organisation leads read their organisation's entries.
create table audit_log (
  id            bigint generated always as identity primary key,
  org_id        uuid references organisations (id) on delete cascade,
  actor_id      uuid references people (id) on delete set null,
  action        text not null,
  subject_type  text not null default '',
  subject_id    text not null default '',
  detail        jsonb not null default '{}'::jsonb,
  ip            text not null default '',
  at            timestamptz not null default now()
);
create index audit_log_org_idx on audit_log (org_id, at desc);

-- Facts about this installation, such as whether it holds demo data.
create table instance_settings (
  key    text primary key,
  value  jsonb not null
);
