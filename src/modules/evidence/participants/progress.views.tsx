// A person's progress: for each measure the change in words, a line over time and the scores
// as a table. On their page, in the one-page report to print or give them, and on the
// self-completion confirmation when they ask to see it.
import type { PageContext } from '../../../platform/http/page-context.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import { Table } from '../../../ui/components.tsx';
import { describeProgress, measureTitle, type MeasureProgress } from '../domain/progress.ts';
import { EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';
import { ProgressChart } from './progress-chart.tsx';

export function ProgressSection({
  progress,
  idPrefix,
  headingLevel = 3,
}: {
  progress: readonly MeasureProgress[];
  idPrefix: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="progress">
      {progress.map((p, i) => {
        const id = `${idPrefix}-${i}`;
        const words = describeProgress(p, formatCalendarDate);
        return (
          <section class="progress-measure" aria-labelledby={`${id}-heading`}>
            <Heading id={`${id}-heading`}>{measureTitle(p)}</Heading>
            <p>{words}</p>
            {p.points.length > 1 && (
              // Drawn at its own size (text at 12 px); on a phone it scrolls in a named region.
              <div class="chart-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-chart-title`}>
                <figure class="chart-figure">
                  <ProgressChart id={`${id}-chart`} progress={p} description={words} formatDate={ukDate} />
                </figure>
              </div>
            )}
            <details>
              <summary>
                The scores as a table<span class="visually-hidden">: {measureTitle(p)}</span>
              </summary>
              <Table
                caption={`${measureTitle(p)}, from ${p.range.min} to ${p.range.max}`}
                columns={[
                  { header: 'Date', cell: (r: MeasureProgress['points'][number]) => ukDate(r.date) },
                  // the stage ("start", "review") only when one was recorded
                  ...(p.points.some((r) => r.timePoint)
                    ? [{ header: 'Stage', cell: (r: MeasureProgress['points'][number]) => r.timePoint ?? '' }]
                    : []),
                  { header: 'Score', cell: (r) => String(r.score), numeric: true },
                ]}
                rows={p.points}
              />
            </details>
          </section>
        );
      })}
    </div>
  );
}

export interface ProgressReportView {
  org: OrgTarget;
  participantId: string;
  code: string;
  firstName: string;
  progress: MeasureProgress[];
  today: string;
}

/** One page to print or hand over: their name or code, each measure, who made it and when. */
export function ProgressReportPage({ ctx, view }: { ctx: PageContext; view: ProgressReportView }) {
  const who = view.firstName || view.code;
  const base = `/orgs/${view.org.slug}/participants/${view.participantId}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`Progress: ${view.code}`}
      crumbs={orgCrumbs(
        view.org,
        { href: `/orgs/${view.org.slug}/participants`, label: 'Participants' },
        { href: base, label: view.code },
      )}
    >
      <div class="progress-report">
        <span class="caption">
          {view.org.name}, {formatCalendarDate(view.today)}
        </span>
        <h1>How {who}’s answers have changed</h1>
        {view.progress.length === 0 ? (
          <p class="empty">No questionnaires yet, so there is nothing to show.</p>
        ) : (
          <>
            <p>
              Each questionnaire {who} filled in with {view.org.name} gives a score. Here is each score over time, from
              the first to the latest.
            </p>
            <ProgressSection progress={view.progress} idPrefix="report" headingLevel={2} />
          </>
        )}
        <p class="hint">
          These are {who}’s own answers. Scores go up and down for many reasons; they are a starting point for a
          conversation, not a judgement.
        </p>
        <p class="no-print">
          To print this page, use your browser’s Print (Ctrl and P, or Share then Print on a phone).
        </p>
      </div>
    </EvidenceLayout>
  );
}
