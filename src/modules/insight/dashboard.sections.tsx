// The dashboards' sections, built from the same blocks as the evidence packs so the figures on
// a page and in its pack are the same strings.
import { BarChart } from './insight.charts.tsx';
import type { OrgDashboard, OutsideView } from './insight.service.ts';
import {
  distributionChart,
  distributionTable,
  f2,
  OWN_OUTCOME_HEAD,
  ownOutcomeCells,
  outsideTotalsTable,
  measureNamed,
  ownChangeSentences,
  pooledBlocks,
  POOLED_HEAD,
  pooledCells,
  quarterTable,
  reachSentence,
  reachTable,
  type Block,
  type Section,
} from './pack.document.ts';
import { loadLocalAuthorityNames } from './local-authorities.ts';
import { ukDate } from '../../platform/time.ts';
import { formatCount } from '../../ui/format.ts';

export function orgDashboardSections(d: OrgDashboard): Section[] {
  const quarters = d.quarters;
  // What a number means comes first, in words; the tables and statistics sit behind a disclosure.
  const reachBlocks: Block[] = [{ kind: 'p', text: reachSentence(d) }];
  if (quarters.length > 0)
    reachBlocks.push({
      kind: 'chart',
      svg: BarChart({
        id: 'chart-quarters',
        title: 'Sessions and attendances by quarter',
        description: `Sessions and attendances in each of ${quarters.length} quarters, from ${quarters[0]!.quarter} to ${quarters[quarters.length - 1]!.quarter}. A quarter with nothing recorded shows as empty. The table gives every value.`,
        categories: quarters.map((q) => q.quarter),
        series: [
          { name: 'Sessions', values: quarters.map((q) => q.sessions), outlined: true },
          { name: 'Attendances', values: quarters.map((q) => q.attendance) },
        ],
        yLabel: 'Number',
      }),
    });
  reachBlocks.push({
    kind: 'details',
    summary: 'The figures as tables',
    blocks: quarters.length > 0 ? [reachTable(d), quarterTable(d)] : [reachTable(d)],
  });
  const outcomeBlocks: Block[] =
    d.measures.length === 0
      ? [
          {
            kind: 'p',
            text: 'No questionnaires yet. Record ONS4 or BARC-10 with participants at the start and again later to see change here.',
          },
        ]
      : [
          { kind: 'list', items: ownChangeSentences(d) },
          {
            kind: 'details',
            summary: 'How this was worked out',
            blocks: [
              {
                kind: 'table',
                caption: 'Outcomes by measure: your own exact figures',
                head: OWN_OUTCOME_HEAD,
                rows: d.measures.map(ownOutcomeCells),
              },
              {
                kind: 'p',
                text: 'Change is each person\'s latest score minus their first. A 95% confidence interval that does not include 0 means the change is unlikely to be chance. "Lost to follow-up" is people with a first score but no later one: their results are not in the change.',
                link: { href: '/methods#change', text: 'How the figures are worked out' },
              },
            ],
          },
        ];
  const perMeasure: Section[] = d.measures
    .filter((m) => m.stats)
    .map((m, i) => ({
      id: `measure-${i}`,
      heading: measureNamed(m.label),
      blocks: [
        {
          kind: 'p',
          text: `${formatCount(m.stats!.n)} people have a first and a later score. On average they scored ${f2(m.stats!.before.mean)} at first and ${f2(m.stats!.after.mean)} at their latest, on a scale from ${m.label.range.min} to ${m.label.range.max}. ${formatCount(m.networkPaired)} of them agreed to network use and count in network figures.`,
        },
        { kind: 'chart', svg: distributionChart(m, `chart-dist-${i}`) },
        {
          kind: 'details',
          summary: 'The figures behind this chart',
          blocks: [
            distributionTable(m),
            {
              kind: 'table',
              caption: `${m.label.measureName}: mean score of every questionnaire by quarter`,
              head: ['Quarter', 'Questionnaires', 'Mean score'],
              rows: m.trend.map((t) => [t.quarter, formatCount(t.n), t.mean === null ? '–' : f2(t.mean)]),
            },
          ],
        },
      ] satisfies Block[],
    }));
  return [
    { id: 'reach', heading: 'Reach', blocks: reachBlocks },
    { id: 'outcomes', heading: 'Outcomes', blocks: outcomeBlocks },
    ...perMeasure,
  ];
}

export function networkDashboardSections(
  v: OutsideView,
  coverage: { name: string; slug: string; region: string; ladCodes: string[]; lastData: Date | null }[],
  now: Date,
): Section[] {
  const byRegion = new Map<string, { members: number; withData: number }>();
  for (const c of coverage) {
    const r = byRegion.get(c.region || 'Region not given') ?? { members: 0, withData: 0 };
    r.members += 1;
    if (c.lastData) r.withData += 1;
    byRegion.set(c.region || 'Region not given', r);
  }
  const names = loadLocalAuthorityNames();
  const byLa = new Map<string, number>();
  for (const c of coverage) for (const lad of c.ladCodes) byLa.set(lad, (byLa.get(lad) ?? 0) + 1);
  const cutoff = new Date(now.getTime() - 90 * 24 * 3600 * 1000);
  const quiet = coverage.filter((c) => !c.lastData || c.lastData < cutoff);
  return [
    { id: 'totals', heading: 'Totals', blocks: [outsideTotalsTable(v)] },
    { id: 'pooled', heading: 'Pooled outcomes', blocks: pooledBlocks(v, 'network') },
    {
      id: 'coverage',
      heading: 'Coverage',
      blocks: [
        {
          kind: 'table',
          caption: 'Member organisations by region',
          head: ['Region', 'Members', 'Members that have sent data'],
          rows: [...byRegion]
            .sort((a, b) => a[0].localeCompare(b[0]))
            .map(([region, r]) => [region, formatCount(r.members), formatCount(r.withData)]),
        },
        byLa.size === 0
          ? { kind: 'p', text: 'No member has listed the local authorities it serves yet (on its public profile).' }
          : {
              kind: 'table',
              caption: 'Local authorities served by member organisations',
              head: ['Local authority', 'Code', 'Members serving it'],
              rows: [...byLa]
                .sort((a, b) => (names.get(a[0]) ?? a[0]).localeCompare(names.get(b[0]) ?? b[0]))
                .map(([lad, n]) => [names.get(lad) ?? lad, lad, String(n)]),
            },
      ],
    },
    {
      id: 'quiet',
      heading: 'Not sent data in the last 90 days',
      blocks: [
        quiet.length === 0
          ? { kind: 'p', text: 'Every member organisation has sent data in the last 90 days.' }
          : {
              kind: 'table',
              caption: 'Members with no questionnaires, sessions or summaries in the last 90 days',
              head: ['Organisation', 'Region', 'Last data'],
              rows: quiet.map((c) => [c.name, c.region, c.lastData ? ukDate(c.lastData) : 'never']),
            },
      ],
    },
  ];
}

export function impactSections(v: OutsideView): Section[] {
  const published = v.measures.filter((m) => m.pooled && m.people.shown);
  return [
    {
      id: 'headlines',
      heading: 'Headlines',
      blocks: [
        published.length === 0
          ? { kind: 'p', text: 'Not enough organisations have shared results yet to publish pooled figures.' }
          : { kind: 'list', items: published.map((m) => m.sentence) },
      ],
    },
    { id: 'reach', heading: 'Reach', blocks: [outsideTotalsTable(v)] },
    {
      id: 'estimates',
      heading: 'Pooled estimates',
      blocks:
        published.length === 0
          ? [{ kind: 'p', text: 'None yet.' }]
          : [
              {
                kind: 'table',
                caption: 'Pooled estimates by measure',
                head: POOLED_HEAD,
                rows: published.map(pooledCells),
              },
              {
                kind: 'p',
                text: "How to read this: the pooled mean change is an average across organisations, weighted by how precise each one is. The 95% confidence interval is the range of averages consistent with the data; the prediction interval is where a new, similar organisation's result would be expected to lie. The open data codebook describes every column.",
                link: { href: '/methods', text: 'How the figures are worked out, with their sources' },
              },
            ],
    },
  ];
}

export function groupChooser(members: { slug: string; name: string }[]) {
  return (
    <section aria-labelledby="s-group">
      <h2 id="s-group">Evidence pack for a group of organisations</h2>
      <form method="get" action="/network/insight/pack">
        <fieldset class="fieldset">
          <legend class="legend">Choose the organisations in the consortium</legend>
          <p class="hint">
            A group can only include organisations with at least 8 people who agreed to network use in the latest
            published figures, so that no one can be recognised.
          </p>
          <div class="checkboxes">
            {members.map((m, i) => (
              <div class="checkbox">
                <input class="checkbox-input" type="checkbox" id={`group-${i}`} name="orgs" value={m.slug} />
                <label class="checkbox-label" for={`group-${i}`}>
                  {m.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button button-secondary">
          Make the group's evidence pack
        </button>
      </form>
    </section>
  );
}
