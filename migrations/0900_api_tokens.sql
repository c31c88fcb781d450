-- Read-only API tokens for /api/v1 (src/modules/api, src/platform/auth/api-tokens.ts). Only a
-- token's SHA-256 is kept, so a copy of the database opens nothing. A token is looked up by that
-- hash before anyone knows its organisation, so this is a platform table (like sessions), not one
-- distributed by org_id: org_id is the organisation whose workspace made it (null for the
-- network's), and the organisation an `org` token reads.
create table api_tokens (
  id            uuid primary key default gen_random_uuid(),
  token_hash    text not null unique,
  name          text not null check (length(name) between 1 and 80),
  scope         text not null check (scope in ('public', 'org', 'network')),
  org_id        uuid references organisations (id) on delete cascade,
  created_by    uuid references people (id) on delete set null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  revoked_by    uuid references people (id) on delete set null,
  last_used_at  timestamptz,
  -- An org token belongs to its organisation; a network token to the network, never to one.
  check (scope <> 'org' or org_id is not null),
  check (scope <> 'network' or org_id is null),
  check (expires_at > created_at)
);
create index api_tokens_org_idx on api_tokens (org_id, created_at desc);
