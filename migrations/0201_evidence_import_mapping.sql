-- The column mapping chosen for an upload, kept with it between checking and importing.
alter table evidence_import_runs add column mapping jsonb;
