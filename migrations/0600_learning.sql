-- Shared learning: the practice library and innovation stories, search, the pathway for new
-- groups with mentors, questions answered by peers, the weekly digest, people who can help.
-- Plain PostgreSQL 15+ SQL: runs on the embedded engine (PostgreSQL 18) and on a server.

create extension if not exists unaccent;

-- English with accents folded (café = cafe), and Welsh as `simple` (no Welsh stemmer exists
-- in PostgreSQL) with accents folded too (Grŵp = grwp).
create text search configuration learning_en (copy = english);
alter text search configuration learning_en
  alter mapping for hword, hword_part, word with unaccent, english_stem;
create text search configuration learning_simple (copy = simple);
alter text search configuration learning_simple
  alter mapping for hword, hword_part, word with unaccent, simple;

-- A resource (guide, template, policy, toolkit, evaluation) or an innovation story.
-- org_id is the organisation that wrote it.
create table learning_resources (
  id             uuid primary key default gen_random_uuid(),
  org_id         uuid not null references organisations (id) on delete cascade,
  author_id      uuid references people (id) on delete set null,
  kind           text not null check (kind in ('guide', 'template', 'policy', 'toolkit', 'evaluation', 'story')),
  language       text not null default 'en' check (language in ('en', 'cy')),
  title          text not null check (length(title) between 1 and 200),
  summary        text not null default '' check (length(summary) <= 600),
  -- Markdown. Stories keep their sections in `story` and a joined copy here for search.
  body           text not null default '' check (length(body) <= 100000),
  story          jsonb,
  -- Plain text of the Markdown, for snippets.
  body_text      text not null default '' check (length(body_text) <= 100000),
  licence        text not null default 'CC BY 4.0' check (length(licence) <= 100),
  links          text[] not null default '{}',
  chime          text[] not null default '{}',
  service_types  text[] not null default '{}',
  topics         text[] not null default '{}',
  -- The tags' words joined, written with the tags, for search (array_to_string is not immutable).
  tags_text      text not null default '' check (length(tags_text) <= 2000),
  visibility     text not null default 'public' check (visibility in ('public', 'members')),
  -- Resources publish at once; stories wait for a coordinator's review.
  status         text not null default 'published' check (status in ('draft', 'submitted', 'published', 'returned')),
  review_note    text not null default '' check (length(review_note) <= 2000),
  reviewed_on    date not null default current_date,
  review_reminded_at timestamptz,
  published_at   timestamptz,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  search_title   text generated always as (title || ' ' || tags_text) stored,
  search         tsvector generated always as (
    case when language = 'cy' then
      setweight(to_tsvector('learning_simple'::regconfig, title), 'A') ||
      setweight(to_tsvector('learning_simple'::regconfig, summary || ' ' || tags_text), 'B') ||
      setweight(to_tsvector('learning_simple'::regconfig, body_text), 'C')
    else
      setweight(to_tsvector('learning_en'::regconfig, title), 'A') ||
      setweight(to_tsvector('learning_en'::regconfig, summary || ' ' || tags_text), 'B') ||
      setweight(to_tsvector('learning_en'::regconfig, body_text), 'C')
    end
  ) stored
);
create index learning_resources_org_idx on learning_resources (org_id);
create index learning_resources_search_idx on learning_resources using gin (search);
create index learning_resources_title_trgm_idx on learning_resources using gin (search_title gin_trgm_ops);
create index learning_resources_status_idx on learning_resources (status, visibility);

-- Files attached to a resource: bytes in the database, type checked from the bytes themselves.
create table learning_attachments (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisations (id) on delete cascade,
  resource_id  uuid not null references learning_resources (id) on delete cascade,
  file_name    text not null check (length(file_name) between 1 and 200),
  media_type   text not null check (media_type in ('application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg')),
  size_bytes   integer not null check (size_bytes between 1 and 5242880),
  data         bytea not null,
  created_at   timestamptz not null default now()
);
create index learning_attachments_resource_idx on learning_attachments (resource_id);

-- A new group's progress along the pathway: one row per step it has done.
create table learning_pathway_steps (
  org_id      uuid not null references organisations (id) on delete cascade,
  step        text not null check (step ~ '^[a-z]+(-[a-z]+)*$'),
  done_by     uuid references people (id) on delete set null,
  note        text not null default '' check (length(note) <= 2000),
  done_at     timestamptz not null default now(),
  primary key (org_id, step)
);

-- An established member's offer to mentor: how many groups at once (0 = not now).
create table learning_mentor_offers (
  org_id      uuid primary key references organisations (id) on delete cascade,
  capacity    integer not null default 0 check (capacity between 0 and 10),
  note        text not null default '' check (length(note) <= 1000),
  updated_at  timestamptz not null default now()
);

-- A new group (org_id) asks an established member (mentor_org_id) to mentor it.
create table learning_mentor_requests (
  id             uuid primary key default gen_random_uuid(),
  org_id         uuid not null references organisations (id) on delete cascade,
  mentor_org_id  uuid not null references organisations (id) on delete cascade,
  status         text not null default 'asked' check (status in ('asked', 'accepted', 'declined', 'ended')),
  message        text not null default '' check (length(message) <= 2000),
  reasons        text[] not null default '{}',
  made_by_coordinator boolean not null default false,
  asked_by       uuid references people (id) on delete set null,
  created_at     timestamptz not null default now(),
  decided_at     timestamptz
);
-- At most one open request or match per group.
create unique index learning_mentor_requests_open_idx on learning_mentor_requests (org_id)
  where status in ('asked', 'accepted');
create index learning_mentor_requests_mentor_idx on learning_mentor_requests (mentor_org_id, status);

create table learning_questions (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisations (id) on delete cascade,
  person_id     uuid references people (id) on delete set null,
  title         text not null check (length(title) between 1 and 200),
  body          text not null default '' check (length(body) <= 20000),
  tags          text[] not null default '{}',
  accepted_answer_id uuid,
  hidden        boolean not null default false,
  created_at    timestamptz not null default now()
);
create index learning_questions_created_idx on learning_questions (created_at desc);

create table learning_answers (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisations (id) on delete cascade,
  question_id  uuid not null references learning_questions (id) on delete cascade,
  person_id    uuid references people (id) on delete set null,
  body         text not null check (length(body) between 1 and 20000),
  hidden       boolean not null default false,
  created_at   timestamptz not null default now()
);
create index learning_answers_question_idx on learning_answers (question_id, created_at);

-- "This helped": one per person per answer. org_id is the answer's organisation.
create table learning_answer_helped (
  org_id     uuid not null references organisations (id) on delete cascade,
  answer_id  uuid not null references learning_answers (id) on delete cascade,
  person_id  uuid not null references people (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (answer_id, person_id)
);

-- Reports for moderation, of a question or an answer.
create table learning_reports (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisations (id) on delete cascade,
  question_id  uuid references learning_questions (id) on delete cascade,
  answer_id    uuid references learning_answers (id) on delete cascade,
  person_id    uuid references people (id) on delete set null,
  reason       text not null check (length(reason) between 1 and 1000),
  resolved_at  timestamptz,
  created_at   timestamptz not null default now()
);

-- People follow tags and hear when a question arrives; and get the weekly digest.
create table learning_follows (
  person_id  uuid not null references people (id) on delete cascade,
  tag        text not null check (length(tag) between 1 and 60),
  primary key (person_id, tag)
);

create table learning_digest_subscriptions (
  person_id          uuid primary key references people (id) on delete cascade,
  subscribed         boolean not null default true,
  unsubscribe_token  text not null unique,
  updated_at         timestamptz not null default now()
);

-- One row per person per week sent: the primary key makes the digest once-only, however many
-- processes run the job.
create table learning_digest_sends (
  person_id   uuid not null references people (id) on delete cascade,
  week_start  date not null,
  sent_at     timestamptz not null default now(),
  primary key (person_id, week_start)
);

-- People who can help: opt-in, seen by members only.
create table learning_helpers (
  person_id    uuid not null references people (id) on delete cascade,
  org_id       uuid not null references organisations (id) on delete cascade,
  can_offer    text not null default '' check (length(can_offer) <= 1000),
  looking_for  text not null default '' check (length(looking_for) <= 1000),
  updated_at   timestamptz not null default now(),
  search       tsvector generated always as (
    to_tsvector('learning_en'::regconfig, can_offer || ' ' || looking_for)
  ) stored,
  primary key (person_id, org_id)
);
create index learning_helpers_search_idx on learning_helpers using gin (search);
