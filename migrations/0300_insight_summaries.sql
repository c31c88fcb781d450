-- Insight: summaries of outcomes kept up to date by the database itself, in the same
-- transaction as the evidence rows they summarise (docs/METHODS.md §8 "Maintained summaries").
--
--   insight_measure_rules          per instrument measure: direction, S_diff for reliable change,
--                                  the threshold to cross; copied from the newest definition.
--   insight_participant_measures   per participant and measure: first and latest score, how many
--                                  scores, network consent, reliable change and threshold flags.
--   insight_measure_summaries      per organisation, instrument, measure and network flag: sums
--                                  from which n, mean, SD, CI, d_z, reliable change, threshold
--                                  crossing and attrition follow exactly. The organisation's own
--                                  view adds both rows; network figures read network = true only.
--
-- Statement-level triggers with transition tables keep them current: an import of 100,000 rows
-- is one trigger call. Every change is "recompute the touched participants": subtract what their
-- state rows contributed, recompute the state rows from evidence_assessments, add them back.
-- Plain plpgsql that runs on PostgreSQL 15 and on the embedded engine.

create table insight_measure_rules (
  org_id          uuid,                 -- null: a network instrument
  instrument_key  text not null,
  measure_key     text not null,
  direction       smallint not null check (direction in (1, -1)),
  s_diff          double precision,     -- S_diff = s1 * sqrt(2 (1 - r)); null when not known
  crossing        double precision      -- leaving the worst published band; null when no bands
);
create index insight_measure_rules_key on insight_measure_rules (instrument_key, measure_key);

create table insight_participant_measures (
  participant_id     uuid not null,
  instrument_key     text not null,
  measure_key        text not null,
  -- No foreign keys here: a per-row check would cost more than the rest of a rebuild, and
  -- rows leave with their assessments (deleting an organisation cascades to those).
  org_id             uuid not null,
  network            boolean not null,
  assessments        integer not null,
  first_on           date not null,
  first_score        numeric not null,
  latest_on          date not null,
  latest_score       numeric not null,
  improved           boolean,            -- null when unpaired or the measure has no S_diff
  deteriorated       boolean,
  crossing_eligible  boolean,            -- null when unpaired or the measure has no threshold
  crossed            boolean,
  primary key (participant_id, instrument_key, measure_key)
);
create index insight_participant_measures_org on insight_participant_measures (org_id, instrument_key, measure_key);

create table insight_measure_summaries (
  org_id            uuid not null references organisations (id) on delete cascade,
  instrument_key    text not null,
  measure_key       text not null,
  network           boolean not null,
  people            integer not null default 0,  -- with at least one score
  paired            integer not null default 0,  -- with a first and a later score
  baseline_only     integer not null default 0,  -- attrition: one score only
  sum_change        numeric not null default 0,  -- over paired people: latest - first
  sum_change_sq     numeric not null default 0,
  sum_first         numeric not null default 0,
  sum_first_sq      numeric not null default 0,
  sum_latest        numeric not null default 0,
  sum_latest_sq     numeric not null default 0,
  rc_people         integer not null default 0,  -- paired, with a reliable-change rule
  improved          integer not null default 0,
  deteriorated      integer not null default 0,
  crossing_people   integer not null default 0,  -- paired, with a threshold
  crossing_eligible integer not null default 0,
  crossed           integer not null default 0,
  primary key (org_id, instrument_key, measure_key, network)
);

-- When assessments were last added, per organisation: a log of submissions for "who has not
-- sent data lately", not a summary (deleting an assessment does not un-submit it).
create table insight_org_submissions (
  org_id             uuid primary key references organisations (id) on delete cascade,
  last_assessment_at timestamptz not null,
  assessments_added  bigint not null default 0
);

-- The rules each measure is judged by, from the newest version of each definition.
create view insight_measure_rules_source as
select org_id, instrument_key, measure_key,
       case when m ->> 'direction' = 'lower_is_better' then -1 else 1 end::smallint as direction,
       case when jsonb_typeof(m -> 'reference_sd') = 'object' and jsonb_typeof(m -> 'reliability') = 'object'
                 and (m -> 'reliability' ->> 'value')::float8 < 1
            then (m -> 'reference_sd' ->> 'value')::float8 * sqrt(2 * (1 - (m -> 'reliability' ->> 'value')::float8)) end as s_diff,
       case when jsonb_typeof(m -> 'bands') <> 'object' then null
            when m ->> 'direction' = 'lower_is_better'
            then (select (b ->> 'max')::float8 from jsonb_array_elements(m -> 'bands' -> 'bands') b order by (b ->> 'max')::float8 desc offset 1 limit 1)
            else (select (b ->> 'min')::float8 from jsonb_array_elements(m -> 'bands' -> 'bands') b order by (b ->> 'min')::float8 offset 1 limit 1) end as crossing
from (
  select distinct on (i.org_id, i.key, m ->> 'key') i.org_id, i.key as instrument_key, m ->> 'key' as measure_key, m
  from evidence_instruments i cross join lateral jsonb_array_elements(i.definition -> 'measures') m
  order by i.org_id, i.key, m ->> 'key', i.created_at desc, i.id
) newest;

-- Each participant's first and latest score on each measure, straight from the assessments
-- (ties on a date broken by when they were recorded, then id), judged by the measure's rules:
-- the organisation's own definition when it has one, otherwise the network's.
create view insight_participant_measures_source as
select x.participant_id, x.instrument_key, x.measure_key, x.org_id, p.consent_network as network,
       x.assessments, x.first_on, x.first_score, x.latest_on, x.latest_score,
       case when x.assessments >= 2 and r.s_diff > 0
            then r.direction * ((x.latest_score::float8 - x.first_score::float8) / r.s_diff) > 1.96 end as improved,
       case when x.assessments >= 2 and r.s_diff > 0
            then r.direction * ((x.latest_score::float8 - x.first_score::float8) / r.s_diff) < -1.96 end as deteriorated,
       case when x.assessments >= 2 and r.crossing is not null
            then not (case when r.direction = 1 then x.first_score::float8 >= r.crossing else x.first_score::float8 <= r.crossing end) end as crossing_eligible,
       case when x.assessments >= 2 and r.crossing is not null
            then not (case when r.direction = 1 then x.first_score::float8 >= r.crossing else x.first_score::float8 <= r.crossing end)
                 and (case when r.direction = 1 then x.latest_score::float8 >= r.crossing else x.latest_score::float8 <= r.crossing end) end as crossed
from (
  select a.participant_id, a.instrument_key, m.key as measure_key, a.org_id,
         count(*)::integer as assessments,
         min(a.assessed_on) as first_on,
         (array_agg(m.value::numeric order by a.assessed_on, a.created_at, a.id))[1] as first_score,
         max(a.assessed_on) as latest_on,
         (array_agg(m.value::numeric order by a.assessed_on desc, a.created_at desc, a.id desc))[1] as latest_score
  from evidence_assessments a cross join lateral jsonb_each(a.scores) m
  where jsonb_typeof(m.value) = 'number'
  group by a.participant_id, a.instrument_key, m.key, a.org_id
) x
join evidence_participants p on p.id = x.participant_id
left join insight_measure_rules ro on ro.org_id = x.org_id and ro.instrument_key = x.instrument_key and ro.measure_key = x.measure_key
left join insight_measure_rules rn on rn.org_id is null and rn.instrument_key = x.instrument_key and rn.measure_key = x.measure_key
cross join lateral (
  select case when ro.instrument_key is not null then ro.direction else rn.direction end as direction,
         case when ro.instrument_key is not null then ro.s_diff else rn.s_diff end as s_diff,
         case when ro.instrument_key is not null then ro.crossing else rn.crossing end as crossing
) r;

-- Adds (sign 1) or subtracts (sign -1) what the state rows of some participants (all when ids is
-- null) contribute to the summaries. Rows of organisations being deleted are skipped.
create function insight_apply_contributions(ids uuid[], sign integer) returns void
language plpgsql as $$
begin
  execute format($q$
    insert into insight_measure_summaries as t (org_id, instrument_key, measure_key, network, people, paired, baseline_only,
      sum_change, sum_change_sq, sum_first, sum_first_sq, sum_latest, sum_latest_sq,
      rc_people, improved, deteriorated, crossing_people, crossing_eligible, crossed)
    select s.org_id, s.instrument_key, s.measure_key, s.network,
      $2 * count(*), $2 * count(*) filter (where s.assessments >= 2), $2 * count(*) filter (where s.assessments = 1),
      $2 * coalesce(sum(s.latest_score - s.first_score) filter (where s.assessments >= 2), 0),
      $2 * coalesce(sum((s.latest_score - s.first_score) * (s.latest_score - s.first_score)) filter (where s.assessments >= 2), 0),
      $2 * coalesce(sum(s.first_score) filter (where s.assessments >= 2), 0),
      $2 * coalesce(sum(s.first_score * s.first_score) filter (where s.assessments >= 2), 0),
      $2 * coalesce(sum(s.latest_score) filter (where s.assessments >= 2), 0),
      $2 * coalesce(sum(s.latest_score * s.latest_score) filter (where s.assessments >= 2), 0),
      $2 * count(s.improved), $2 * count(*) filter (where s.improved), $2 * count(*) filter (where s.deteriorated),
      $2 * count(s.crossing_eligible), $2 * count(*) filter (where s.crossing_eligible), $2 * count(*) filter (where s.crossed)
    from insight_participant_measures s
    join organisations o on o.id = s.org_id
    %s
    group by s.org_id, s.instrument_key, s.measure_key, s.network
    on conflict (org_id, instrument_key, measure_key, network) do update set
      people = t.people + excluded.people, paired = t.paired + excluded.paired, baseline_only = t.baseline_only + excluded.baseline_only,
      sum_change = t.sum_change + excluded.sum_change, sum_change_sq = t.sum_change_sq + excluded.sum_change_sq,
      sum_first = t.sum_first + excluded.sum_first, sum_first_sq = t.sum_first_sq + excluded.sum_first_sq,
      sum_latest = t.sum_latest + excluded.sum_latest, sum_latest_sq = t.sum_latest_sq + excluded.sum_latest_sq,
      rc_people = t.rc_people + excluded.rc_people, improved = t.improved + excluded.improved, deteriorated = t.deteriorated + excluded.deteriorated,
      crossing_people = t.crossing_people + excluded.crossing_people, crossing_eligible = t.crossing_eligible + excluded.crossing_eligible,
      crossed = t.crossed + excluded.crossed
  $q$, case when ids is null then '' else 'where s.participant_id = any($1)' end) using ids, sign;
end $$;

-- Recomputes the state rows of these participants and moves the summaries with them.
create function insight_refresh_participants(ids uuid[]) returns void
language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  perform insight_apply_contributions(ids, -1);
  delete from insight_participant_measures where participant_id = any(ids);
  insert into insight_participant_measures select * from insight_participant_measures_source where participant_id = any(ids);
  perform insight_apply_contributions(ids, 1);
  delete from insight_measure_summaries where people = 0;
end $$;

-- Recomputes everything from the assessments: what rebuildSummaries() runs.
create function insight_rebuild_summaries() returns void
language plpgsql as $$
begin
  delete from insight_measure_rules;
  insert into insight_measure_rules select * from insight_measure_rules_source;
  truncate insight_participant_measures, insight_measure_summaries;
  -- Building the indexes once on the full table is cheaper than keeping them row by row.
  alter table insight_participant_measures drop constraint insight_participant_measures_pkey;
  drop index insight_participant_measures_org;
  insert into insight_participant_measures select * from insight_participant_measures_source;
  alter table insight_participant_measures add constraint insight_participant_measures_pkey primary key (participant_id, instrument_key, measure_key);
  create index insight_participant_measures_org on insight_participant_measures (org_id, instrument_key, measure_key);
  perform insight_apply_contributions(null, 1);
end $$;

create function insight_assessments_changed() returns trigger
language plpgsql as $$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct participant_id) into ids from new_rows;
    insert into insight_org_submissions as t (org_id, last_assessment_at, assessments_added)
    select n.org_id, max(n.created_at), count(*) from new_rows n join organisations o on o.id = n.org_id group by n.org_id
    on conflict (org_id) do update set last_assessment_at = greatest(t.last_assessment_at, excluded.last_assessment_at),
      assessments_added = t.assessments_added + excluded.assessments_added;
  elsif tg_op = 'UPDATE' then
    select array_agg(distinct participant_id) into ids from (select participant_id from new_rows union select participant_id from old_rows) u;
  else
    select array_agg(distinct participant_id) into ids from old_rows;
  end if;
  perform insight_refresh_participants(ids);
  return null;
end $$;

create trigger insight_assessments_inserted after insert on evidence_assessments
  referencing new table as new_rows for each statement execute function insight_assessments_changed();
create trigger insight_assessments_updated after update on evidence_assessments
  referencing old table as old_rows new table as new_rows for each statement execute function insight_assessments_changed();
create trigger insight_assessments_deleted after delete on evidence_assessments
  referencing old table as old_rows for each statement execute function insight_assessments_changed();

create function insight_assessments_truncated() returns trigger
language plpgsql as $$
begin
  truncate insight_participant_measures, insight_measure_summaries;
  return null;
end $$;
create trigger insight_assessments_truncated after truncate on evidence_assessments
  for each statement execute function insight_assessments_truncated();

-- Network consent given or withdrawn (or a participant moved): their rows change flag.
create function insight_participants_changed() returns trigger
language plpgsql as $$
declare
  ids uuid[];
begin
  select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id
  where n.consent_network is distinct from o.consent_network or n.org_id is distinct from o.org_id;
  perform insight_refresh_participants(ids);
  return null;
end $$;
create trigger insight_participants_updated after update on evidence_participants
  referencing old table as old_rows new table as new_rows for each statement execute function insight_participants_changed();

-- A definition added, changed or removed: refresh the rules, then everyone judged by a rule
-- that changed.
create function insight_instruments_changed() returns trigger
language plpgsql as $$
declare
  changed text[];
  ids uuid[];
begin
  with fresh as (select * from insight_measure_rules_source),
  gone as (
    delete from insight_measure_rules r
    where not exists (select 1 from fresh f where f.org_id is not distinct from r.org_id and f.instrument_key = r.instrument_key
                      and f.measure_key = r.measure_key and f.direction = r.direction
                      and f.s_diff is not distinct from r.s_diff and f.crossing is not distinct from r.crossing)
    returning r.instrument_key),
  added as (
    insert into insight_measure_rules
    select * from fresh f
    where not exists (select 1 from insight_measure_rules r where f.org_id is not distinct from r.org_id and f.instrument_key = r.instrument_key
                      and f.measure_key = r.measure_key and f.direction = r.direction
                      and f.s_diff is not distinct from r.s_diff and f.crossing is not distinct from r.crossing)
    returning instrument_key)
  select array_agg(distinct k) into changed from (select instrument_key from gone union select instrument_key from added) c(k);
  if changed is null then return null; end if;
  select array_agg(distinct participant_id) into ids from evidence_assessments where instrument_key = any(changed);
  perform insight_refresh_participants(ids);
  return null;
end $$;
create trigger insight_instruments_inserted after insert on evidence_instruments
  for each statement execute function insight_instruments_changed();
create trigger insight_instruments_updated after update on evidence_instruments
  for each statement execute function insight_instruments_changed();
create trigger insight_instruments_deleted after delete on evidence_instruments
  for each statement execute function insight_instruments_changed();

-- Anything already recorded when this migration runs.
select insight_rebuild_summaries();
