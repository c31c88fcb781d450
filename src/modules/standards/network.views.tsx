// The coordinators' standards pages: frameworks, reviews in progress and workload, training,
// which standards organisations find hardest; one assessment with assignment and decision.
import type { PageContext } from '../../platform/http/page-context.ts';
import { formatDate } from '../../ui/format.ts';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Radios,
  Select,
  SummaryList,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { DOMAIN_LABEL, LEVEL_LABEL, LEVELS } from './domain/framework.ts';
import type { CoordinatorAssessmentView, CoordinatorView, FrameworkView } from './standards.pages.ts';
import {
  AssessmentReadout,
  DecisionReadout,
  FiguresCaption,
  LiveFiguresList,
  StandardDetails,
  levelLabel,
  longDate,
  standardHeading,
} from './standards.parts.tsx';

const crumbs = <Breadcrumbs items={[{ href: '/network', label: 'Network' }]} />;
const standardsCrumbs = (
  <Breadcrumbs
    items={[
      { href: '/network', label: 'Network' },
      { href: '/network/standards', label: 'Standards' },
    ]}
  />
);

export function CoordinatorStandardsPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: CoordinatorView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const draft = view.frameworks.find((f) => f.status === 'draft');
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length ? 'Error: Standards' : 'Standards'} before={crumbs}>
      <ErrorSummary errors={errors} />
      <h1>Standards</h1>
      <h2>Self-assessments waiting for review or a decision</h2>
      <Table
        caption="Sent self-assessments"
        empty="No self-assessment is waiting."
        rows={view.submitted}
        columns={[
          { header: 'Organisation', cell: (s) => <a href={`/network/standards/assessments/${s.id}`}>{s.orgName}</a> },
          { header: 'Kind', cell: (s) => (s.kind === 'renewal' ? 'Renewal' : 'Full') },
          { header: 'Sent', cell: (s) => (s.submittedAt ? formatDate(s.submittedAt) : '') },
          { header: 'Reviews done', cell: (s) => `${s.reviewsDone} of ${s.reviewers}`, numeric: true },
        ]}
      />
      <h2>Peer researchers</h2>
      <Table
        caption="Peer researchers, their training and their reviews"
        empty="There are no peer researchers at member organisations yet."
        rows={view.researchers}
        columns={[
          { header: 'Name', cell: (r) => r.name },
          { header: 'Organisation', cell: (r) => r.organisations.join(', ') },
          {
            header: 'Training',
            cell: (r) =>
              r.trainingExpiresOn
                ? `${r.trainingCurrent ? 'Current until' : 'Ran out on'} ${longDate(r.trainingExpiresOn)}`
                : 'No record',
          },
          { header: 'Reviews in progress', cell: (r) => String(r.openReviews), numeric: true },
          { header: 'Reviews done', cell: (r) => String(r.doneReviews), numeric: true },
        ]}
      />
      <h3>Record training</h3>
      <form method="post" action="/network/standards/training" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Select
          name="person"
          label="Peer researcher"
          value={values.person}
          error={errors.person}
          options={[
            { value: '', label: 'Choose…' },
            ...view.researchers.map((r) => ({ value: r.personId, label: r.name })),
          ]}
        />
        <TextInput name="course" label="Course" value={values.course} error={errors.course} />
        <TextInput
          name="completed_on"
          label="Completed on"
          type="date"
          width="short"
          value={values.completed_on}
          error={errors.completed_on}
        />
        <TextInput
          name="expires_on"
          label="Expires on"
          type="date"
          width="short"
          value={values.expires_on}
          error={errors.expires_on}
        />
        <Button variant="secondary">Record training</Button>
      </form>
      <h2>Which standards organisations find hardest</h2>
      <p>Organisations by the level they chose in their latest sent self-assessment, hardest first.</p>
      <Table
        caption="Organisations by level, per standard"
        empty="No self-assessment has been sent yet."
        rows={view.hardest.filter((h) => LEVELS.some((l) => h.byLevel[l] > 0))}
        columns={[
          {
            header: 'Standard',
            cell: (h) => (
              <>
                {h.key}. {h.title}{' '}
                <a href={`/learning/library?chime=${h.domain}`}>Resources on {DOMAIN_LABEL[h.domain].toLowerCase()}</a>
              </>
            ),
          },
          ...LEVELS.map((l) => ({
            header: LEVEL_LABEL[l],
            cell: (h: CoordinatorView['hardest'][number]) => String(h.byLevel[l]),
            numeric: true,
          })),
        ]}
      />
      <h2>Versions of the standards</h2>
      <Table
        caption="Versions of the standards"
        rows={view.frameworks}
        empty="No version yet."
        columns={[
          { header: 'Version', cell: (f) => <a href={`/network/standards/frameworks/${f.id}`}>Version {f.version}</a> },
          { header: 'Title', cell: (f) => f.title },
          {
            header: 'State',
            cell: (f) =>
              f.status === 'draft' ? 'Draft' : `Published ${f.publishedAt ? formatDate(f.publishedAt) : ''}`,
          },
        ]}
      />
      {!draft && (
        <form method="post" action="/network/standards/frameworks">
          <CsrfField token={ctx.csrfToken()} />
          <Button variant="secondary">Start a new draft version</Button>
        </form>
      )}
    </Layout>
  );
}

export function FrameworkPage({ ctx, view }: { ctx: PageContext; view: FrameworkView }) {
  return (
    <Layout ctx={ctx} title={`Standards version ${view.version}`} before={standardsCrumbs}>
      <h1>
        Version {view.version}: {view.title}
      </h1>
      <p class="lede">
        {view.status === 'draft'
          ? 'A draft. Edit any standard, then publish it. Self-assessments already started keep the version they began with.'
          : `Published ${view.publishedAt ? formatDate(view.publishedAt) : ''}. A published version never changes.`}
      </p>
      {view.groups.map((g) => (
        <section>
          <h2>{DOMAIN_LABEL[g.domain]}</h2>
          {g.standards.map((s) => (
            <div class="standard-block">
              <h3>{standardHeading(s)}</h3>
              <StandardDetails standard={s} />
              {view.status === 'draft' && (
                <p>
                  <a href={`/network/standards/frameworks/${view.id}/standards/${s.key}`}>
                    Edit {s.key}
                    <span class="visually-hidden">: {s.title}</span>
                  </a>
                </p>
              )}
            </div>
          ))}
        </section>
      ))}
      {view.status === 'draft' && (
        <form method="post" action={`/network/standards/frameworks/${view.id}/publish`}>
          <CsrfField token={ctx.csrfToken()} />
          <Button>Publish version {view.version}</Button>
        </form>
      )}
    </Layout>
  );
}

export function StandardEditPage({
  ctx,
  frameworkId,
  standardKey,
  values,
  errors = {},
}: {
  ctx: PageContext;
  frameworkId: string;
  standardKey: string;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const title = `Edit standard ${standardKey}`;
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length ? `Error: ${title}` : title} before={standardsCrumbs}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <form method="post" action={`/network/standards/frameworks/${frameworkId}/standards/${standardKey}`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput name="title" label="Title" value={values.title} error={errors.title} />
        <TextArea name="intent" label="What the standard is for" value={values.intent} error={errors.intent} />
        <TextArea
          name="indicators"
          label="Signs of it"
          hint="One per line."
          value={values.indicators}
          error={errors.indicators}
        />
        {LEVELS.map((l) => (
          <TextArea
            name={l}
            label={`${LEVEL_LABEL[l]}: what it looks like`}
            rows={2}
            value={values[l]}
            error={errors[l]}
          />
        ))}
        <TextArea
          name="evidence_examples"
          label="Examples of evidence"
          hint="One per line."
          value={values.evidence_examples}
          error={errors.evidence_examples}
        />
        <Button>Save the standard</Button>
      </form>
    </Layout>
  );
}

export function CoordinatorAssessmentPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: CoordinatorAssessmentView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const a = view.assessment;
  const base = `/network/standards/assessments/${a.id}`;
  const title = `${a.orgName}: self-assessment`;
  const done = view.reviews.filter((r) => r.status === 'submitted').length;
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length ? `Error: ${title}` : title} before={standardsCrumbs}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lede">
        {a.kind === 'renewal' ? 'A renewal' : 'A full self-assessment'} against version {a.frameworkVersion}, sent{' '}
        {a.submittedAt ? formatDate(a.submittedAt) : ''}.
      </p>
      <h2>Peer reviewers</h2>
      <Table
        caption="Peer reviewers assigned"
        empty="Nobody is assigned yet. Assign at least two."
        rows={view.reviews}
        columns={[
          { header: 'Name', cell: (r) => r.name },
          { header: 'Review', cell: (r) => (r.status === 'submitted' ? 'Sent' : 'In progress') },
          { header: 'Visit', cell: (r) => (r.visitDate ? longDate(r.visitDate) : 'Not yet') },
          { header: 'Allowed despite', cell: (r) => r.overrideReason || '—' },
        ]}
      />
      {a.status === 'submitted' && (
        <>
          <h3>Assign a peer researcher</h3>
          <p>
            Only trained peer researchers from other member organisations, with no conflict of interest, can be
            assigned.
          </p>
          <ul class="plain-list">
            {view.candidates
              .filter((c) => c.conflicts.length)
              .map((c) => (
                <li>
                  <strong>{c.name}</strong>: {c.conflicts.map((x) => x.message).join(' ')}
                </li>
              ))}
          </ul>
          <form method="post" action={`${base}/reviewers`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <Select
              name="reviewer"
              label="Peer researcher"
              value={values.reviewer}
              error={errors.reviewer}
              options={[
                { value: '', label: 'Choose…' },
                ...view.candidates.map((c) => ({
                  value: c.personId,
                  label: `${c.name} (${c.organisations.join(', ')}; ${c.openReviews} in progress)${c.conflicts.length ? ' – conflict' : ''}`,
                })),
              ]}
            />
            <TextArea
              name="override_reason"
              label="Reason to allow a shared area (only if needed)"
              hint="A reviewer whose organisation works in the same local authority can be assigned with a reason. It is kept in the audit log."
              rows={2}
              value={values.override_reason}
              error={errors.override_reason}
            />
            <Button variant="secondary">Assign</Button>
          </form>
        </>
      )}
      {a.liveFigures && (
        <>
          <h2>Figures sent with it</h2>
          <FiguresCaption figures={a.liveFigures} outside />
          <LiveFiguresList figures={a.liveFigures} outside />
        </>
      )}
      <h2>What they sent, and what reviewers found</h2>
      <AssessmentReadout
        assessment={a}
        fileHref={(id) => `${base}/files/${id}`}
        extra={(s) =>
          view.reviews
            .filter((r) => r.status === 'submitted')
            .map((r) => (
              <p>
                <strong>{r.name}</strong> recommends {levelLabel(r.findings[s.key]?.level ?? null)}
                {r.findings[s.key]?.notes ? `: ${r.findings[s.key]!.notes}` : '.'}
              </p>
            ))
        }
      />
      {view.reviews
        .filter((r) => r.status === 'submitted')
        .map((r) => (
          <section>
            <h3>Visit by {r.name}</h3>
            <SummaryList
              items={[
                { key: 'Date', value: r.visitDate ? longDate(r.visitDate) : '' },
                { key: 'Who they met', value: r.visitWho || '—' },
                { key: 'What they saw', value: r.visitSeen || '—' },
              ]}
            />
          </section>
        ))}
      <h2>Decision</h2>
      {a.decision ? (
        <DecisionReadout decision={a.decision} />
      ) : (
        <form method="post" action={`${base}/decision`} novalidate>
          <CsrfField token={ctx.csrfToken()} />
          <p>
            {done} of {view.reviews.length} reviews are in.{' '}
            {a.kind === 'renewal' ? 'A renewal needs one desk review.' : 'A decision needs at least two.'} You sit on
            the panel; nobody who reviewed it can.
          </p>
          <Radios
            name="outcome"
            label="The panel’s decision"
            value={values.outcome}
            error={errors.outcome}
            options={[
              { value: 'recognised', label: 'Recognised', hint: 'Shown on their public profile for three years.' },
              {
                value: 'working_towards',
                label: 'Working towards',
                hint: 'With an agreed action plan and a date to look again.',
              },
              { value: 'not_yet', label: 'Not yet', hint: 'With feedback on what would help.' },
            ]}
          />
          <TextArea
            name="feedback"
            label="Feedback for the organisation"
            value={values.feedback}
            error={errors.feedback}
          />
          <TextArea
            name="action_plan"
            label="Agreed action plan (for working towards)"
            value={values.action_plan}
            error={errors.action_plan}
          />
          <TextInput
            name="review_by"
            label="Look again by (for working towards)"
            type="date"
            width="short"
            value={values.review_by}
            error={errors.review_by}
          />
          {view.panelChoices.length > 1 && (
            <Checkboxes
              name="panel"
              label="Other coordinators on the panel"
              options={view.panelChoices
                .filter((c) => c.id !== (ctx.actor.kind === 'person' ? ctx.actor.personId : ''))
                .map((c) => ({ value: c.id, label: c.name }))}
              checked={(v) => values.panel === v}
              error={errors.panel}
            />
          )}
          <Button>Record the decision</Button>
        </form>
      )}
    </Layout>
  );
}
