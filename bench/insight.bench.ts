// Insight at national scale: 500 organisations and 1,000,000 assessments (ONS4 and BARC-10), on
// the embedded engine or on PostgreSQL (DATABASE_URL; a fresh database, dropped afterwards).
// Measured in the same run, each against the plain SQL first-and-latest aggregate that underlies
// the figures (the baseline):
//   - the network dashboard's pooled figures, served from the maintained summaries (aim ≤ 1/10
//     of the baseline and under 200 ms);
//   - a full rebuildSummaries() (aim ≤ 1.2 × the baseline);
//   - an organisation's evidence pack as a PDF (aim under 3 s), and the network's.
// Scale with INSIGHT_BENCH_ORGS and INSIGHT_BENCH_ASSESSMENTS.
import { createFreshDatabase } from './fresh-database.ts';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { syncShippedInstruments } from '../src/modules/evidence/index.ts';
import { publishRelease, rebuildSummaries } from '../src/modules/insight/index.ts';
import { buildOrgDashboard, buildOutsideView } from '../src/modules/insight/insight.service.ts';
import { organisationPack, outsidePack } from '../src/modules/insight/pack.document.ts';
import { renderPackPdf } from '../src/modules/insight/pack.pdf.ts';
import { DEFAULT_ASSUMPTIONS } from '../src/modules/insight/domain/social-value.ts';
import { engineLabel, saveResult } from './harness.ts';

const ORGS = Number(process.env.INSIGHT_BENCH_ORGS ?? 500);
const ASSESSMENTS = Number(process.env.INSIGHT_BENCH_ASSESSMENTS ?? 1_000_000);

/** The plain aggregate: each consenting person's first and latest score per measure, then n, mean and SD of change per organisation and measure. */
export const PLAIN_FIRST_AND_LATEST = sql`
  select org_id, instrument_key, measure_key, count(*) filter (where n >= 2) as paired,
         avg(latest - first) filter (where n >= 2) as mean_change, stddev_samp(latest - first) filter (where n >= 2) as sd_change
  from (
    select a.org_id, a.participant_id, a.instrument_key, m.key as measure_key, count(*) as n,
           (array_agg(m.value::numeric order by a.assessed_on, a.created_at, a.id))[1] as first,
           (array_agg(m.value::numeric order by a.assessed_on desc, a.created_at desc, a.id desc))[1] as latest
    from evidence_assessments a
    join evidence_participants p on p.id = a.participant_id and p.consent_network
    cross join lateral jsonb_each(a.scores) m
    where jsonb_typeof(m.value) = 'number'
    group by a.org_id, a.participant_id, a.instrument_key, m.key
  ) x
  group by org_id, instrument_key, measure_key`;

/**
 * Fast synthetic data straight into the evidence tables with set-based SQL (a statement per 50
 * organisations, so the summary triggers run once per statement). Scores drift upwards over time.
 */
export async function seedInsightBench(db: Kysely<DB>, orgs: number, assessments: number): Promise<void> {
  await syncShippedInstruments(db);
  const tag = randomBytes(3).toString('hex');
  const regions = [
    'North East',
    'North West',
    'Yorkshire and The Humber',
    'East Midlands',
    'West Midlands',
    'East of England',
    'London',
    'South East',
    'South West',
  ];
  await sql`insert into organisations (name, slug, status, region)
    select 'Bench LERO ' || g, ${`bench-${tag}-`} || g, 'member', (${regions}::text[])[1 + g % 9] from generate_series(1, ${orgs}) g`.execute(
    db,
  );
  const peoplePerOrg = Math.ceil(assessments / 2.5 / orgs);
  const ids = (
    await sql<{ id: string }>`select id from organisations where slug like ${`bench-${tag}-%`} order by slug`.execute(
      db,
    )
  ).rows.map((r) => r.id);
  for (let start = 0; start < ids.length; start += 50) {
    const chunk = ids.slice(start, start + 50);
    await db.transaction().execute(async (tx) => {
      await sql`insert into evidence_participants (org_id, code, consent_record, consent_network)
        select o, 'B' || g, true, g % 10 <> 0 from unnest(${chunk}::uuid[]) o, generate_series(1, ${peoplePerOrg}) g`.execute(
        tx,
      );
      await sql`insert into evidence_assessments (org_id, participant_id, instrument_key, instrument_version, assessed_on, responses, scores, source, natural_key)
        select p.org_id, p.id, case when p.k % 2 = 0 then 'ons4' else 'barc10' end, '1.0.0',
               date '2024-01-01' + (j * 91 + (p.k % 60))::integer, '{}'::jsonb,
               case when p.k % 2 = 0 then jsonb_build_object(
                      'life_satisfaction', least(10, greatest(0, 4 + j + floor(random() * 4 - 1)::int)),
                      'worthwhile', least(10, greatest(0, 5 + j + floor(random() * 4 - 2)::int)),
                      'happiness', least(10, greatest(0, 5 + floor(random() * 5 - 1)::int)),
                      'anxiety', least(10, greatest(0, 6 - j + floor(random() * 4 - 1)::int)))
                    else jsonb_build_object('recovery_capital', least(60, greatest(10, 32 + 4 * j + floor(random() * 12 - 5)::int))) end,
               'demo', p.code || '-' || j
        from (select id, org_id, code, row_number() over (order by id) as k from evidence_participants where org_id = any(${chunk}::uuid[])) p
        cross join lateral generate_series(0, 1 + ((p.k / 2) % 2)::int) j`.execute(tx);
      await sql`insert into evidence_activity_types (org_id, name) select o, 'Peer group' from unnest(${chunk}::uuid[]) o`.execute(
        tx,
      );
      await sql`insert into evidence_activities (org_id, activity_type_id, held_on, attendance, volunteer_hours, natural_key)
        select t.org_id, t.id, date '2024-01-01' + g * 7, 5 + g % 15, 3, 'b-' || g from evidence_activity_types t, generate_series(1, 40) g
        where t.org_id = any(${chunk}::uuid[])`.execute(tx);
    });
  }
  await sql`analyze`.execute(db);
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(run)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function openBenchDatabase(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const fresh = await createFreshDatabase(url, 'insight');
    const database = await openDatabase({ kind: 'postgres', url: fresh.url, maxConnections: 4 });
    return {
      database,
      cleanup: async () => {
        await database.close();
        await fresh.drop();
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'rc-insight-bench-'));
  const database = await openDatabase({ kind: 'embedded', dataDir: dir });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function runInsightBench(): Promise<string> {
  const engine = engineLabel();
  const { database, cleanup } = await openBenchDatabase();
  try {
    const db = database.db;
    await migrate(database.pool);
    const seeded = await time(() => seedInsightBench(db, ORGS, ASSESSMENTS));
    const count = (await sql<{ n: number }>`select count(*)::bigint as n from evidence_assessments`.execute(db))
      .rows[0]!.n;
    // Warm caches once, then take medians.
    await sql`${PLAIN_FIRST_AND_LATEST}`.execute(db);
    const baseline = await median(3, () => sql`${PLAIN_FIRST_AND_LATEST}`.execute(db));
    // Outside figures read the latest monthly release: publish one, as the job does on the 1st.
    const published = await time(() => publishRelease(db, new Date().toISOString().slice(0, 10)));
    const network = await buildOutsideView(db);
    if (network.measures.length === 0)
      throw new Error('the release holds no pooled measure: the bench would time nothing');
    const pooled = await median(7, () => buildOutsideView(db));
    const rebuild = await median(3, () => db.transaction().execute((tx) => rebuildSummaries(tx)));
    const org = (
      await sql<{
        id: string;
        name: string;
      }>`select id, name from organisations where status = 'member' order by slug limit 1`.execute(db)
    ).rows[0]!;
    const orgPdf = await median(3, async () => {
      const [dashboard, network] = await Promise.all([buildOrgDashboard(db, org.id), buildOutsideView(db)]);
      return renderPackPdf(organisationPack(org.name, dashboard, network, 50_000, DEFAULT_ASSUMPTIONS, '2026-01-01'));
    });
    const pdf = await renderPackPdf(
      organisationPack(
        org.name,
        await buildOrgDashboard(db, org.id),
        await buildOutsideView(db),
        50_000,
        DEFAULT_ASSUMPTIONS,
        '2026-01-01',
      ),
    );
    const pdfBytes = pdf.length;
    // to look at it: BENCH_PDF_OUT=/tmp/pack.pdf npm run bench -- insight
    if (process.env.BENCH_PDF_OUT) await writeFile(process.env.BENCH_PDF_OUT, pdf);
    const networkPdf = await median(3, async () =>
      renderPackPdf(
        outsidePack(
          'Network evidence pack',
          'the network',
          await buildOutsideView(db),
          0,
          DEFAULT_ASSUMPTIONS,
          '2026-01-01',
        ),
      ),
    );
    // One more import of 10,000 assessments into an existing organisation, with the triggers doing their work.
    const importTime = await time(() =>
      db.transaction().execute((tx) =>
        sql`insert into evidence_assessments (org_id, participant_id, instrument_key, instrument_version, assessed_on, responses, scores, source, natural_key)
      select p.org_id, p.id, 'barc10', '1.0.0', date '2025-12-01', '{}', jsonb_build_object('recovery_capital', 40 + (random() * 10)::int), 'import', 'extra-' || p.id
      from (select id, org_id from evidence_participants order by id limit 10000) p`.execute(tx),
      ),
    );
    const r = (x: number) => Math.round(x);
    const results = {
      engine,
      orgs: ORGS,
      assessments: count,
      seed_ms: r(seeded.ms),
      baseline_ms: r(baseline),
      publish_ms: r(published.ms),
      pooled_measures: network.measures.length,
      pooled_ms: Math.round(pooled * 10) / 10,
      pooled_ratio: pooled / baseline,
      rebuild_ms: r(rebuild),
      rebuild_ratio: rebuild / baseline,
      org_pdf_ms: r(orgPdf),
      org_pdf_bytes: pdfBytes,
      network_pdf_ms: r(networkPdf),
      import_10k_ms: r(importTime.ms),
    };
    await saveResult(`insight-${engine}`, results);
    return [
      `### Insight (${engine}, ${ORGS} organisations, ${count.toLocaleString('en-GB')} assessments; seeded in ${(seeded.ms / 1000).toFixed(1)} s)`,
      '',
      '| what | ms (median) | ratio to baseline | aim |',
      '| --- | ---: | ---: | --- |',
      `| baseline: plain SQL first-and-latest aggregate | ${r(baseline)} | 1.00 | |`,
      `| publish a monthly release (every organisation's figures, once a month) | ${r(published.ms)} | ${(published.ms / baseline).toFixed(3)} | |`,
      `| network dashboard's pooled figures (${network.measures.length} measures) from the release | ${results.pooled_ms} | ${results.pooled_ratio.toFixed(4)} | ≤ 0.1 and < 200 ms |`,
      `| full rebuildSummaries() | ${r(rebuild)} | ${results.rebuild_ratio.toFixed(2)} | ≤ 1.2 |`,
      `| organisation evidence pack PDF (${Math.round(pdfBytes / 1024)} KB) | ${r(orgPdf)} | ${(orgPdf / baseline).toFixed(3)} | < 3000 ms |`,
      `| network evidence pack PDF | ${r(networkPdf)} | ${(networkPdf / baseline).toFixed(3)} | |`,
      `| import 10,000 more assessments (one statement, triggers on) | ${r(importTime.ms)} | ${(importTime.ms / baseline).toFixed(3)} | |`,
      '',
    ].join('\n');
  } finally {
    await cleanup();
  }
}
