-- Numbers for "If you need help now": network-wide data that coordinators keep up to date.
-- A number is shown to the public only once someone has checked it (last_checked_on set).
create table help_lines (
  id uuid primary key default gen_random_uuid(),
  position integer not null,
  name text not null,
  number text not null default '',
  -- what it is for, in a sentence people say
  purpose text not null,
  -- where in the UK it answers: 'uk', 'england', 'wales', 'scotland', 'england-wales'
  nations text not null default 'uk',
  last_checked_on date,
  checked_by uuid references people(id) on delete set null,
  updated_at timestamptz not null default now(),
  constraint help_lines_nations check (nations in ('uk', 'england', 'wales', 'scotland', 'england-wales')),
  constraint help_lines_number_if_checked check (last_checked_on is null or number <> '')
);

create unique index help_lines_position on help_lines (position);

-- The numbers as published by each service in December 2026. Scotland's drugs helpline is left
-- for a coordinator to enter and check, so it is not shown until then.
insert into help_lines (position, name, number, purpose, nations, last_checked_on) values
  (1, 'Emergency services', '999', 'If someone is in danger or has taken too much, call 999.', 'uk', date '2026-12-01'),
  (2, 'NHS 111', '111', 'Urgent medical help or advice when it is not an emergency.', 'england-wales', date '2026-12-01'),
  (3, 'NHS 24', '111', 'Urgent medical help or advice in Scotland when it is not an emergency.', 'scotland', date '2026-12-01'),
  (4, 'Samaritans', '116 123', 'Someone to talk to, day or night, free from any phone.', 'uk', date '2026-12-01'),
  (5, 'FRANK', '0300 123 6600', 'Honest information and advice about drugs, any time.', 'uk', date '2026-12-01'),
  (6, 'DAN 24/7', '0808 808 2234', 'The Wales drug and alcohol helpline, free, any time.', 'wales', date '2026-12-01'),
  (7, 'Know the Score', '', 'Scotland''s drugs helpline: free, confidential information and advice.', 'scotland', null);
