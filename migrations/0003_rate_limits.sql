-- Rate limits (sign-in attempts, applications to join): one counter per key and window,
-- incremented and checked in a single statement so concurrent requests can't slip past a
-- limit. Keys are SHA-256 hashes, so the table holds no email addresses or IP addresses.
create table rate_limit_counters (
  key                text primary key,
  window_seconds     integer not null check (window_seconds > 0),
  window_started_at  timestamptz not null default now(),
  hits               integer not null default 0
);
create index rate_limit_counters_window_idx on rate_limit_counters (window_started_at);

-- Replaced by the counters above (it counted failures after the fact, which could be raced).
drop table sign_in_attempts;
