-- Insight: the network's own reference for reliable change, for network questionnaires whose
-- published sources give no baseline SD (BARC-10) or no reliability either. Worked out from
-- consented first scores across the network once at least 100 people have one (the
-- insight.estimate-references job); the measure rules then use it, and everyone judged by a
-- rule that changed is recomputed, as when a definition changes.
--
-- One row per network measure: what is used (reliability, baseline SD) and where it came from.
-- Not a tenant table: it holds one network-wide figure per measure and nothing about anyone.

create table insight_network_references (
  instrument_key    text not null,
  measure_key       text not null,
  baseline_sd       double precision not null check (baseline_sd > 0),
  baseline_n        integer not null check (baseline_n > 0),
  reliability       double precision not null check (reliability > 0 and reliability < 1),
  reliability_from  text not null check (reliability_from in ('published', 'network')),
  alpha_n           integer not null default 0,
  computed_at       timestamptz not null default now(),
  primary key (instrument_key, measure_key)
);

-- As before, plus: a network measure with no published SD is judged by the network's reference.
create or replace view insight_measure_rules_source as
select newest.org_id, newest.instrument_key, newest.measure_key,
       case when m ->> 'direction' = 'lower_is_better' then -1 else 1 end::smallint as direction,
       case when jsonb_typeof(m -> 'reference_sd') = 'object' and jsonb_typeof(m -> 'reliability') = 'object'
                 and (m -> 'reliability' ->> 'value')::float8 < 1
            then (m -> 'reference_sd' ->> 'value')::float8 * sqrt(2 * (1 - (m -> 'reliability' ->> 'value')::float8))
            when newest.org_id is null and nr.instrument_key is not null
            then nr.baseline_sd * sqrt(2 * (1 - nr.reliability)) end as s_diff,
       case when jsonb_typeof(m -> 'bands') <> 'object' then null
            when m ->> 'direction' = 'lower_is_better'
            then (select (b ->> 'max')::float8 from jsonb_array_elements(m -> 'bands' -> 'bands') b order by (b ->> 'max')::float8 desc offset 1 limit 1)
            else (select (b ->> 'min')::float8 from jsonb_array_elements(m -> 'bands' -> 'bands') b order by (b ->> 'min')::float8 offset 1 limit 1) end as crossing
from (
  select distinct on (i.org_id, i.key, m ->> 'key') i.org_id, i.key as instrument_key, m ->> 'key' as measure_key, m
  from evidence_instruments i cross join lateral jsonb_array_elements(i.definition -> 'measures') m
  order by i.org_id, i.key, m ->> 'key', i.created_at desc, i.id
) newest
left join insight_network_references nr on nr.instrument_key = newest.instrument_key and nr.measure_key = newest.measure_key;

-- The rules refresh, callable on its own: after the network references change as well as
-- after a definition does.
create function insight_refresh_rules() returns void
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
  if changed is null then return; end if;
  select array_agg(distinct participant_id) into ids from evidence_assessments where instrument_key = any(changed);
  perform insight_refresh_participants(ids);
end $$;

create or replace function insight_instruments_changed() returns trigger
language plpgsql as $$
begin
  perform insight_refresh_rules();
  return null;
end $$;
