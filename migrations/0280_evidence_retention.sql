-- Retention: each organisation's rule for how long a participant's record is kept after their
-- last activity, and the erasure batches the daily job `evidence.apply-retention` writes: a
-- batch lists who is past the rule, is reported to the organisation's leads, and is erased
-- through the participant erasure use case once its notice has passed (docs/EVIDENCE.md).

-- No row: the default rule (6 years, docs/DPIA.md). inactive_years null: retention is off.
create table evidence_retention_rules (
  org_id          uuid primary key references organisations (id) on delete cascade,
  inactive_years  integer check (inactive_years in (2, 3, 6, 7)),
  updated_by      uuid references people (id) on delete set null,
  updated_at      timestamptz not null default now()
);

create table evidence_retention_batches (
  id              uuid not null default gen_random_uuid(),
  org_id          uuid not null references organisations (id) on delete cascade,
  -- The rule and the cut-off in force when the batch was written: activity on or before
  -- cutoff_on is past the rule.
  inactive_years  integer not null check (inactive_years in (2, 3, 6, 7)),
  cutoff_on       date not null,
  reported_at     timestamptz not null default now(),
  erase_after     timestamptz not null,
  -- Set once, by the run that erases (or cancels) it; erased_count is how many went.
  finished_at     timestamptz,
  erased_count    integer check (erased_count >= 0),
  primary key (id, org_id),
  unique (org_id, id)
);
-- At most one open batch per organisation: two runs at once cannot both write one.
create unique index evidence_retention_batches_open_idx on evidence_retention_batches (org_id)
  where finished_at is null;

-- Who is in a batch. Erasing a person deletes their row (cascade), so nothing about an erased
-- person stays here, the lead's reason for keeping them included.
create table evidence_retention_batch_people (
  org_id          uuid not null,
  batch_id        uuid not null,
  participant_id  uuid not null,
  last_activity   date not null,
  status          text not null default 'due' check (status in ('due', 'kept', 'dropped')),
  kept_reason     text not null default '' check (length(kept_reason) <= 500),
  decided_by      uuid references people (id) on delete set null,
  decided_at      timestamptz,
  primary key (batch_id, participant_id, org_id),
  foreign key (org_id, batch_id) references evidence_retention_batches (org_id, id) on delete cascade,
  foreign key (org_id, participant_id) references evidence_participants (org_id, id) on delete cascade
);
create index evidence_retention_batch_people_participant_idx
  on evidence_retention_batch_people (org_id, participant_id);
