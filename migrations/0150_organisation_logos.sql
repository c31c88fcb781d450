-- An organisation's logo, as it goes on its profile and on the cover of its evidence packs:
-- checked and re-encoded on upload (PNG, at most 400 px a side), so what is stored is never the
-- uploaded file itself.
create table org_logos (
  org_id uuid primary key references organisations (id) on delete cascade,
  png bytea not null,
  width integer not null check (width between 1 and 400),
  height integer not null check (height between 1 and 400),
  updated_at timestamptz not null default now(),
  updated_by uuid references people (id) on delete set null
);
