-- Ready for Citus (docs/SCALING.md, test/citus-readiness.test.ts): org_id joins the primary and
-- unique keys of the directory's tables, and their foreign keys to each other pair org_id with
-- org_id, so Citus can distribute them by org_id and keep one organisation's rows on one node.
-- Primary keys become (id, org_id), id first, so a lookup by id alone still uses the index.
-- No rows change; every child row already has its parent's org_id.

-- The foreign keys that depend on the old keys go first, and come back paired on org_id.
alter table service_types drop constraint service_types_service_id_fkey;
alter table service_areas drop constraint service_areas_service_id_fkey;
alter table service_at_locations drop constraint service_at_locations_service_id_fkey;
alter table service_at_locations drop constraint service_at_locations_location_id_fkey;
alter table schedules drop constraint schedules_service_id_fkey;
alter table schedules drop constraint schedules_service_at_location_id_fkey;

alter table services drop constraint services_pkey;
alter table services add constraint services_pkey primary key (id, org_id);
alter table service_at_locations drop constraint service_at_locations_pkey;
alter table service_at_locations add constraint service_at_locations_pkey primary key (id, org_id);
alter table service_at_locations drop constraint service_at_locations_service_id_location_id_key;
alter table service_at_locations add constraint service_at_locations_service_id_location_id_key
  unique (service_id, location_id, org_id);
alter table service_types drop constraint service_types_pkey;
alter table service_types add constraint service_types_pkey primary key (service_id, type_code, org_id);
alter table service_areas drop constraint service_areas_pkey;
alter table service_areas add constraint service_areas_pkey primary key (service_id, lad_code, org_id);
alter table schedules drop constraint schedules_pkey;
alter table schedules add constraint schedules_pkey primary key (id, org_id);
-- locations keeps its primary key (id) while events.location_id refers to it (an event may be
-- the network's, with no org_id); this unique key lets the directory's own references pair up.
alter table locations add constraint locations_id_org_id_key unique (id, org_id);

alter table service_types add constraint service_types_service_id_fkey
  foreign key (org_id, service_id) references services (org_id, id) on delete cascade;
alter table service_areas add constraint service_areas_service_id_fkey
  foreign key (org_id, service_id) references services (org_id, id) on delete cascade;
alter table service_at_locations add constraint service_at_locations_service_id_fkey
  foreign key (org_id, service_id) references services (org_id, id) on delete cascade;
alter table service_at_locations add constraint service_at_locations_location_id_fkey
  foreign key (org_id, location_id) references locations (org_id, id) on delete cascade;
alter table schedules add constraint schedules_service_id_fkey
  foreign key (org_id, service_id) references services (org_id, id) on delete cascade;
alter table schedules add constraint schedules_service_at_location_id_fkey
  foreign key (org_id, service_at_location_id) references service_at_locations (org_id, id) on delete cascade;
