-- Dated releases of the figures seen outside organisations (issue 10: releases on demand can be
-- differenced). A release freezes, per member organisation, the aggregates its outside figures
-- are computed from: network-consented sums per measure, its newest contributed summaries and
-- its reach. Every outside view reads the latest release, so between releases nothing outside
-- changes however the data do. Aggregates only: no participant's row is copied here.
create table insight_releases (
  id               uuid primary key default gen_random_uuid(),
  released_on      date not null unique,
  next_release_on  date not null check (next_release_on > released_on),
  created_at       timestamptz not null default now()
);

create table insight_release_orgs (
  release_id  uuid not null references insight_releases (id) on delete cascade,
  org_id      uuid not null references organisations (id) on delete cascade,
  name        text not null,
  slug        text not null,
  -- { "sums": [...], "contributed": [...], "reach": {...} } as read at the release
  figures     jsonb not null,
  primary key (release_id, org_id)
);
create index insight_release_orgs_org on insight_release_orgs (org_id);
