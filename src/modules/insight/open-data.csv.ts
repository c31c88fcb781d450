// The open-data CSV: one row per measure and organisation (plus the pooled row), with only
// disclosed values, and its codebook. Suppressed like every outside view.
import { csvFile, type CsvValue } from '../../platform/csv/csv-writer.ts';
import type { OutsideView } from './insight.service.ts';
import { POOLED_STEP } from './domain/outside-precision.ts';

export const OPEN_DATA_CODEBOOK: { column: string; meaning: string }[] = [
  { column: 'scope', meaning: 'network, group or organisation: whose figures the file holds' },
  {
    column: 'row_type',
    meaning:
      '"organisation" for one organisation\'s figures, "pooled" for the random-effects estimate across organisations, "totals" for reach',
  },
  { column: 'organisation', meaning: 'Organisation name (organisation rows), or empty' },
  {
    column: 'data_source',
    meaning:
      '"own records" (recorded on the platform) or "contributed summary" (sent by an organisation that keeps records elsewhere)',
  },
  { column: 'instrument', meaning: 'Questionnaire short name, e.g. ONS4, BARC-10' },
  { column: 'measure', meaning: 'Measure within the questionnaire, e.g. Life satisfaction' },
  {
    column: 'people',
    meaning:
      'People with a first and a later score who agreed to network use: "fewer than 8", or rounded to the nearest 5',
  },
  { column: 'organisations', meaning: 'Organisations pooled (pooled rows)' },
  { column: 'mean_change', meaning: 'Mean of latest minus first score; empty when withheld' },
  {
    column: 'ci_low, ci_high',
    meaning: '95% confidence interval of the mean change (t for one organisation, Hartung-Knapp for pooled)',
  },
  { column: 'pi_low, pi_high', meaning: "95% prediction interval of a new organisation's true change (pooled rows)" },
  { column: 'tau2, i2', meaning: 'Between-organisation variance (REML) and I2 in percent (pooled rows)' },
  { column: 'weight_percent', meaning: 'Random-effects weight of the organisation in the pooled estimate' },
  {
    column: 'lost_to_follow_up',
    meaning:
      'Share of people with a first score but no later one, as a percentage of rounded counts, or "fewer than 8"/"suppressed"',
  },
  { column: 'value', meaning: 'For totals rows: the rounded count ("fewer than 8" for 1 to 7)' },
  {
    column: 'rounded_to',
    meaning:
      'The step mean_change, ci_low, ci_high, pi_low and pi_high are rounded to: 0.2 for an organisation shown as 10 people, otherwise 0.1, so that no average gives away how many people are behind it',
  },
  {
    column: 'figures_as_at',
    meaning:
      'The date of the release the figures come from (figures are published once a month and do not change in between)',
  },
];

export function openDataCsv(scope: string, v: OutsideView): string {
  const head = [
    'scope',
    'row_type',
    'organisation',
    'data_source',
    'instrument',
    'measure',
    'people',
    'organisations',
    'mean_change',
    'ci_low',
    'ci_high',
    'pi_low',
    'pi_high',
    'tau2',
    'i2',
    'weight_percent',
    'lost_to_follow_up',
    'value',
    'rounded_to',
    'figures_as_at',
  ];
  const lines: CsvValue[][] = [head];
  const asAt = v.release?.releasedOn ?? '';
  const push = (cells: CsvValue[], roundedTo: number | '' = '') => lines.push([...cells, roundedTo, asAt]);
  const t = v.totals;
  for (const [name, d] of [
    ['participants', t.participants],
    ['sessions', t.sessions],
    ['attendances', t.attendance],
    ['volunteer_hours', t.volunteerHours],
  ] as const) {
    push([scope, 'totals', '', '', '', name, '', t.organisations, '', '', '', '', '', '', '', '', '', d.display]);
  }
  for (const m of v.measures) {
    const p = m.pooled;
    push(
      [
        scope,
        'pooled',
        '',
        '',
        m.label.shortName,
        m.label.measureName,
        m.people.display,
        m.organisations,
        p?.estimate,
        p?.ci_low,
        p?.ci_high,
        p?.pi_low,
        p?.pi_high,
        p?.tau2,
        p?.i2,
        '',
        m.attrition.display,
        '',
      ],
      p ? POOLED_STEP : '',
    );
    for (const r of m.rows)
      push(
        [
          scope,
          'organisation',
          r.label,
          r.kind,
          m.label.shortName,
          m.label.measureName,
          r.n.display,
          '',
          r.mean,
          r.ciLow,
          r.ciHigh,
          '',
          '',
          '',
          '',
          r.weight,
          '',
          '',
        ],
        r.roundedTo,
      );
  }
  return csvFile(lines);
}

export function codebookCsv(): string {
  return csvFile([['column', 'meaning'], ...OPEN_DATA_CODEBOOK.map((c) => [c.column, c.meaning])]);
}
