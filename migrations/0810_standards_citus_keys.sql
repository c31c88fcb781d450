-- Ready for Citus (docs/SCALING.md, test/citus-readiness.test.ts): org_id (the assessed
-- organisation) joins the primary and unique keys of the standards tables, and their foreign keys
-- to the assessment pair org_id with org_id. Primary keys become (id, org_id), id first, so a
-- lookup by id alone still uses the index. No rows change. The repository's `on conflict`
-- targets for answers and reviews name org_id too (standards.repository.ts).

alter table standards_answers drop constraint standards_answers_assessment_id_fkey;
alter table standards_evidence_files drop constraint standards_evidence_files_assessment_id_fkey;
alter table standards_reviews drop constraint standards_reviews_assessment_id_fkey;
alter table standards_decisions drop constraint standards_decisions_assessment_id_fkey;

alter table standards_assessments drop constraint standards_assessments_pkey;
alter table standards_assessments add constraint standards_assessments_pkey primary key (id, org_id);
alter table standards_answers drop constraint standards_answers_pkey;
alter table standards_answers add constraint standards_answers_pkey primary key (assessment_id, standard_key, org_id);
alter table standards_evidence_files drop constraint standards_evidence_files_pkey;
alter table standards_evidence_files add constraint standards_evidence_files_pkey primary key (id, org_id);
alter table standards_reviews drop constraint standards_reviews_pkey;
alter table standards_reviews add constraint standards_reviews_pkey primary key (id, org_id);
alter table standards_reviews drop constraint standards_reviews_assessment_id_reviewer_id_key;
alter table standards_reviews add constraint standards_reviews_assessment_id_reviewer_id_key
  unique (assessment_id, reviewer_id, org_id);
alter table standards_decisions drop constraint standards_decisions_pkey;
alter table standards_decisions add constraint standards_decisions_pkey primary key (assessment_id, org_id);
alter table standards_declared_interests drop constraint standards_declared_interests_pkey;
alter table standards_declared_interests add constraint standards_declared_interests_pkey primary key (id, org_id);

alter table standards_answers add constraint standards_answers_assessment_id_fkey
  foreign key (org_id, assessment_id) references standards_assessments (org_id, id) on delete cascade;
alter table standards_evidence_files add constraint standards_evidence_files_assessment_id_fkey
  foreign key (org_id, assessment_id) references standards_assessments (org_id, id) on delete cascade;
alter table standards_reviews add constraint standards_reviews_assessment_id_fkey
  foreign key (org_id, assessment_id) references standards_assessments (org_id, id) on delete cascade;
alter table standards_decisions add constraint standards_decisions_assessment_id_fkey
  foreign key (org_id, assessment_id) references standards_assessments (org_id, id) on delete cascade;
