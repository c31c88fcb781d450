-- Standards for LEROs as a framework for growth: versioned frameworks, self-assessment,
-- review by trained peer researchers, a separate decision, recognition and renewal.
-- Plain PostgreSQL 15+ SQL. Tables holding an organisation's data carry org_id.

-- A framework version. Its standards live in `definition` (JSON), so a published version is
-- one immutable value: an assessment made under it always reads the same.
create table standards_frameworks (
  id            uuid primary key default gen_random_uuid(),
  version       integer not null unique check (version > 0),
  title         text not null check (length(title) between 1 and 200),
  status        text not null default 'draft' check (status in ('draft', 'published')),
  definition    jsonb not null,
  published_at  timestamptz,
  created_by    uuid references people (id) on delete set null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
-- At most one draft at a time.
create unique index standards_frameworks_one_draft on standards_frameworks ((status)) where status = 'draft';

-- Peer researchers' training, kept by coordinators.
create table standards_training (
  id            uuid primary key default gen_random_uuid(),
  person_id     uuid not null references people (id) on delete cascade,
  course        text not null check (length(course) between 1 and 200),
  completed_on  date not null,
  expires_on    date not null check (expires_on > completed_on),
  recorded_by   uuid references people (id) on delete set null,
  created_at    timestamptz not null default now()
);
create index standards_training_person_idx on standards_training (person_id, expires_on desc);

-- A relationship a peer researcher declared with an organisation (a conflict of interest).
create table standards_declared_interests (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisations (id) on delete cascade,
  person_id   uuid not null references people (id) on delete cascade,
  reason      text not null check (length(reason) between 1 and 500),
  declared_at timestamptz not null default now(),
  unique (org_id, person_id)
);

-- An organisation's self-assessment against one framework version.
create table standards_assessments (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisations (id) on delete cascade,
  framework_id  uuid not null references standards_frameworks (id),
  kind          text not null default 'full' check (kind in ('full', 'renewal')),
  status        text not null default 'draft' check (status in ('draft', 'submitted', 'decided')),
  -- Figures from the platform, frozen when the assessment is sent.
  live_figures  jsonb,
  created_by    uuid references people (id) on delete set null,
  submitted_at  timestamptz,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index standards_assessments_org_idx on standards_assessments (org_id, created_at desc);
-- One open (draft or submitted) assessment per organisation.
create unique index standards_assessments_one_open on standards_assessments (org_id) where status <> 'decided';

create table standards_answers (
  assessment_id  uuid not null references standards_assessments (id) on delete cascade,
  org_id         uuid not null references organisations (id) on delete cascade,
  standard_key   text not null check (length(standard_key) between 1 and 20),
  level          text check (level in ('emerging', 'developing', 'established', 'leading')),
  narrative      text not null default '' check (length(narrative) <= 4000),
  links          text not null default '' check (length(links) <= 2000),
  updated_at     timestamptz not null default now(),
  primary key (assessment_id, standard_key)
);

create table standards_evidence_files (
  id             uuid primary key default gen_random_uuid(),
  assessment_id  uuid not null references standards_assessments (id) on delete cascade,
  org_id         uuid not null references organisations (id) on delete cascade,
  standard_key   text not null,
  filename       text not null check (length(filename) between 1 and 200),
  content_type   text not null check (content_type in (
    'application/pdf', 'image/png', 'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  data           bytea not null check (octet_length(data) <= 5242880),
  uploaded_by    uuid references people (id) on delete set null,
  created_at     timestamptz not null default now()
);
create index standards_evidence_files_idx on standards_evidence_files (assessment_id, standard_key);

-- A peer researcher assigned to review an assessment.
create table standards_reviews (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references organisations (id) on delete cascade,
  assessment_id    uuid not null references standards_assessments (id) on delete cascade,
  reviewer_id      uuid not null references people (id) on delete cascade,
  assigned_by      uuid references people (id) on delete set null,
  override_reason  text not null default '' check (length(override_reason) <= 1000),
  status           text not null default 'assigned' check (status in ('assigned', 'submitted')),
  -- Per standard: { "<key>": { "level": "...", "notes": "..." } }
  findings         jsonb not null default '{}'::jsonb,
  visit_date       date,
  visit_who        text not null default '' check (length(visit_who) <= 1000),
  visit_seen       text not null default '' check (length(visit_seen) <= 4000),
  submitted_at     timestamptz,
  created_at       timestamptz not null default now(),
  unique (assessment_id, reviewer_id)
);
create index standards_reviews_reviewer_idx on standards_reviews (reviewer_id, status);

-- The panel's decision on an assessment.
create table standards_decisions (
  assessment_id  uuid primary key references standards_assessments (id) on delete cascade,
  org_id         uuid not null references organisations (id) on delete cascade,
  outcome        text not null check (outcome in ('recognised', 'working_towards', 'not_yet')),
  feedback       text not null check (length(feedback) between 1 and 4000),
  action_plan    text not null default '' check (length(action_plan) <= 4000),
  review_by      date,
  panel          uuid[] not null,
  decided_by     uuid references people (id) on delete set null,
  decided_at     timestamptz not null default now(),
  renewal_due    date,
  org_response   text not null default '' check (length(org_response) <= 4000),
  responded_at   timestamptz,
  reminded_at    timestamptz
);
create index standards_decisions_org_idx on standards_decisions (org_id, decided_at desc);
