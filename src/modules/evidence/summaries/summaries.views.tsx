// The page for contributing a summary of change from another system.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Select,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';

export interface SummariesView {
  org: OrgTarget;
  measures: { value: string; label: string }[];
  rows: {
    measure: string;
    periodStart: string;
    periodEnd: string;
    n: number;
    meanChange: number;
    sdChange: number;
    method: string;
  }[];
}

const ORDER = [
  'measure',
  'period_start',
  'period_end',
  'n_paired',
  'mean_change',
  'sd_change',
  'baseline_mean',
  'baseline_sd',
  'collection_method',
];

export function SummariesPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: SummariesView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { org } = view;
  return (
    <EvidenceLayout ctx={ctx} title="Summaries from another system" crumbs={orgCrumbs(org)}>
      <ErrorSummary errors={errors} order={ORDER} />
      <h1>Summaries from another system</h1>
      <p>
        If you keep your records somewhere else, you can still be part of the network's evidence: tell us how much
        scores changed between two times for the people you measured twice.
      </p>
      <form method="post" action={`/orgs/${org.slug}/summaries`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Select
          name="measure"
          label="Questionnaire and measure"
          options={[{ value: '', label: 'Choose one' }, ...view.measures]}
          value={values.measure}
          error={errors.measure}
        />
        <TextInput
          name="period_start"
          label="Period from"
          type="date"
          value={values.period_start}
          error={errors.period_start}
          width="short"
        />
        <TextInput
          name="period_end"
          label="Period to"
          type="date"
          value={values.period_end}
          error={errors.period_end}
          width="short"
        />
        <TextInput
          name="n_paired"
          label="People with scores at both times"
          hint="At least 2"
          inputMode="numeric"
          value={values.n_paired}
          error={errors.n_paired}
          width="short"
        />
        <TextInput
          name="mean_change"
          label="Mean change (later minus earlier)"
          hint="For example 1.8, or -0.6 if scores went down"
          inputMode="decimal"
          value={values.mean_change}
          error={errors.mean_change}
          width="short"
        />
        <TextInput
          name="sd_change"
          label="Standard deviation of the change"
          inputMode="decimal"
          value={values.sd_change}
          error={errors.sd_change}
          width="short"
        />
        <TextInput
          name="baseline_mean"
          label="Mean at the start (optional)"
          inputMode="decimal"
          value={values.baseline_mean}
          error={errors.baseline_mean}
          width="short"
        />
        <TextInput
          name="baseline_sd"
          label="Standard deviation at the start (optional)"
          inputMode="decimal"
          value={values.baseline_sd}
          error={errors.baseline_sd}
          width="short"
        />
        <TextArea
          name="collection_method"
          label="How the answers were collected"
          hint="For example: paper forms at the first session and after 3 months, typed into our own spreadsheet."
          value={values.collection_method}
          error={errors.collection_method}
          rows={3}
        />
        <Button>Send summary</Button>
      </form>
      <Table
        caption="Summaries sent"
        empty="None sent yet."
        columns={[
          { header: 'Measure', cell: (r: SummariesView['rows'][number]) => r.measure },
          { header: 'Period', cell: (r) => `${ukDate(r.periodStart)} to ${ukDate(r.periodEnd)}` },
          { header: 'People', cell: (r) => r.n, numeric: true },
          { header: 'Mean change', cell: (r) => r.meanChange, numeric: true },
          { header: 'SD', cell: (r) => r.sdChange, numeric: true },
          { header: 'How collected', cell: (r) => r.method },
        ]}
        rows={view.rows}
      />
    </EvidenceLayout>
  );
}
