// A peer researcher's pages: their reviews, declared relationships, and one review form.
import type { PageContext } from '../../platform/http/page-context.ts';
import { formatDate } from '../../ui/format.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  Select,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { MyReviewsView, ReviewPageView } from './standards.pages.ts';
import { AssessmentReadout, FiguresCaption, LiveFiguresList, levelOptions } from './standards.parts.tsx';

export function MyReviewsPage({
  ctx,
  view,
  organisations,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: MyReviewsView;
  organisations: { id: string; name: string }[];
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length ? 'Error: Your peer reviews' : 'Your peer reviews'}>
      <ErrorSummary errors={errors} />
      <h1>Your peer reviews</h1>
      <p class="lede">Self-assessments you have been asked to review. You see only these.</p>
      <Table
        caption="Reviews assigned to you"
        empty="Nothing is assigned to you at the moment."
        rows={view.reviews}
        columns={[
          { header: 'Organisation', cell: (r) => <a href={`/reviews/${r.id}`}>{r.orgName}</a> },
          { header: 'Assigned', cell: (r) => formatDate(r.assignedAt) },
          { header: 'Your review', cell: (r) => (r.status === 'submitted' ? 'Sent' : 'In progress') },
        ]}
      />
      <h2>Relationships you have declared</h2>
      <p>
        Tell coordinators about any organisation you are close to (a friend runs it, you used to volunteer there), so
        you are never asked to review it.
      </p>
      <Table
        caption="Relationships you have declared"
        empty="You have not declared any."
        rows={view.interests}
        columns={[
          { header: 'Organisation', cell: (i) => i.orgName },
          { header: 'What it is', cell: (i) => i.reason },
        ]}
      />
      <form method="post" action="/reviews/interests" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Select
          name="org"
          label="Organisation"
          value={values.org}
          error={errors.org}
          options={[{ value: '', label: 'Choose…' }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <TextInput name="reason" label="What the relationship is" value={values.reason} error={errors.reason} />
        <Button variant="secondary">Declare it</Button>
      </form>
    </Layout>
  );
}

export function ReviewPage({
  ctx,
  view,
  errors = {},
  values,
}: {
  ctx: PageContext;
  view: ReviewPageView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const a = view.assessment;
  const r = view.review;
  const base = `/reviews/${r.id}`;
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  const title = `Review of ${a.orgName}`;
  const editable = r.status === 'assigned';
  return (
    <Layout
      ctx={ctx}
      title={Object.keys(errors).length ? `Error: ${title}` : title}
      before={<Breadcrumbs items={[{ href: '/reviews', label: 'Your peer reviews' }]} />}
    >
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lede">
        Read what {a.orgName} sent, visit them, then recommend a level for each standard. A panel of coordinators
        decides; your recommendation is part of what they weigh.
      </p>
      {a.liveFigures && (
        <>
          <h2>Figures sent with it</h2>
          <FiguresCaption figures={a.liveFigures} outside />
          <LiveFiguresList figures={a.liveFigures} outside />
        </>
      )}
      <form method="post" action={base} novalidate>
        {editable && <CsrfField token={ctx.csrfToken()} />}
        <h2>Their self-assessment and your findings</h2>
        <AssessmentReadout
          assessment={a}
          fileHref={(id) => `${base}/files/${id}`}
          extra={(s) =>
            editable ? (
              <div class="review-fields">
                <Radios
                  name={`level_${s.key}`}
                  label={`Your recommended level for ${s.key}`}
                  options={levelOptions}
                  value={v(`level_${s.key}`, r.findings[s.key]?.level ?? '')}
                  error={errors[`level_${s.key}`]}
                  inline
                />
                <TextArea
                  name={`notes_${s.key}`}
                  label={`Your notes on ${s.key} (optional)`}
                  rows={3}
                  value={v(`notes_${s.key}`, r.findings[s.key]?.notes ?? '')}
                  error={errors[`notes_${s.key}`]}
                />
              </div>
            ) : (
              <p>
                You recommended {r.findings[s.key]?.level ?? 'no level'}
                {r.findings[s.key]?.notes ? `: ${r.findings[s.key]!.notes}` : '.'}
              </p>
            )
          }
        />
        {editable && (
          <>
            <h2>Your visit</h2>
            <TextInput
              name="visit_date"
              label="Date of the visit"
              type="date"
              width="short"
              value={v('visit_date', r.visitDate ?? '')}
              error={errors.visit_date}
            />
            <TextArea
              name="visit_who"
              label="Who you met"
              rows={2}
              value={v('visit_who', r.visitWho)}
              error={errors.visit_who}
            />
            <TextArea
              name="visit_seen"
              label="What you saw"
              value={v('visit_seen', r.visitSeen)}
              error={errors.visit_seen}
            />
            <div class="button-group">
              <Button variant="secondary" name="action" value="save">
                Save as draft
              </Button>
              <Button name="action" value="submit">
                Send your review
              </Button>
            </div>
          </>
        )}
      </form>
    </Layout>
  );
}
