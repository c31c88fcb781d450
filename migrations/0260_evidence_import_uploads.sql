-- Uploads live in the database (in chunks, so no row is huge), not on one server's disk: any
-- instance can read them, and they go when the import is committed or cancelled, or after a day.
create table evidence_import_uploads (
  run_id      uuid not null references evidence_import_runs (id) on delete cascade,
  org_id      uuid not null references organisations (id) on delete cascade,
  seq         integer not null,
  bytes       bytea not null,
  created_at  timestamptz not null default now(),
  primary key (run_id, seq)
);
create index evidence_import_uploads_created_idx on evidence_import_uploads (created_at);

-- How the file's text was decoded, decided once on upload (Windows-1252 is what Excel's
-- "CSV (Comma delimited)" writes; UTF-16 what its "Unicode text" writes, with a byte-order mark).
alter table evidence_import_runs add column encoding text not null default 'utf-8'
  check (encoding in ('utf-8', 'windows-1252', 'utf-16le', 'utf-16be'));

-- 'receiving' while the bytes arrive and are checked (a run cut off there is never offered for
-- import; the sweep clears it), and a dry run from the command line recorded as what it was.
alter table evidence_import_runs drop constraint evidence_import_runs_status_check;
alter table evidence_import_runs add constraint evidence_import_runs_status_check
  check (status in ('receiving', 'uploaded', 'imported', 'rejected', 'cancelled', 'dry_run'));
create index evidence_import_runs_waiting_idx on evidence_import_runs (created_at)
  where status in ('receiving', 'uploaded');

-- A remembered mapping is offered again only for a file with exactly these headings.
alter table evidence_import_mappings add column headings jsonb not null default '[]';

-- Erased people stay erased: a keyed hash of each erased participant code, per organisation.
-- The key is the organisation's own random secret, so the hashes reveal nothing on their own.
create table evidence_erasure_keys (
  org_id  uuid primary key references organisations (id) on delete cascade,
  secret  text not null
);
create table evidence_erased_codes (
  org_id     uuid not null references organisations (id) on delete cascade,
  code_hash  text not null,
  erased_on  date not null default current_date,
  primary key (org_id, code_hash)
);
