// An organisation's standards pages: where it stands, the self-assessment form, a sent
// assessment with its decision, and the public page about the standards.
import type { PageContext } from '../../platform/http/page-context.ts';
import { formatDate } from '../../ui/format.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Select,
  Table,
  TextArea,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { DOMAIN_LABEL } from './domain/framework.ts';
import { MAX_EVIDENCE_BYTES } from './domain/evidence-file.ts';
import type { OrgAssessmentView, OrgStandardsView, PublicStandardsView } from './standards.pages.ts';
import {
  AssessmentReadout,
  DecisionReadout,
  FiguresCaption,
  LiveFiguresList,
  OUTCOME_LABEL,
  STATUS_LABEL,
  StandardDetails,
  levelOptions,
  longDate,
  standardHeading,
} from './standards.parts.tsx';

export function PublicStandardsPage({ ctx, view }: { ctx: PageContext; view: PublicStandardsView }) {
  const f = view.framework;
  return (
    <Layout ctx={ctx} title="Standards for recovery organisations">
      <h1>Standards for recovery organisations</h1>
      <p class="lede">
        The network’s standards are a framework for growth, not a cage. Member organisations look at where they are
        against each one, then trained peer researchers from other organisations visit and review it with them.
      </p>
      {!f ? (
        <p>The network has not published its standards yet.</p>
      ) : (
        <>
          <NotificationBanner kind="info" title="A draft the network is shaping">
            <p>
              These standards are the platform’s starting draft, version {f.version}, which the network edits and
              agrees. They are built on the five parts of recovery known as CHIME: connectedness, hope, identity,
              meaning and empowerment (Leamy and others, British Journal of Psychiatry, 2011).
            </p>
          </NotificationBanner>
          <p>{f.introduction}</p>
          {f.groups.map((g) => (
            <section aria-labelledby={`d-${g.domain}`}>
              <h2 id={`d-${g.domain}`}>{DOMAIN_LABEL[g.domain]}</h2>
              {g.standards.map((s) => (
                <div class="standard-block">
                  <h3>{standardHeading(s)}</h3>
                  <StandardDetails standard={s} />
                </div>
              ))}
            </section>
          ))}
        </>
      )}
      <h2>Recognised organisations</h2>
      <Table
        caption="Member organisations recognised against the standards"
        empty="No organisation has been recognised yet."
        rows={view.recognised}
        columns={[
          { header: 'Organisation', cell: (r) => <a href={`/organisations/${r.slug}`}>{r.name}</a> },
          { header: 'Recognised on', cell: (r) => longDate(r.decidedOn) },
          { header: 'Renewal due', cell: (r) => longDate(r.renewalDue) },
        ]}
      />
    </Layout>
  );
}

export function OrgStandardsPage({ ctx, view }: { ctx: PageContext; view: OrgStandardsView }) {
  const slug = view.org.slug;
  return (
    <Layout
      ctx={ctx}
      title={`Standards – ${view.org.name}`}
      before={<Breadcrumbs items={[{ href: `/orgs/${slug}`, label: view.org.name }]} />}
    >
      <h1>Standards</h1>
      <p class="lede">
        Look at where {view.org.name} is against the network’s standards. Peer researchers from other member
        organisations review what you send, and a panel of coordinators decides.
      </p>
      {view.recognition && (
        <NotificationBanner kind="success" title="Recognised">
          <p>
            Recognised on {longDate(view.recognition.decidedOn)}. Renewal is due on{' '}
            {longDate(view.recognition.renewalDue)}.
          </p>
        </NotificationBanner>
      )}
      {view.canStart && (
        <form method="post" action={`/orgs/${slug}/standards/assessments`}>
          <CsrfField token={ctx.csrfToken()} />
          <Button>{view.assessments.length ? 'Start a renewal' : 'Start a self-assessment'}</Button>
        </form>
      )}
      {view.assessments
        .filter((a) => a.status === 'draft')
        .map((a) => (
          <p>
            <a class="button button-primary" href={`/orgs/${slug}/standards/assessments/${a.id}`}>
              Continue your self-assessment
            </a>
          </p>
        ))}
      {!view.frameworkVersion && <p>The network has not published its standards yet.</p>}
      <Table
        caption="Your self-assessments"
        empty="You have not started a self-assessment yet."
        rows={view.assessments}
        columns={[
          {
            header: 'Started',
            cell: (a) => <a href={`/orgs/${slug}/standards/assessments/${a.id}`}>{formatDate(a.createdAt)}</a>,
          },
          { header: 'Kind', cell: (a) => (a.kind === 'renewal' ? 'Renewal' : 'Full') },
          { header: 'Standards version', cell: (a) => String(a.version), numeric: true },
          { header: 'Where it is', cell: (a) => (a.outcome ? OUTCOME_LABEL[a.outcome] : STATUS_LABEL[a.status]) },
        ]}
      />
      <p>
        <a href="/standards">Read the standards</a>
      </p>
    </Layout>
  );
}

export function OrgAssessmentPage({
  ctx,
  org,
  view,
  errors = {},
  values,
}: {
  ctx: PageContext;
  org: { slug: string; name: string };
  view: OrgAssessmentView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const a = view.assessment;
  const base = `/orgs/${org.slug}/standards/assessments/${a.id}`;
  const crumbs = (
    <Breadcrumbs
      items={[
        { href: `/orgs/${org.slug}`, label: org.name },
        { href: `/orgs/${org.slug}/standards`, label: 'Standards' },
      ]}
    />
  );
  const title = a.status === 'draft' ? 'Your self-assessment' : 'Your sent self-assessment';
  const hasErrors = Object.keys(errors).length > 0;
  if (a.status !== 'draft') {
    return (
      <Layout ctx={ctx} title={title} before={crumbs}>
        <h1>{title}</h1>
        <p class="lede">
          Sent on {a.submittedAt ? formatDate(a.submittedAt) : ''} against version {a.frameworkVersion} of the
          standards. {a.status === 'submitted' && 'Peer researchers are reviewing it.'}
        </p>
        {a.decision && (
          <section aria-labelledby="decision">
            <h2 id="decision">The panel’s decision</h2>
            <DecisionReadout decision={a.decision} />
            {!a.decision.response && (
              <form method="post" action={`${base}/response`} novalidate>
                <ErrorSummary errors={errors} />
                <CsrfField token={ctx.csrfToken()} />
                <TextArea
                  name="response"
                  label="Your response (optional)"
                  hint="Anything you want the network to know about this decision."
                  value={values?.response}
                  error={errors.response}
                />
                <Button variant="secondary">Send your response</Button>
              </form>
            )}
          </section>
        )}
        {a.liveFigures && (
          <section aria-labelledby="figures">
            <h2 id="figures">Figures sent with it</h2>
            <FiguresCaption figures={a.liveFigures} />
            <LiveFiguresList figures={a.liveFigures} />
          </section>
        )}
        <h2>What you sent</h2>
        <AssessmentReadout assessment={a} fileHref={(id) => `${base}/files/${id}`} />
      </Layout>
    );
  }
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <Layout ctx={ctx} title={hasErrors ? `Error: ${title}` : title} before={crumbs}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lede">
        For each standard, choose the level that fits you best today, say what you do, and add any evidence. Save it as
        often as you like; nothing is sent until you choose “Send for peer review”.
      </p>
      {view.preview && (
        <details class="details">
          <summary>Figures from the platform that will be sent with it</summary>
          <FiguresCaption figures={view.preview} />
          <LiveFiguresList figures={view.preview} />
          <p class="hint">They are fixed at the moment you send, so reviewers see what you saw.</p>
        </details>
      )}
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        {a.definition.standards.map((s) => {
          const ans = a.answers[s.key]!;
          return (
            <fieldset class="standard-block">
              <legend>
                <h2 class="fieldset-heading">{standardHeading(s)}</h2>
              </legend>
              <StandardDetails standard={s} />
              <Radios
                name={`level_${s.key}`}
                label="Which level fits you best today?"
                options={levelOptions.map((o) => ({ ...o, hint: s.levels[o.value] }))}
                value={v(`level_${s.key}`, ans.level ?? '')}
                error={errors[`level_${s.key}`]}
              />
              <TextArea
                name={`narrative_${s.key}`}
                label="What you do (optional)"
                value={v(`narrative_${s.key}`, ans.narrative)}
                error={errors[`narrative_${s.key}`]}
              />
              <TextArea
                name={`links_${s.key}`}
                label="Links to evidence (optional)"
                hint="One web address per line."
                rows={2}
                value={v(`links_${s.key}`, ans.links.join('\n'))}
                error={errors[`links_${s.key}`]}
              />
              {ans.files.length > 0 && (
                <ul class="plain-list">
                  {ans.files.map((f) => (
                    <li>
                      File: <a href={`${base}/files/${f.id}`}>{f.filename}</a>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          );
        })}
        <div class="button-group">
          <Button variant="secondary" name="action" value="save">
            Save as draft
          </Button>
          <Button name="action" value="submit">
            Send for peer review
          </Button>
        </div>
      </form>
      <h2>Add an evidence file</h2>
      <form
        method="post"
        action={`${base}/files?_csrf=${encodeURIComponent(ctx.csrfToken())}`}
        enctype="multipart/form-data"
        novalidate
      >
        <Select
          name="standard"
          label="Which standard is it evidence for?"
          options={a.definition.standards.map((s) => ({ value: s.key, label: standardHeading(s) }))}
          error={errors.standard}
        />
        <div class={errors.file ? 'field field-error' : 'field'}>
          <label class="label" for="f-file">
            File
          </label>
          <p class="hint" id="f-file-hint">
            A PDF, a Word document (.docx), or a PNG or JPEG picture, up to {MAX_EVIDENCE_BYTES / 1024 / 1024} MB. Save
            your answers first: adding a file reloads this page.
          </p>
          {errors.file && (
            <p class="error-message" id="f-file-error">
              <span class="visually-hidden">Error:</span> {errors.file}
            </p>
          )}
          <input
            type="file"
            id="f-file"
            name="file"
            accept=".pdf,.docx,.png,.jpg,.jpeg"
            aria-describedby={errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
          />
        </div>
        <Button variant="secondary">Add the file</Button>
      </form>
    </Layout>
  );
}
