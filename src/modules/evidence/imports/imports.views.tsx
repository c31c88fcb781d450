// Pages for importing a spreadsheet: upload, choose columns (with a preview), the report.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import { Button, CsrfField, ErrorSummary, NotificationBanner, Radios, Table } from '../../../ui/components.tsx';
import { fieldId } from '../../../ui/components.tsx';
import { EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';
import type { ImportProblem } from './engine/import-problem.ts';
import type { ImportReport } from './engine/import-report.ts';
import { describeLimits } from './engine/import-limits.ts';
import { IMPORT_TARGET_NAMES, type ImportTarget } from './engine/target-schemas.ts';

export const TARGET_LABEL = IMPORT_TARGET_NAMES;
const TARGET_HINT: Record<ImportTarget, string> = {
  participants:
    'One row per person: their code, and if you have them first name, age band, gender, ethnicity, local authority and consent.',
  assessments:
    'One row per questionnaire: participant code, which questionnaire, date, time point, and one column per question.',
  activities:
    'One row per session: date, activity type, attendance, and if you have them first-timers, volunteers and volunteer hours.',
};

export interface ImportsView {
  org: OrgTarget;
  runs: {
    id: string;
    target: ImportTarget;
    fileName: string;
    status: string;
    rowsRead: number;
    imported: number;
    invalid: number;
    by: string;
    at: Date;
  }[];
}

const STATUS_LABEL: Record<string, string> = {
  receiving: 'Being uploaded',
  uploaded: 'Not imported yet',
  imported: 'Imported',
  rejected: 'Not imported (problems)',
  cancelled: 'Cancelled',
  dry_run: 'Checked only (dry run)',
};

export function ImportsPage({ ctx, view, error }: { ctx: PageContext; view: ImportsView; error?: string }) {
  const base = `/orgs/${view.org.slug}/imports`;
  return (
    <EvidenceLayout ctx={ctx} title="Import a spreadsheet" crumbs={orgCrumbs(view.org)}>
      <ErrorSummary errors={error ? { file: error } : {}} />
      <h1>Import a spreadsheet</h1>
      <p>
        Bring in the spreadsheet you already keep, as CSV or Excel (.xlsx). We check every row before anything is saved,
        and importing the same file twice adds nothing.
      </p>
      <form
        method="post"
        action={`${base}?_csrf=${encodeURIComponent(ctx.csrfToken())}`}
        enctype="multipart/form-data"
        novalidate
      >
        <Radios
          name="target"
          label="What is in the file?"
          options={(['participants', 'assessments', 'activities'] as const).map((t) => ({
            value: t,
            label: TARGET_LABEL[t],
            hint: TARGET_HINT[t],
          }))}
          value="participants"
        />
        <div class={error ? 'field field-error' : 'field'}>
          <label class="label" for={fieldId('file')}>
            The file
          </label>
          <p class="hint" id={`${fieldId('file')}-hint`}>
            CSV or .xlsx. {describeLimits()} The column headings can be below a title; we find them.
          </p>
          {error && (
            <p class="error-message" id={`${fieldId('file')}-error`}>
              <span class="visually-hidden">Error:</span> {error}
            </p>
          )}
          <input
            class="input"
            type="file"
            id={fieldId('file')}
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fieldId('file')}-hint`}
          />
        </div>
        <Button>Upload and choose columns</Button>
      </form>
      <h2>Starting a new spreadsheet?</h2>
      <p>
        Download a template with the right headings. The Excel one has a second sheet that explains each column, with an
        example. A filled-in template imports without choosing any columns.
      </p>
      <ul class="list">
        {(['participants', 'assessments', 'activities'] as const).map((t) => (
          <li>
            {TARGET_LABEL[t]}: <a href={`${base}/templates/${t}.xlsx`}>Excel template with notes</a> or{' '}
            <a href={`${base}/templates/${t}.csv`}>CSV template</a>
          </li>
        ))}
      </ul>
      <Table
        caption="Recent imports"
        empty="Nothing imported yet."
        columns={[
          { header: 'When', cell: (r: ImportsView['runs'][number]) => ukDate(r.at) },
          { header: 'What', cell: (r) => TARGET_LABEL[r.target] },
          {
            header: 'File',
            cell: (r) => (r.status === 'uploaded' ? <a href={`${base}/${r.id}`}>{r.fileName}</a> : r.fileName),
          },
          {
            header: 'Result',
            cell: (r) =>
              `${STATUS_LABEL[r.status] ?? r.status}${r.status === 'imported' ? `: ${r.imported} of ${r.rowsRead} rows` : ''}`,
          },
          { header: 'By', cell: (r) => r.by },
        ]}
        rows={view.runs}
      />
    </EvidenceLayout>
  );
}

export interface MappingView {
  org: OrgTarget;
  runId: string;
  target: ImportTarget;
  fileName: string;
  headers: string[];
  /** The spreadsheet row the headings were found in. */
  headingRow: number;
  preview: string[][];
  fields: { key: string; label: string; required: boolean }[];
  mapping: Record<string, string>;
}

export function MappingPage({
  ctx,
  view,
  problems = [],
}: {
  ctx: PageContext;
  view: MappingView;
  problems?: ImportProblem[];
}) {
  const base = `/orgs/${view.org.slug}/imports/${view.runId}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title="Choose columns"
      crumbs={orgCrumbs(view.org, { href: `/orgs/${view.org.slug}/imports`, label: 'Imports' })}
    >
      <span class="caption">
        {TARGET_LABEL[view.target]} from {view.fileName}
      </span>
      <h1>Which column holds what?</h1>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>There is a problem with the columns</h2>
          <ul>
            {problems.map((p) => (
              <li>
                {p.problem} {p.howToFix}
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.headingRow !== 1 && view.headers.length > 0 && (
        <p>We found the column headings in row {view.headingRow} of your file, and read the rows below them.</p>
      )}
      <p>We have matched what we could. Check each one; we'll remember your choice for files with the same headings.</p>
      <Table
        caption="The first rows of your file"
        columns={view.headers.map((h, i) => ({ header: h, cell: (r: string[]) => r[i] ?? '' }))}
        rows={view.preview}
        empty="The file has no rows below the headings."
      />
      <form method="post" action={`${base}/check`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        {view.fields.map((f) => (
          <div class="field">
            <label class="label" for={fieldId(`map_${f.key}`)}>
              {f.label[0]!.toUpperCase() + f.label.slice(1)}
              {f.required ? '' : ' (optional)'}
            </label>
            <select class="input select" id={fieldId(`map_${f.key}`)} name={`map_${f.key}`}>
              <option value="">Not in this file</option>
              {view.headers.map((h) => (
                <option value={h} selected={view.mapping[f.key] === h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
        <Button>Check the file</Button>
      </form>
      <form method="post" action={`${base}/cancel`}>
        <CsrfField token={ctx.csrfToken()} />
        <Button variant="secondary">Cancel and delete the upload</Button>
      </form>
    </EvidenceLayout>
  );
}

export function ReportPage({
  ctx,
  org,
  runId,
  fileName,
  report,
  final,
}: {
  ctx: PageContext;
  org: OrgTarget;
  runId: string;
  fileName: string;
  report: ImportReport;
  final: boolean;
}) {
  const base = `/orgs/${org.slug}/imports/${runId}`;
  const what = TARGET_LABEL[report.target].toLowerCase();
  const dupes = report.duplicateRows.withinFile + report.duplicateRows.alreadyImported;
  const allRecorded =
    report.rowsRead > 0 &&
    report.validRows === 0 &&
    report.invalidRows === 0 &&
    report.duplicateRows.alreadyImported > 0;
  const c = report.consents;
  return (
    <EvidenceLayout
      ctx={ctx}
      title="Import report"
      crumbs={orgCrumbs(org, { href: `/orgs/${org.slug}/imports`, label: 'Imports' })}
    >
      <span class="caption">
        {TARGET_LABEL[report.target]} from {fileName}
      </span>
      <h1>{final ? (report.outcome === 'imported' ? 'Imported' : 'Nothing was imported') : 'We checked your file'}</h1>
      {final && report.outcome === 'imported' && (
        <NotificationBanner kind="success" title="Done">
          <p>
            {report.imported} {what} added.
          </p>
        </NotificationBanner>
      )}
      {allRecorded && (
        <NotificationBanner kind="info" title="Nothing new">
          <p>Everything in this file is already recorded, so there is nothing to import.</p>
        </NotificationBanner>
      )}
      {report.reading?.encoding === 'windows-1252' && (
        <p>
          We read this file as Windows text (Windows-1252), the way Excel on Windows saves "CSV (Comma delimited)".
          Check that names with accents and £ signs look right below.
        </p>
      )}
      {report.reading && report.reading.headingRow !== 1 && (
        <p>We used row {report.reading.headingRow} as the column headings.</p>
      )}
      <ul>
        <li>{report.rowsRead} rows read</li>
        <li class={report.invalidRows > 0 ? 'report-bad' : 'report-ok'}>
          {report.validRows} rows are fine{report.invalidRows > 0 && `, ${report.invalidRows} have problems`}
        </li>
        {dupes > 0 && (
          <li>
            {dupes} duplicates will be skipped ({report.duplicateRows.withinFile} repeated in the file,{' '}
            {report.duplicateRows.alreadyImported} already stored)
          </li>
        )}
      </ul>
      {c && (
        <>
          <h2>Consent {final ? 'stored' : 'to be stored'}</h2>
          <ul>
            <li>Keep a record: {c.record} people said yes</li>
            <li>
              Share with the network: {c.networkYes} yes, {c.networkNo} no, {c.record - c.networkYes - c.networkNo} not
              asked
            </li>
            <li>
              Be contacted: {c.contactYes} yes, {c.contactNo} no, {c.record - c.contactYes - c.contactNo} not asked
            </li>
          </ul>
        </>
      )}
      {report.problems.length > 0 && (
        <Table
          caption="Problems to fix"
          columns={[
            { header: 'Row', cell: (p: ImportProblem) => p.row ?? '—', numeric: true },
            { header: 'Column', cell: (p) => p.column ?? '—' },
            { header: 'What is wrong', cell: (p) => p.problem },
            { header: 'How to fix it', cell: (p) => p.howToFix },
          ]}
          rows={report.problems}
        />
      )}
      {report.problemsNotShown > 0 && <p>…and {report.problemsNotShown} more problems.</p>}
      {report.duplicates.length > 0 && (
        <details>
          <summary>Duplicates ({dupes})</summary>
          <ul>
            {report.duplicates.map((d) => (
              <li>{d.message}</li>
            ))}
          </ul>
        </details>
      )}
      {!final && !allRecorded && (
        <form method="post" action={`${base}/commit`}>
          <CsrfField token={ctx.csrfToken()} />
          {report.invalidRows === 0 && report.outcome !== 'rejected' && report.validRows > 0 ? (
            <Button name="mode" value="all_or_nothing">
              Import {report.validRows} {what}
            </Button>
          ) : (
            <>
              <p>
                Fix the file and upload it again, or import only the rows that are fine. Rows with problems will be left
                out.
              </p>
              {report.validRows > 0 && (
                <Button name="mode" value="skip_invalid" variant="secondary">
                  Import only the {report.validRows} rows that are fine
                </Button>
              )}
            </>
          )}
        </form>
      )}
      {!final && (
        <p>
          <a href={base}>Change the columns</a>
        </p>
      )}
      <p>
        <a href={`/orgs/${org.slug}/imports`}>Back to imports</a>
      </p>
    </EvidenceLayout>
  );
}
