-- A person starting out before there is a group: their own ticks on the pathway. Personal,
-- not a tenant's data (there is no organisation yet), so no org_id; when they have a group
-- they can bring these across to it, and the rows go with the person if they are deleted.
create table learning_person_steps (
  person_id  uuid not null references people (id) on delete cascade,
  step       text not null check (step ~ '^[a-z]+(-[a-z]+)*$'),
  done_at    timestamptz not null default now(),
  primary key (person_id, step)
);
