// An evidence pack as a plain document (sections of paragraphs, tables and charts), built once
// and rendered as HTML and as PDF, so both carry the same figures. Organisation packs carry the
// organisation's own exact figures (the same formatting as its dashboard); group and network
// packs carry only disclosed figures.
import type { VNode } from 'preact';
import { ForestPlot, BarChart } from './insight.charts.tsx';
import {
  calculateSocialValue,
  ADJUSTMENT_NOTES,
  durationFactor,
  type SocialValueAssumptions,
  type SocialValueResult,
} from './domain/social-value.ts';
import { MINIMUM_GROUP_SIZE } from './domain/disclosure.ts';
import { SOURCES, type Source } from './domain/sources.ts';
import type { OrgDashboard, OrgMeasureView, OutsideView, PooledMeasureView } from './insight.service.ts';
import type { MeasureStatistics } from './domain/measure-summary.ts';
import { releaseSentence } from './domain/release-calendar.ts';
import { changeInWords } from './domain/change-in-words.ts';
import { formatCalendarDate, formatCount } from '../../ui/format.ts';

export type Block =
  | { kind: 'p'; text: string; link?: { href: string; text: string } }
  | { kind: 'list'; items: string[] }
  /** Lines kept as written, in stanzas (a collection of phrases): never reflowed into prose. */
  | { kind: 'verse'; stanzas: string[][] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'chart'; svg: VNode }
  /** Behind a "how this was worked out" disclosure on a page; printed in full in a pack. */
  | { kind: 'details'; summary: string; blocks: Block[] };

const NUMBER_CELL = /^(?:[−+-]?[£]?[\d,]+(?:\.\d+)?%?|–|fewer than \d+|not available)$/;

/** Which columns hold numbers (every cell a number, a dash or "fewer than 8"), so they align right. */
export function numericColumns(block: Extract<Block, { kind: 'table' }>): boolean[] {
  if (block.numeric) return block.numeric;
  return block.head.map(
    (_, i) =>
      i > 0 &&
      block.rows.length > 0 &&
      block.rows.some((r) => /\d/.test(r[i] ?? '')) &&
      block.rows.every((r) => NUMBER_CELL.test((r[i] ?? '').trim())),
  );
}

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}
export interface PackDocument {
  title: string;
  subtitle: string;
  sections: Section[];
  /** What the cover calls the list of sections ("In this pack" unless a paper says otherwise). */
  contentsHeading?: string;
  /** 'title': a short piece (a collection of phrases) opens with its title on the first page, no cover or contents. */
  opening?: 'cover' | 'title';
  /** The organisation's logo for the cover: a PNG, with where the page can load it and its alt text. */
  logo?: { png: Uint8Array; src: string; alt: string; width: number; height: number };
}

// ---- formatting shared with the dashboards ---------------------------------------------------

export const f2 = (v: number) =>
  Object.is(Math.round(v * 100) / 100, -0) ? '0.00' : (Math.round(v * 100) / 100).toFixed(2);
/** "Life satisfaction (ONS4)"; a name that already says its questionnaire ("Recovery capital (BARC-10 total)") once. */
export function measureNamed(label: { measureName: string; shortName: string }): string {
  return label.measureName.toLowerCase().includes(label.shortName.toLowerCase())
    ? label.measureName
    : `${label.measureName} (${label.shortName})`;
}

export const signed = (v: number) => (v > 0 ? `+${f2(v)}` : f2(v));
/** Outside figures are rounded to 0.1 or 0.2 (outside-precision.ts); printed to one decimal. */
export const f1 = (v: number) =>
  Object.is(Math.round(v * 10) / 10, -0) ? '0.0' : (Math.round(v * 10) / 10).toFixed(1);
export const signed1 = (v: number) => (v > 0 ? `+${f1(v)}` : f1(v));
export const pct = (num: number, den: number) => (den === 0 ? '–' : `${Math.round((100 * num) / den)}%`);
export const pounds = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
export const whole = (v: number) => Math.round(v).toLocaleString('en-GB');

/** The row of figures for one measure in an organisation's own view (dashboard and pack alike). */
export function ownOutcomeCells(m: OrgMeasureView): string[] {
  const s = m.stats;
  const name = `${m.label.shortName}: ${m.label.measureName}`;
  if (!s) return [name, whole(m.people), '0', '–', '–', '–', '–', '–', '–'];
  return [
    name,
    whole(s.attrition.baselines),
    whole(s.n),
    `${f2(s.before.mean)} → ${f2(s.after.mean)}`,
    `${signed(s.meanChange)} (${f2(s.ciLow)} to ${f2(s.ciHigh)})`,
    s.effect ? `${f2(s.effect.dz)} (${f2(s.effect.ci_low)} to ${f2(s.effect.ci_high)})` : '–',
    s.reliableChange
      ? `${pct(s.reliableChange.improved, s.reliableChange.n)} / ${pct(s.reliableChange.deteriorated, s.reliableChange.n)}`
      : 'not available',
    s.threshold ? `${s.threshold.crossed} of ${s.threshold.eligible}` : 'no threshold',
    s.attrition.attrition_rate === null ? '–' : `${Math.round(100 * s.attrition.attrition_rate)}%`,
  ];
}

export const OWN_OUTCOME_HEAD = [
  'Measure',
  'People with a first score',
  'People with first and latest',
  'Mean before → after',
  'Mean change (95% CI)',
  'd_z (95% CI)',
  'Reliably improved / deteriorated',
  'Crossed the threshold',
  'Lost to follow-up',
];

export function pooledCells(m: PooledMeasureView): string[] {
  const p = m.pooled;
  return [
    `${m.label.shortName}: ${m.label.measureName}`,
    whole(m.organisations),
    m.people.display,
    p ? `${signed1(p.estimate)} (${f1(p.ci_low)} to ${f1(p.ci_high)})` : 'not enough organisations',
    p && p.pi_low !== null && p.pi_high !== null ? `${f1(p.pi_low)} to ${f1(p.pi_high)}` : '–',
    p ? `${f2(p.tau2)} / ${Math.round(p.i2)}%` : '–',
    m.excludedOrganisations.display,
    m.attrition.display,
  ];
}
export const POOLED_HEAD = [
  'Measure',
  'Organisations pooled',
  'People (rounded)',
  'Pooled mean change (95% CI, Hartung–Knapp)',
  '95% prediction interval',
  'τ² / I²',
  `Organisations left out (fewer than ${MINIMUM_GROUP_SIZE} people)`,
  'Lost to follow-up',
];

export function forestChart(m: PooledMeasureView, id: string): VNode {
  const p = m.pooled;
  return ForestPlot({
    id,
    title: `Forest plot: change in ${measureNamed(m.label)} by organisation`,
    description: `${m.rows.length} organisations with ${MINIMUM_GROUP_SIZE} or more people. ${p ? `Pooled mean change ${f1(p.estimate)}, 95% CI ${f1(p.ci_low)} to ${f1(p.ci_high)}.` : 'No pooled estimate (fewer than 2 organisations).'} The table below gives every value.`,
    rows: m.rows.map((r) => ({
      label: r.label,
      mean: r.mean,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      weight: r.weight,
      ...(r.kind === 'contributed summary' ? { note: 'contributed' } : {}),
    })),
    pooled: p ? { estimate: p.estimate, ciLow: p.ci_low, ciHigh: p.ci_high, piLow: p.pi_low, piHigh: p.pi_high } : null,
    unit: `Mean change in ${m.label.measureName} (latest − first); open squares are contributed summaries`,
  });
}

export function forestTable(m: PooledMeasureView): Block {
  return {
    kind: 'table',
    caption: `Organisations in the forest plot for ${measureNamed(m.label)}`,
    head: ['Organisation', 'Data', 'People (rounded)', 'Mean change (95% CI)', 'Weight'],
    rows: m.rows.map((r) => [
      r.label,
      r.kind,
      r.n.display,
      `${signed1(r.mean)} (${f1(r.ciLow)} to ${f1(r.ciHigh)})`,
      r.weight === null ? '–' : `${r.weight}%`,
    ]),
  };
}

export function distributionChart(m: OrgMeasureView, id: string): VNode {
  return BarChart({
    id,
    title: `${measureNamed(m.label)}: first and latest scores`,
    description: `How many of the ${m.stats?.n ?? 0} people with two or more scores had each score at first and at their latest questionnaire. The table below gives every value.`,
    categories: m.distribution.map((b) => b.label),
    series: [
      { name: 'First score', values: m.distribution.map((b) => b.before), outlined: true },
      { name: 'Latest score', values: m.distribution.map((b) => b.after) },
    ],
    yLabel: 'People',
  });
}

// ---- social value -----------------------------------------------------------------------------

function lifeSatisfactionOwn(d: OrgDashboard): { n: number; meanChange: number; ciLow: number; ciHigh: number } | null {
  const m = d.measures.find((x) => x.label.instrumentKey === 'ons4' && x.label.measureKey === 'life_satisfaction');
  return m?.stats
    ? { n: m.stats.n, meanChange: m.stats.meanChange, ciLow: m.stats.ciLow, ciHigh: m.stats.ciHigh }
    : null;
}

function lifeSatisfactionPooled(
  v: OutsideView,
): { n: number; meanChange: number; ciLow: number; ciHigh: number } | null {
  const m = v.measures.find((x) => x.label.instrumentKey === 'ons4' && x.label.measureKey === 'life_satisfaction');
  if (!m?.pooled || !m.people.shown) return null;
  return { n: m.people.value, meanChange: m.pooled.estimate, ciLow: m.pooled.ci_low, ciHigh: m.pooled.ci_high };
}

export function socialValueFor(
  source: { own: OrgDashboard } | { outside: OutsideView },
  costs: number,
  a: SocialValueAssumptions,
): SocialValueResult {
  if ('own' in source)
    return calculateSocialValue(
      { lifeSatisfaction: lifeSatisfactionOwn(source.own), volunteerHours: source.own.reach.volunteerHours, costs },
      a,
    );
  return calculateSocialValue(
    {
      lifeSatisfaction: lifeSatisfactionPooled(source.outside),
      volunteerHours: source.outside.totals.volunteerHoursValue,
      costs,
    },
    a,
  );
}

/** "£1.23" */
const perPound = (v: number) => `£${(Math.round(v * 100) / 100).toFixed(2)}`;

/**
 * The value-for-money sentence. Without real costs it gives the value created and says a ratio
 * needs the costs; with costs, the ratio and its interval, the lower end shown even when £0.
 */
export function socialValueHeadline(r: SocialValueResult, a: SocialValueAssumptions): string {
  const value = `${pounds(r.totalValue)} of social value (in ${a.deflator.priceYear} prices)`;
  if (r.valuePerPound === null) {
    return `${value}. A value for every £1 spent needs the running costs: enter them to see it.`;
  }
  const interval = r.valuePerPoundInterval
    ? ` (95% confidence interval ${perPound(r.valuePerPoundInterval.low)} to ${perPound(r.valuePerPoundInterval.high)})`
    : '';
  return `${value} from ${pounds(r.totalCosts)} of costs: ${perPound(r.valuePerPound)} for every £1 spent${interval}.`;
}

export function socialValueBlocks(r: SocialValueResult, a: SocialValueAssumptions, costs: number): Block[] {
  return [
    { kind: 'p', text: socialValueHeadline(r, a) },
    {
      kind: 'table',
      caption: 'How the social value is worked out',
      head: ['Item', 'Value', 'Workings'],
      rows: r.lines.map((l) => [l.label, pounds(l.value), l.workings]),
    },
    {
      kind: 'table',
      caption: 'Assumptions, with their sources and dates',
      head: ['Assumption', 'Value', 'Source and date'],
      rows: [
        [
          'WELLBY value',
          `${pounds(a.wellbyValue2019.value)} (2019 prices)`,
          `${a.wellbyValue2019.source}; ${a.wellbyValue2019.date}`,
        ],
        [
          'Uprating to report prices',
          `× ${a.deflator.value.toFixed(4)} to ${a.deflator.priceYear} prices`,
          `${a.deflator.source}; ${a.deflator.date}`,
        ],
        ['Volunteer hourly pay', `£${a.hourlyPay.value.toFixed(2)}`, `${a.hourlyPay.source}; ${a.hourlyPay.date}`],
        ['Costs entered', pounds(costs), 'Entered by the organisation for this report'],
        ['Deadweight', `${Math.round(a.deadweight * 100)}%`, ADJUSTMENT_NOTES.deadweight],
        ['Displacement', `${Math.round(a.displacement * 100)}%`, ADJUSTMENT_NOTES.displacement],
        ['Attribution', `${Math.round(a.attribution * 100)}%`, ADJUSTMENT_NOTES.attribution],
        ['Drop-off', `${Math.round(a.dropOff * 100)}% a year`, ADJUSTMENT_NOTES.dropOff],
        [
          'Duration',
          `${a.durationYears} year(s) (factor ${durationFactor(a).toFixed(3)})`,
          ADJUSTMENT_NOTES.durationYears,
        ],
        [
          'Discount rate',
          `${(a.discountRate.value * 100).toFixed(1)}%`,
          `${a.discountRate.source}; ${a.discountRate.date}`,
        ],
        ['Volunteer time', a.volunteerTime, ADJUSTMENT_NOTES.volunteerTime],
        [
          'Low / high WELLBY values',
          `${pounds(a.wellbyLow2019.value)} / ${pounds(a.wellbyHigh2019.value)}`,
          `${a.wellbyLow2019.source}; ${a.wellbyLow2019.date}`,
        ],
      ],
    },
    {
      kind: 'table',
      caption: 'Sensitivity: the social value under other assumptions',
      head: ['If…', 'Social value', 'Per £1 of costs'],
      rows: r.sensitivity.map((s) => [
        s.label,
        pounds(s.totalValue),
        s.valuePerPound === null ? '–' : `£${s.valuePerPound.toFixed(2)}`,
      ]),
    },
    {
      kind: 'p',
      text: 'How this is worked out, with its sources:',
      link: { href: '/methods#social-value', text: 'how the figures are worked out' },
    },
    {
      kind: 'p',
      text: 'No licensed value bank is used: HACT Social Value Bank values may not be included in tools (HACT licensing conditions). Wellbeing is not added to any other valuation of the same outcome, to avoid double counting.',
    },
  ];
}

// ---- methods ----------------------------------------------------------------------------------

export function methodsBlocks(citations: string[], outside: boolean): Block[] {
  return [
    { kind: 'p', text: 'Instruments and citations:' },
    { kind: 'list', items: citations.length > 0 ? citations : ['No questionnaires recorded yet.'] },
    {
      kind: 'list',
      items: [
        'Change: for each person, latest score minus first score (first and latest by date of the questionnaire). Mean change with a 95% confidence interval from the t distribution (df = n − 1); SD of change with the n − 1 denominator.',
        'Effect size: within-person d_z = mean change ÷ SD of change, with an exact 95% interval from the noncentral t distribution (Lakens 2013; Cumming & Finch 2001).',
        'Reliable change: Jacobson & Truax (1991) with the √2 of Christensen & Mendoza (1986), |RCI| > 1.96, using the published reliability and baseline SD where both exist; otherwise the spread of the network’s own consented first scores (at least 100 people) with the published reliability or Cronbach’s alpha from the same answers, as the Methods page says for each questionnaire; not calculated for a single question with no published reliability (the ONS4 questions).',
        'Threshold crossing: moving out of the worst published band (BARC-10: from below 47 to 47 or more; ONS4: out of the "low" band, or for anxiety out of the "high" band), among people who started on the wrong side.',
        "Pooling: random-effects meta-analysis of organisations' mean changes (vᵢ = SD² / n), REML estimate of between-organisation variance τ², Hartung–Knapp 95% confidence interval, 95% prediction interval, I²; verified against R metafor to 1e-6.",
        `Disclosure control: counts of 1 to ${MINIMUM_GROUP_SIZE - 1} shown as "fewer than ${MINIMUM_GROUP_SIZE}", other counts rounded to the nearest 5; no average, distribution or effect from fewer than ${MINIMUM_GROUP_SIZE} people; an organisation appears in a forest plot and the pooled estimate only with ${MINIMUM_GROUP_SIZE} or more people; only participants who consented to network use are counted outside their organisation (the NHS Digital rule for sub-national counts, 2018).${outside ? ' All figures in this pack follow these rules.' : " The organisation's own figures in this pack are exact, for the organisation and those it chooses to share them with; network figures follow these rules."}`,
        `Outside figures: organisations with fewer than ${MINIMUM_GROUP_SIZE} people who agreed to network use are left out of every total and pooled figure; averages and intervals are given to 0.1 (0.2 for a group shown as 10 people), so none gives away how many people are behind it; and the figures come from a dated monthly release that does not change in between, so no one can work out a small group by watching them change.`,
        'Missing data and attrition: only people with a first and a later score are in change figures; people with only a first score are counted as lost to follow-up and the share is shown beside every result, because people who are struggling are often harder to reach and high attrition can flatter an average. Nothing is imputed.',
        'Before-and-after change is not a controlled comparison: it shows what changed for people, not how much the organisation caused. The social value adjusts for this with deadweight and attribution.',
      ],
    },
    { kind: 'p', text: 'Sources:' },
    {
      kind: 'list',
      items: (Object.values(SOURCES) as Source[]).map((s) => (s.url ? `${s.citation} ${s.url}` : s.citation)),
    },
  ];
}

/** The organisation's reach in one sentence. */
export function reachSentence(d: OrgDashboard): string {
  return `${whole(d.reach.participants)} people took part, in ${whole(d.reach.sessions)} sessions with ${whole(d.reach.attendance)} attendances; volunteers gave ${whole(d.reach.volunteerHours)} hours.`;
}

/** Each measure's change in the organisation's own people, in plain words. */
export function ownChangeSentences(d: OrgDashboard): string[] {
  return d.measures
    .filter((m) => m.stats)
    .map((m) =>
      changeInWords({
        ...m.label,
        change: m.stats!.meanChange,
        ciLow: m.stats!.ciLow,
        ciHigh: m.stats!.ciHigh,
        people: formatCount(m.stats!.n),
      }),
    );
}

// ---- whole packs ------------------------------------------------------------------------------

export function organisationPack(
  orgName: string,
  d: OrgDashboard,
  network: OutsideView,
  costs: number,
  a: SocialValueAssumptions,
  today: string,
): PackDocument {
  const sv = socialValueFor({ own: d }, costs, a);
  const headline = ownChangeSentences(d);
  return {
    title: `Evidence pack: ${orgName}`,
    subtitle: `Prepared ${formatCalendarDate(today)} with Recovery Connectors. The organisation's own figures are exact; network figures are disclosure-controlled.`,
    sections: [
      {
        id: 'summary',
        heading: 'Summary',
        blocks: [
          {
            kind: 'list',
            items: [reachSentence(d), ...headline, socialValueHeadline(sv, a)],
          },
        ],
      },
      { id: 'reach', heading: 'Reach', blocks: [reachTable(d), quarterTable(d)] },
      {
        id: 'outcomes',
        heading: 'Outcomes',
        blocks: [
          {
            kind: 'table',
            caption: 'Outcomes by measure (own exact figures)',
            head: OWN_OUTCOME_HEAD,
            rows: d.measures.map(ownOutcomeCells),
          },
          ...d.measures
            .filter((m) => m.stats)
            .flatMap((m, i) => [
              { kind: 'chart' as const, svg: distributionChart(m, `pack-dist-${i}`) },
              distributionTable(m),
            ]),
        ],
      },
      {
        id: 'pooled',
        heading: 'The network picture',
        blocks: [
          { kind: 'p', text: releaseSentence(network.release) },
          ...pooledBlocks(network, 'pack', { forests: false }),
        ],
      },
      { id: 'social-value', heading: 'Social value', blocks: socialValueBlocks(sv, a, costs) },
      {
        id: 'methods',
        heading: 'Methods',
        blocks: methodsBlocks(
          [...new Set(d.measures.map((m) => `${m.label.instrumentName} (${m.label.shortName}): ${m.label.citation}`))],
          false,
        ),
      },
      { id: 'appendix', heading: 'Data appendix', blocks: [appendixOwn(d)] },
    ],
  };
}

export function outsidePack(
  title: string,
  scope: string,
  v: OutsideView,
  costs: number,
  a: SocialValueAssumptions,
  today: string,
): PackDocument {
  const sv = socialValueFor({ outside: v }, costs, a);
  return {
    title,
    subtitle: `Prepared ${formatCalendarDate(today)} with Recovery Connectors for ${scope}. Every figure is disclosure-controlled and counts only people who agreed to network use. ${releaseSentence(v.release)}`,
    sections: [
      {
        id: 'summary',
        heading: 'Summary',
        blocks: [{ kind: 'list', items: [...v.measures.map((m) => m.sentence), socialValueHeadline(sv, a)] }],
      },
      { id: 'reach', heading: 'Reach', blocks: [outsideTotalsTable(v)] },
      { id: 'outcomes', heading: 'Outcomes and pooled estimates', blocks: pooledBlocks(v, 'pack') },
      { id: 'social-value', heading: 'Social value', blocks: socialValueBlocks(sv, a, costs) },
      {
        id: 'methods',
        heading: 'Methods',
        blocks: methodsBlocks(
          [...new Set(v.measures.map((m) => `${m.label.instrumentName} (${m.label.shortName}): ${m.label.citation}`))],
          true,
        ),
      },
      { id: 'appendix', heading: 'Data appendix', blocks: v.measures.map(forestTable) },
    ],
  };
}

/**
 * The pooled picture. With `forests`, each measure's forest plot and its table of every
 * organisation (the network's own pages and packs); without, the pooled figures alone, as an
 * organisation's pack shows them (at national scale, 500 rows a measure would be most of it).
 */
export function pooledBlocks(v: OutsideView, idPrefix: string, { forests = true } = {}): Block[] {
  if (v.measures.length === 0)
    return [
      { kind: 'p', text: `No measure has organisations with ${MINIMUM_GROUP_SIZE} or more consenting people yet.` },
    ];
  return [
    { kind: 'table', caption: 'Pooled estimates by measure', head: POOLED_HEAD, rows: v.measures.map(pooledCells) },
    ...v.measures.flatMap((m, i): Block[] => [
      { kind: 'p', text: m.sentence },
      ...(forests && m.rows.length > 0
        ? [{ kind: 'chart' as const, svg: forestChart(m, `${idPrefix}-forest-${i}`) }, forestTable(m)]
        : []),
    ]),
    ...(forests
      ? []
      : [
          {
            kind: 'p' as const,
            text: "The network's own evidence pack shows each organisation's figure beside the pooled one.",
          },
        ]),
  ];
}

export function reachTable(d: OrgDashboard): Block {
  return {
    kind: 'table',
    caption: 'Reach (own exact figures)',
    head: ['Measure', 'Number'],
    rows: [
      ['Participants', whole(d.reach.participants)],
      ['Participants with a questionnaire', whole(d.reach.assessed)],
      ['Sessions', whole(d.reach.sessions)],
      ['Attendances', whole(d.reach.attendance)],
      ['Volunteer hours', whole(d.reach.volunteerHours)],
    ],
  };
}

export function quarterTable(d: OrgDashboard): Block {
  return {
    kind: 'table',
    caption: 'By quarter',
    head: ['Quarter', 'Sessions', 'Attendances', 'Volunteer hours', 'Questionnaires', 'People answering'],
    rows: d.quarters.map((q) => [
      q.quarter,
      whole(q.sessions),
      whole(q.attendance),
      whole(q.volunteerHours),
      whole(q.assessments),
      whole(q.peopleAssessed),
    ]),
  };
}

export function distributionTable(m: OrgMeasureView): Block {
  return {
    kind: 'table',
    caption: `${measureNamed(m.label)}: people by first and latest score`,
    head: ['Score', 'First', 'Latest'],
    rows: m.distribution.map((b) => [b.label, whole(b.before), whole(b.after)]),
  };
}

export function outsideTotalsTable(v: OutsideView): Block {
  return {
    kind: 'table',
    caption: 'Reach (rounded to the nearest 5; people who agreed to network use)',
    head: ['Measure', 'Number'],
    rows: [
      ['Organisations with data', String(v.totals.organisations)],
      [`Organisations left out (fewer than ${MINIMUM_GROUP_SIZE} people)`, v.totals.excludedOrganisations.display],
      ['Participants', v.totals.participants.display],
      ['Sessions', v.totals.sessions.display],
      ['Attendances', v.totals.attendance.display],
      ['Volunteer hours', v.totals.volunteerHours.display],
    ],
  };
}

function appendixOwn(d: OrgDashboard): Block {
  const stat = (s: MeasureStatistics | null, pick: (s: MeasureStatistics) => number) =>
    s ? pick(s).toPrecision(6) : '';
  return {
    kind: 'table',
    caption: 'Own figures at full precision',
    head: ['Measure', 'n', 'Mean change', 'SD change', 'SE', 'CI low', 'CI high', 'd_z', 'Baselines', 'Lost'],
    rows: d.measures.map((m) => [
      `${m.label.shortName}: ${m.label.measureName}`,
      whole(m.stats?.n ?? 0),
      stat(m.stats, (s) => s.meanChange),
      stat(m.stats, (s) => s.sdChange),
      stat(m.stats, (s) => s.se),
      stat(m.stats, (s) => s.ciLow),
      stat(m.stats, (s) => s.ciHigh),
      m.stats?.effect ? m.stats.effect.dz.toPrecision(6) : '',
      whole(m.stats?.attrition.baselines ?? m.people),
      String(m.stats?.attrition.lost_to_follow_up ?? ''),
    ]),
  };
}
