-- Events: a move to a new date remembers where it was (so pages can say "moved from"), and a
-- gallery of sketch notes and photos from the day.

alter table events
  add column moved_from    timestamptz,
  add column move_message  text not null default '' check (length(move_message) <= 1000);

-- Pictures the organiser uploads after the event. Each has alt text, and the organiser confirms
-- that everyone who can be recognised in it agreed to it being shared; without that it is not
-- stored at all. The bytes live in the row (at most 5 MB), so backups and Citus keep them with
-- their event.
create table event_gallery_images (
  id               uuid primary key default gen_random_uuid(),
  event_id         uuid not null references events (id) on delete cascade,
  org_id           uuid references organisations (id) on delete cascade,
  kind             text not null check (kind in ('photo', 'sketch_notes')),
  alt_text         text not null check (length(alt_text) between 1 and 300),
  caption          text not null default '' check (length(caption) <= 300),
  consent_confirmed boolean not null check (consent_confirmed),
  content_type     text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  data             bytea not null check (octet_length(data) between 1 and 5242880),
  uploaded_by      uuid references people (id) on delete set null,
  created_at       timestamptz not null default now()
);
create index event_gallery_images_event_idx on event_gallery_images (event_id, created_at);

-- "Is this email already booked for this event?" on every booking, without reading them all.
create index event_registrations_email_idx on event_registrations (event_id, email);
