-- Questionnaires deleted by staff wait here for 30 days so they can be restored, then a
-- scheduled job purges them. A separate table rather than a deleted_at column on
-- evidence_assessments, so every statistic, export and pack that reads evidence_assessments stays
-- right without a filter anyone could forget. Erasing a participant cascades here too, so
-- erasure stays immediate and final.
create table evidence_deleted_assessments (
  id                  uuid primary key,
  org_id              uuid not null references organisations (id) on delete cascade,
  participant_id      uuid not null references evidence_participants (id) on delete cascade,
  instrument_key      text not null,
  instrument_version  text not null,
  assessed_on         date not null,
  time_point          text not null default '',
  responses           jsonb not null,
  scores              jsonb not null,
  source              text not null,
  natural_key         text not null,
  recorded_by         uuid references people (id) on delete set null,
  created_at          timestamptz not null,
  deleted_at          timestamptz not null default now(),
  deleted_by          uuid references people (id) on delete set null
);
create index evidence_deleted_assessments_participant_idx on evidence_deleted_assessments (org_id, participant_id);
create index evidence_deleted_assessments_deleted_idx on evidence_deleted_assessments (deleted_at);
