// Builds what the insight pages show. An organisation sees its own exact figures; everything
// else (network, consortium, public, open data) passes domain/disclosure.ts and counts only
// network-consented participants (the summaries' network rows).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { SHIPPED_INSTRUMENTS, listInstrumentsForOrg, type InstrumentDefinition } from '../evidence/index.ts';
import {
  addSums,
  changeFromSums,
  statisticsFromSums,
  ZERO_SUMS,
  type ChangeSums,
  type MeasureStatistics,
} from './domain/measure-summary.ts';
import {
  discloseCount,
  discloseProportion,
  discloseStatistic,
  selectForNetworkPooling,
  type Disclosed,
} from './domain/disclosure.ts';
import { poolRandomEffects, type PoolingResult } from './domain/random-effects.ts';
import { tCritical } from './domain/t-distribution.ts';
import { readOrgSums, readOrgStates } from './summaries.repository.ts';
import { readOrgQuarters, readOrgReach, readOrgScoreTrends, type QuarterRow, type Reach } from './reach.repository.ts';
import { MINIMUM_GROUP_SIZE } from './domain/disclosure.ts';
import { changeInWords } from './domain/change-in-words.ts';
import { fillQuarterGaps } from './domain/quarter-gaps.ts';
import { POOLED_STEP, roundToStep, statisticStep } from './domain/outside-precision.ts';
import { groupSize, readLatestReleaseOrgs, type Release, type ReleaseOrg } from './release.service.ts';

export interface MeasureLabel {
  instrumentKey: string;
  instrumentName: string;
  shortName: string;
  measureKey: string;
  measureName: string;
  direction: 'higher_is_better' | 'lower_is_better';
  range: { min: number; max: number };
  citation: string;
}

function labelsOf(definitions: readonly InstrumentDefinition[]): Map<string, MeasureLabel> {
  const out = new Map<string, MeasureLabel>();
  for (const d of definitions) {
    for (const m of d.measures) {
      out.set(`${d.key}|${m.key}`, {
        instrumentKey: d.key,
        instrumentName: d.name,
        shortName: d.short_name,
        measureKey: m.key,
        measureName: m.name,
        direction: m.direction,
        range: m.range,
        citation: d.citation,
      });
    }
  }
  return out;
}

function fallbackLabel(instrumentKey: string, measureKey: string): MeasureLabel {
  return {
    instrumentKey,
    instrumentName: instrumentKey,
    shortName: instrumentKey,
    measureKey,
    measureName: measureKey,
    direction: 'higher_is_better',
    range: { min: 0, max: 10 },
    citation: '',
  };
}

// ---------------------------------------------------------------------------------------------
// The organisation's own view
// ---------------------------------------------------------------------------------------------

export interface DistributionBin {
  label: string;
  before: number;
  after: number;
}

export interface OrgMeasureView {
  label: MeasureLabel;
  people: number;
  networkPaired: number;
  stats: MeasureStatistics | null;
  distribution: DistributionBin[];
  /** Every quarter from the first to the last; a quarter with none has n 0 and mean null. */
  trend: { quarter: string; n: number; mean: number | null }[];
}

export interface OrgDashboard {
  reach: Reach;
  quarters: QuarterRow[];
  measures: OrgMeasureView[];
}

/** Before (first) and after (latest) scores of paired people, in whole-point bins across the range. */
export function distributionOf(
  pairs: readonly { first: number; latest: number }[],
  range: { min: number; max: number },
): DistributionBin[] {
  const width = Math.max(1, Math.ceil((range.max - range.min + 1) / 12));
  const bins: DistributionBin[] = [];
  for (let low = range.min; low <= range.max; low += width) {
    const high = Math.min(range.max, low + width - 1);
    bins.push({ label: width === 1 ? String(low) : `${low}–${high}`, before: 0, after: 0 });
  }
  const binOf = (score: number) => Math.min(bins.length - 1, Math.max(0, Math.floor((score - range.min) / width)));
  for (const p of pairs) {
    bins[binOf(p.first)]!.before += 1;
    bins[binOf(p.latest)]!.after += 1;
  }
  return bins;
}

export async function buildOrgDashboard(db: Kysely<DB>, orgId: string): Promise<OrgDashboard> {
  const [reach, quarters, sums, states, trends, instruments] = await Promise.all([
    readOrgReach(db, orgId),
    readOrgQuarters(db, orgId),
    readOrgSums(db, orgId),
    readOrgStates(db, orgId),
    readOrgScoreTrends(db, orgId),
    listInstrumentsForOrg(db, orgId),
  ]);
  const labels = labelsOf([...SHIPPED_INSTRUMENTS, ...instruments.map((i) => i.definition)]);
  const byMeasure = new Map<string, { all: ChangeSums; network: ChangeSums }>();
  for (const row of sums) {
    const key = `${row.instrumentKey}|${row.measureKey}`;
    const entry = byMeasure.get(key) ?? { all: ZERO_SUMS, network: ZERO_SUMS };
    entry.all = addSums(entry.all, row);
    if (row.network) entry.network = addSums(entry.network, row);
    byMeasure.set(key, entry);
  }
  const measures: OrgMeasureView[] = [];
  for (const [key, entry] of byMeasure) {
    const [instrumentKey, measureKey] = key.split('|') as [string, string];
    const label = labels.get(key) ?? fallbackLabel(instrumentKey, measureKey);
    const pairs = states
      .filter((s) => s.instrumentKey === instrumentKey && s.measureKey === measureKey && s.assessments >= 2)
      .map((s) => ({ first: s.firstScore, latest: s.latestScore }));
    measures.push({
      label,
      people: entry.all.people,
      networkPaired: entry.network.paired,
      stats: statisticsFromSums(entry.all),
      distribution: distributionOf(pairs, label.range),
      trend: fillQuarterGaps(
        trends
          .filter((t) => t.instrumentKey === instrumentKey && t.measureKey === measureKey)
          .map(({ quarter, n, mean }): { quarter: string; n: number; mean: number | null } => ({ quarter, n, mean })),
        (quarter) => ({ quarter, n: 0, mean: null }),
      ),
    });
  }
  measures.sort(
    (a, b) =>
      a.label.shortName.localeCompare(b.label.shortName) || a.label.measureName.localeCompare(b.label.measureName),
  );
  const empty = (quarter: string): QuarterRow => ({
    quarter,
    sessions: 0,
    attendance: 0,
    volunteerHours: 0,
    assessments: 0,
    peopleAssessed: 0,
  });
  return { reach, quarters: fillQuarterGaps(quarters, empty), measures };
}

// ---------------------------------------------------------------------------------------------
// Outside views: network, consortium, public
// ---------------------------------------------------------------------------------------------

export interface ForestRow {
  label: string;
  kind: 'own records' | 'contributed summary';
  n: Disclosed<number>;
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** Random-effects weight in percent, when pooled (whole percent). */
  weight: number | null;
  /** The step the mean and interval ends are rounded to (outside-precision.ts). */
  roundedTo: number;
}

export interface PooledMeasureView {
  label: MeasureLabel;
  rows: ForestRow[];
  excludedOrganisations: Disclosed<number>;
  pooled: PoolingResult | null;
  people: Disclosed<number>;
  organisations: number;
  attrition: Disclosed<number>;
  sentence: string;
}

export interface OutsideTotals {
  organisations: number;
  /** Organisations left out of every figure: fewer than 8 people who agreed to network use. */
  excludedOrganisations: Disclosed<number>;
  participants: Disclosed<number>;
  sessions: Disclosed<number>;
  attendance: Disclosed<number>;
  volunteerHours: Disclosed<number>;
  volunteerHoursValue: number;
}

export interface OutsideView {
  /** The release the figures come from; null before the first one. */
  release: Pick<Release, 'releasedOn' | 'nextReleaseOn'> | null;
  totals: OutsideTotals;
  measures: PooledMeasureView[];
}

// The 97.5th t percentile by degrees of freedom, remembered: a network page needs one per
// forest row, and hundreds of organisations share a handful of sizes.
const criticalTs = new Map<number, number>();
function criticalT(df: number): number {
  let t = criticalTs.get(df);
  if (t === undefined) {
    t = tCritical(0.95, df);
    if (criticalTs.size < 10_000) criticalTs.set(df, t);
  }
  return t;
}

/** The sentence a journalist could quote, from disclosed figures only. */
export function quotableSentence(
  label: MeasureLabel,
  pooled: PoolingResult | null,
  people: Disclosed<number>,
  organisations: number,
): string {
  if (!pooled || !people.shown)
    return `Not enough people yet to publish a network figure for ${label.measureName} (${label.shortName}).`;
  return changeInWords({
    ...label,
    change: pooled.estimate,
    ciLow: pooled.ci_low,
    ciHigh: pooled.ci_high,
    people: `about ${people.display}`,
    among: `across ${organisations} member organisation${organisations === 1 ? '' : 's'}`,
  });
}

/**
 * Pooled figures per measure, for the whole network or a chosen group of organisations, from the
 * latest release (network-consented people only), own records and contributed summaries side by
 * side. Organisations under the threshold are left out of everything, totals included.
 */
export async function buildOutsideView(db: Kysely<DB>, orgIds?: readonly string[]): Promise<OutsideView> {
  const { release, orgs } = await readLatestReleaseOrgs(db, orgIds);
  return outsideViewOf(release, orgs);
}

/** The outside view of some organisations in a release (pure: the disclosure rules apply here). */
export function outsideViewOf(release: Release | null, orgs: readonly ReleaseOrg[]): OutsideView {
  const eligible = orgs.filter((o) => groupSize(o) >= MINIMUM_GROUP_SIZE);
  const sums = eligible.flatMap((o) => o.figures.sums.map((x) => ({ ...x, orgName: o.name })));
  const contributed = eligible.flatMap((o) => o.figures.contributed.map((c) => ({ ...c, orgName: o.name })));
  const reach = eligible.map((o) => o.figures.reach);
  // Small organisations still count in "organisations left out" of each measure they have data on.
  const leftOutSmall = new Map<string, number>();
  for (const o of orgs.filter((x) => !eligible.includes(x))) {
    const keys = new Set([
      ...o.figures.sums.filter((x) => x.paired >= 2).map((x) => `${x.instrumentKey}|${x.measureKey}`),
      ...o.figures.contributed.map((c) => `${c.instrumentKey}|${c.measureKey}`),
    ]);
    for (const key of keys) leftOutSmall.set(key, (leftOutSmall.get(key) ?? 0) + 1);
  }
  const labels = labelsOf(SHIPPED_INSTRUMENTS);
  type Candidate = {
    orgId: string;
    label: string;
    kind: ForestRow['kind'];
    n: number;
    mean: number;
    sd: number;
    baselineOnly: number;
  };
  const candidates = new Map<string, Candidate[]>();
  const add = (key: string, c: Candidate) => candidates.set(key, [...(candidates.get(key) ?? []), c]);
  for (const s of sums) {
    if (s.paired < 2) continue;
    const change = changeFromSums(s)!;
    add(`${s.instrumentKey}|${s.measureKey}`, {
      orgId: s.orgId,
      label: s.orgName,
      kind: 'own records',
      n: s.paired,
      mean: change.mean,
      sd: change.sd,
      baselineOnly: s.baselineOnly,
    });
  }
  for (const c of contributed) {
    const key = `${c.instrumentKey}|${c.measureKey}`;
    // An organisation with enough records of its own is pooled from them, not twice.
    if ((candidates.get(key) ?? []).some((o) => o.orgId === c.orgId && o.n >= 8)) continue;
    const own = candidates.get(key) ?? [];
    candidates.set(
      key,
      own.filter((o) => o.orgId !== c.orgId),
    );
    add(key, {
      orgId: c.orgId,
      label: `${c.orgName} (${c.periodStart} to ${c.periodEnd})`,
      kind: 'contributed summary',
      n: c.n,
      mean: c.meanChange,
      sd: c.sdChange,
      baselineOnly: 0,
    });
  }
  const measures: PooledMeasureView[] = [];
  for (const [key, list] of candidates) {
    const label = labels.get(key);
    if (!label) continue; // only network instruments are pooled
    // An organisation whose people all changed by exactly the same amount has no sampling
    // variance to weight by; it is left out like a small one (and counted with them).
    const selected = selectForNetworkPooling(list.filter((c) => c.sd > 0));
    const included = selected.included;
    const excluded = discloseCount(list.length - included.length + (leftOutSmall.get(key) ?? 0));
    let pooled: PoolingResult | null = null;
    let weights: number[] = [];
    if (included.length >= 2) {
      pooled = poolRandomEffects(
        { yi: included.map((c) => c.mean), vi: included.map((c) => (c.sd * c.sd) / c.n) },
        { method: 'REML', ci: 'hk' },
      );
      const w = included.map((c) => 1 / ((c.sd * c.sd) / c.n + pooled!.tau2));
      const total = w.reduce((a, b) => a + b, 0);
      weights = w.map((x) => Math.round((100 * x) / total));
      // Published at the precision that says nothing about the counts behind it.
      pooled = {
        ...pooled,
        estimate: roundToStep(pooled.estimate, POOLED_STEP),
        ci_low: roundToStep(pooled.ci_low, POOLED_STEP),
        ci_high: roundToStep(pooled.ci_high, POOLED_STEP),
        pi_low: pooled.pi_low === null ? null : roundToStep(pooled.pi_low, POOLED_STEP),
        pi_high: pooled.pi_high === null ? null : roundToStep(pooled.pi_high, POOLED_STEP),
        tau2: Math.round(pooled.tau2 * 100) / 100,
        i2: Math.round(pooled.i2),
        se: roundToStep(pooled.se, POOLED_STEP),
      };
    }
    const rows: ForestRow[] = included
      .map((c, i) => {
        const half = criticalT(c.n - 1) * (c.sd / Math.sqrt(c.n));
        const n = discloseCount(c.n);
        const step = statisticStep(n.shown ? n.value : 0);
        const mean = discloseStatistic(c.mean, c.n, (v) => v.toFixed(1));
        if (!mean.shown) throw new Error('a forest row below the minimum group size');
        return {
          label: c.label,
          kind: c.kind,
          n,
          mean: roundToStep(mean.value, step),
          ciLow: roundToStep(c.mean - half, step),
          ciHigh: roundToStep(c.mean + half, step),
          weight: pooled ? weights[i]! : null,
          roundedTo: step,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
    const paired = included.reduce((a, c) => a + c.n, 0);
    const baselineOnly = included.reduce((a, c) => a + c.baselineOnly, 0);
    const people = discloseCount(paired);
    measures.push({
      label,
      rows,
      excludedOrganisations: excluded,
      pooled,
      people,
      organisations: included.length,
      attrition: discloseProportion(baselineOnly, baselineOnly + paired),
      sentence: quotableSentence(label, pooled, people, included.length),
    });
  }
  measures.sort(
    (a, b) =>
      a.label.shortName.localeCompare(b.label.shortName) || a.label.measureName.localeCompare(b.label.measureName),
  );
  const total = (pick: (r: Reach) => number) => reach.reduce((a, r) => a + pick(r), 0);
  const hours = Math.round(total((r) => r.volunteerHours));
  return {
    release: release ? { releasedOn: release.releasedOn, nextReleaseOn: release.nextReleaseOn } : null,
    totals: {
      organisations: reach.filter((r) => r.participants > 0 || r.sessions > 0).length,
      excludedOrganisations: discloseCount(orgs.length - eligible.length),
      participants: discloseCount(total((r) => r.participants)),
      sessions: discloseCount(total((r) => r.sessions)),
      attendance: discloseCount(total((r) => r.attendance)),
      volunteerHours: discloseCount(hours),
      volunteerHoursValue: discloseCount(hours).shown ? (discloseCount(hours) as { value: number }).value : 0,
    },
    measures,
  };
}
