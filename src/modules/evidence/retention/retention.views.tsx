// The lead's retention pages: the rule, the list waiting to be erased, and one person on it.
import type { PageContext } from '../../../platform/http/page-context.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Radios,
  SummaryList,
  Table,
  TextArea,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDate, formatCalendarDate } from '../../../ui/format.ts';
import { EvidenceLayout, orgCrumbs } from '../evidence.ui.tsx';
import type { BatchPageView, RetentionPageView } from './retention.service.ts';

const YEAR_OPTIONS = [
  { value: '2', label: '2 years' },
  { value: '3', label: '3 years' },
  { value: '6', label: '6 years (suggested)', hint: 'In line with how long UK charities usually keep records.' },
  { value: '7', label: '7 years' },
  { value: 'off', label: 'Off', hint: 'Records are kept until someone asks for theirs to be erased, or you erase it.' },
];

const rulePath = (org: { slug: string }) => `/orgs/${org.slug}/retention`;
const batchPath = (org: { slug: string }, id: string) => `${rulePath(org)}/batches/${id}`;

export function RetentionPage({
  ctx,
  view,
  errors = {},
  value,
}: {
  ctx: PageContext;
  view: RetentionPageView;
  errors?: FieldErrors;
  value?: string;
}) {
  const { org } = view;
  const current = view.years === null ? 'off' : String(view.years);
  return (
    <EvidenceLayout
      ctx={ctx}
      title="How long records are kept"
      crumbs={orgCrumbs(org, { href: rulePath(org), label: 'How long records are kept' })}
    >
      <ErrorSummary errors={errors} />
      <h1>How long records are kept</h1>
      <p class="lede">
        The law says you should keep people's records only as long as you need them. Choose when a record is erased
        after the last time anything happened with that person.
      </p>
      <p>
        Something "happened" when a questionnaire was filled in, a consent decision was made, a self-completion link was
        used, or the record was made.
      </p>
      <p>
        {view.years === null
          ? 'Right now records are kept until they are erased by hand.'
          : `Right now records are erased ${view.years} years after the last activity${view.isDefault ? ' (the suggested rule: you have not chosen one)' : ''}.`}
      </p>
      <p>
        Nobody is erased without warning. Each day the platform looks for people past the rule. If it finds any, it
        emails you a list. You then have 30 days to keep anyone who should stay. After that, the rest are erased for
        good.
      </p>
      <form method="post" action={rulePath(org)} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Radios
          name="years"
          label="Erase a record after no activity for"
          options={YEAR_OPTIONS}
          value={value ?? current}
          error={errors.years}
        />
        <Button>Save</Button>
      </form>

      <h2>Waiting to be erased</h2>
      {view.open ? (
        <>
          <p>
            On {formatDate(view.open.reported_at)} we found people with no activity since{' '}
            {formatCalendarDate(view.open.cutoff_on)}. {view.open.counts.due} will be erased on{' '}
            {formatDate(view.open.erase_after)}. {view.open.counts.kept} kept, {view.open.counts.dropped} with new
            activity.
          </p>
          <p>
            <a href={batchPath(org, view.open.id)}>See who is on the list</a>
          </p>
        </>
      ) : (
        <p>Nobody is waiting to be erased.</p>
      )}

      {view.past.length > 0 && (
        <Table
          caption="Past erasures"
          rows={view.past}
          columns={[
            { header: 'Found', cell: (b) => formatDate(b.reportedAt) },
            { header: 'Finished', cell: (b) => formatDate(b.finishedAt) },
            { header: 'Erased', cell: (b) => String(b.erased), numeric: true },
            { header: 'List', cell: (b) => <a href={batchPath(org, b.id)}>Who was kept</a> },
          ]}
        />
      )}
    </EvidenceLayout>
  );
}

const STATUS_WORDS = { due: 'To be erased', kept: 'Kept', dropped: 'New activity: not erased' } as const;

export function BatchPage({ ctx, view }: { ctx: PageContext; view: BatchPageView }) {
  const { org, batch } = view;
  return (
    <EvidenceLayout
      ctx={ctx}
      title="People past your retention rule"
      crumbs={orgCrumbs(org, { href: rulePath(org), label: 'How long records are kept' })}
    >
      <h1>People past your retention rule</h1>
      <SummaryList
        items={[
          { key: 'Found on', value: formatDate(batch.reportedAt) },
          { key: 'No activity since', value: formatCalendarDate(batch.cutoffOn) },
          { key: 'Rule', value: `${batch.years} years` },
          {
            key: batch.open ? 'To be erased on' : 'Erased',
            value: batch.open ? formatDate(batch.eraseAfter) : `${batch.erased ?? 0} people`,
          },
        ]}
      />
      {batch.open && (
        <p>
          Choose a person's reference to keep their record, with a reason, or to erase it now. Anyone with new activity
          before the date is left alone.
        </p>
      )}
      <Table
        caption={batch.open ? 'Who is on the list' : 'Who was kept or had new activity'}
        empty="Nobody is left on this list."
        reflow
        rows={view.people}
        columns={[
          {
            header: 'Reference',
            cell: (p) =>
              batch.open && p.status === 'due' ? (
                <a href={`${batchPath(org, batch.id)}/people/${p.id}`}>{p.code}</a>
              ) : (
                p.code
              ),
          },
          { header: 'Last activity', cell: (p) => formatCalendarDate(p.lastActivity) },
          { header: 'What happens', cell: (p) => STATUS_WORDS[p.status] },
          { header: 'Why kept', cell: (p) => p.keptReason },
        ]}
      />
      <p>
        <a href={rulePath(org)}>Back to how long records are kept</a>
      </p>
    </EvidenceLayout>
  );
}

export function BatchPersonPage({
  ctx,
  org,
  batch,
  person,
  errors = {},
  reason,
}: {
  ctx: PageContext;
  org: OrgTarget;
  batch: BatchPageView['batch'];
  person: BatchPageView['people'][number];
  errors?: FieldErrors;
  reason?: string;
}) {
  const base = `${batchPath(org, batch.id)}/people/${person.id}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`Keep or erase ${person.code}`}
      crumbs={orgCrumbs(
        org,
        { href: rulePath(org), label: 'How long records are kept' },
        { href: batchPath(org, batch.id), label: 'The list' },
      )}
    >
      <ErrorSummary errors={errors} />
      <h1>Keep or erase {person.code}</h1>
      <p>
        Nothing has happened with {person.code} since {formatCalendarDate(person.lastActivity)}. Their record will be
        erased on {formatDate(batch.eraseAfter)}.
      </p>
      <h2>Keep their record</h2>
      <form method="post" action={`${base}/keep`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextArea
          name="reason"
          label="Why should it be kept?"
          hint="For example: still coming to groups, or a legal reason. Do not write about their health. It is kept for a year, then they are checked again."
          value={reason}
          error={errors.reason}
          rows={3}
        />
        <Button variant="secondary">Keep {person.code}</Button>
      </form>
      <h2>Erase now</h2>
      <NotificationBanner kind="warning" title="This cannot be undone">
        <p>This deletes {person.code}, their consent records, every questionnaire and every link made for them.</p>
      </NotificationBanner>
      <form method="post" action={`${base}/erase`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Button variant="warning">Erase {person.code} now</Button>
      </form>
    </EvidenceLayout>
  );
}
