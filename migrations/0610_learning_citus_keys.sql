-- Ready for Citus (docs/SCALING.md, test/citus-readiness.test.ts): org_id joins the primary keys
-- of the learning tables that belong to one organisation, and their foreign keys to each other
-- pair org_id with org_id. Primary keys become (id, org_id), id first, so a lookup by id alone
-- still uses the index. No rows change.
--
-- Questions and answers stay as they are for now: an answer carries the answering organisation's
-- org_id, not the question's, so answers → questions crosses organisations (see KNOWN in the test).
-- learning_answers gains a unique (id, org_id) so that "this helped" (org_id = the answer's
-- organisation) can pair up.

alter table learning_attachments drop constraint learning_attachments_resource_id_fkey;
alter table learning_answer_helped drop constraint learning_answer_helped_answer_id_fkey;

alter table learning_resources drop constraint learning_resources_pkey;
alter table learning_resources add constraint learning_resources_pkey primary key (id, org_id);
alter table learning_attachments drop constraint learning_attachments_pkey;
alter table learning_attachments add constraint learning_attachments_pkey primary key (id, org_id);
alter table learning_mentor_requests drop constraint learning_mentor_requests_pkey;
alter table learning_mentor_requests add constraint learning_mentor_requests_pkey primary key (id, org_id);
alter table learning_answers add constraint learning_answers_id_org_id_key unique (id, org_id);
alter table learning_answer_helped drop constraint learning_answer_helped_pkey;
alter table learning_answer_helped add constraint learning_answer_helped_pkey primary key (answer_id, person_id, org_id);

alter table learning_attachments add constraint learning_attachments_resource_id_fkey
  foreign key (org_id, resource_id) references learning_resources (org_id, id) on delete cascade;
alter table learning_answer_helped add constraint learning_answer_helped_answer_id_fkey
  foreign key (org_id, answer_id) references learning_answers (org_id, id) on delete cascade;
