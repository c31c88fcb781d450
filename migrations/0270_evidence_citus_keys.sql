-- Ready for Citus (docs/SCALING.md, test/citus-readiness.test.ts): org_id joins the primary keys
-- of the evidence tables, and their foreign keys to each other pair org_id with org_id, so Citus
-- can distribute them by org_id and keep one organisation's rows on one node. Primary keys become
-- (id, org_id), id first, so a lookup by id (or token) alone still uses the index. No rows change;
-- every child row already has its parent's org_id. The insight triggers (0300) do not depend on
-- these keys.

-- The foreign keys that depend on the old keys go first, and come back paired on org_id.
alter table evidence_consents drop constraint evidence_consents_participant_id_fkey;
alter table evidence_assessments drop constraint evidence_assessments_participant_id_fkey;
alter table evidence_completion_links drop constraint evidence_completion_links_participant_id_fkey;
alter table evidence_deleted_assessments drop constraint evidence_deleted_assessments_participant_id_fkey;
alter table evidence_activities drop constraint evidence_activities_activity_type_id_fkey;
alter table evidence_import_uploads drop constraint evidence_import_uploads_run_id_fkey;

alter table evidence_participants drop constraint evidence_participants_pkey;
alter table evidence_participants add constraint evidence_participants_pkey primary key (id, org_id);
alter table evidence_consents drop constraint evidence_consents_pkey;
alter table evidence_consents add constraint evidence_consents_pkey primary key (id, org_id);
alter table evidence_assessments drop constraint evidence_assessments_pkey;
alter table evidence_assessments add constraint evidence_assessments_pkey primary key (id, org_id);
alter table evidence_completion_links drop constraint evidence_completion_links_pkey;
alter table evidence_completion_links add constraint evidence_completion_links_pkey primary key (token_hash, org_id);
alter table evidence_deleted_assessments drop constraint evidence_deleted_assessments_pkey;
alter table evidence_deleted_assessments add constraint evidence_deleted_assessments_pkey primary key (id, org_id);
alter table evidence_activity_types drop constraint evidence_activity_types_pkey;
alter table evidence_activity_types add constraint evidence_activity_types_pkey primary key (id, org_id);
alter table evidence_activities drop constraint evidence_activities_pkey;
alter table evidence_activities add constraint evidence_activities_pkey primary key (id, org_id);
alter table evidence_volunteer_hours drop constraint evidence_volunteer_hours_pkey;
alter table evidence_volunteer_hours add constraint evidence_volunteer_hours_pkey primary key (id, org_id);
alter table evidence_import_runs drop constraint evidence_import_runs_pkey;
alter table evidence_import_runs add constraint evidence_import_runs_pkey primary key (id, org_id);
alter table evidence_import_uploads drop constraint evidence_import_uploads_pkey;
alter table evidence_import_uploads add constraint evidence_import_uploads_pkey primary key (run_id, seq, org_id);
alter table evidence_summaries drop constraint evidence_summaries_pkey;
alter table evidence_summaries add constraint evidence_summaries_pkey primary key (id, org_id);

alter table evidence_consents add constraint evidence_consents_participant_id_fkey
  foreign key (org_id, participant_id) references evidence_participants (org_id, id) on delete cascade;
alter table evidence_assessments add constraint evidence_assessments_participant_id_fkey
  foreign key (org_id, participant_id) references evidence_participants (org_id, id) on delete cascade;
alter table evidence_completion_links add constraint evidence_completion_links_participant_id_fkey
  foreign key (org_id, participant_id) references evidence_participants (org_id, id) on delete cascade;
alter table evidence_deleted_assessments add constraint evidence_deleted_assessments_participant_id_fkey
  foreign key (org_id, participant_id) references evidence_participants (org_id, id) on delete cascade;
alter table evidence_activities add constraint evidence_activities_activity_type_id_fkey
  foreign key (org_id, activity_type_id) references evidence_activity_types (org_id, id) on delete restrict;
alter table evidence_import_uploads add constraint evidence_import_uploads_run_id_fkey
  foreign key (org_id, run_id) references evidence_import_runs (org_id, id) on delete cascade;
