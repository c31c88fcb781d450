// Pages for questionnaires: staff entry (one questionnaire per page), the link and QR code made
// for self-completion, and the pages a participant sees when they follow their link.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Radios,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import type { InstrumentDefinition } from '../domain/instrument-definition.ts';
import { AnswerScale, EvidenceLayout, orgCrumbs, ukDate } from '../evidence.ui.tsx';
import { TIME_POINTS } from '../evidence.schemas.ts';
import { todayInUk } from '../../../platform/time.ts';

type Values = Record<string, string>;

function Questions({
  definition,
  errors,
  values,
}: {
  definition: InstrumentDefinition;
  errors: FieldErrors;
  values: Values;
}) {
  return (
    <>
      {definition.instructions && <p>{definition.instructions}</p>}
      {definition.recall_period && <p>Think about {definition.recall_period}.</p>}
      {definition.items.map((item, i) => (
        <AnswerScale item={item} number={i + 1} value={values[item.key]} error={errors[item.key]} />
      ))}
    </>
  );
}

function Attribution({ definition }: { definition: InstrumentDefinition }) {
  return <p class="hint">{definition.licence.attribution}</p>;
}

export interface AssessmentEntryView {
  org: OrgTarget;
  participant: { id: string; code: string; firstName: string };
  definition: InstrumentDefinition;
}

export function AssessmentEntryPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: AssessmentEntryView;
  errors?: FieldErrors;
  values?: Values;
}) {
  const { org, participant: p, definition } = view;
  const base = `/orgs/${org.slug}/participants/${p.id}`;
  const order = ['assessed_on', 'time_point', 'time_point_other', ...definition.items.map((i) => i.key)];
  return (
    <EvidenceLayout
      ctx={ctx}
      title={`${definition.short_name} for ${p.code}`}
      crumbs={orgCrumbs(
        org,
        { href: `/orgs/${org.slug}/participants`, label: 'Participants' },
        { href: base, label: p.code },
      )}
    >
      <ErrorSummary errors={errors} order={order} />
      <span class="caption">
        {p.code}
        {p.firstName && ` – ${p.firstName}`}
      </span>
      <h1>{definition.name}</h1>
      <form method="post" action={`${base}/assessments?instrument=${encodeURIComponent(definition.key)}`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="assessed_on"
          label="Date filled in"
          hint="For example 27/03/2026"
          type="date"
          value={values.assessed_on ?? todayInUk()}
          error={errors.assessed_on}
          width="short"
        />
        <Radios
          name="time_point"
          label="Time point"
          options={[{ value: 'none', label: 'None' }, ...TIME_POINTS]}
          value={values.time_point ?? 'none'}
          error={errors.time_point}
          inline
        />
        <TextInput
          name="time_point_other"
          label="If something else, what?"
          hint="For example 3 months"
          value={values.time_point_other}
          error={errors.time_point_other}
          width="short"
        />
        <Questions definition={definition} errors={errors} values={values} />
        <Button>Save {definition.short_name}</Button>
      </form>
      <Attribution definition={definition} />
    </EvidenceLayout>
  );
}

export interface LinkCreatedView {
  org: OrgTarget;
  participant: { id: string; code: string };
  instrumentName: string;
  url: string;
  expiresAt: Date;
  qrDataUrl: string;
}

export function LinkCreatedPage({ ctx, view }: { ctx: PageContext; view: LinkCreatedView }) {
  const base = `/orgs/${view.org.slug}/participants/${view.participant.id}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title="Link ready"
      crumbs={orgCrumbs(
        view.org,
        { href: `/orgs/${view.org.slug}/participants`, label: 'Participants' },
        { href: base, label: view.participant.code },
      )}
    >
      <h1>
        {view.instrumentName} link for {view.participant.code}
      </h1>
      <p>
        Let them scan the code with their phone's camera, or send them the link. It works once, until{' '}
        {ukDate(view.expiresAt)}.
      </p>
      <img
        class="qr"
        src={view.qrDataUrl}
        alt={`QR code for the ${view.instrumentName} link`}
        width={256}
        height={256}
      />
      <p class="link-box">{view.url}</p>
      <NotificationBanner kind="info" title="This is the only time the link is shown">
        <p>We keep only a scrambled copy, so nobody can read it back later. If it gets lost, make a new one.</p>
      </NotificationBanner>
      <p>
        <a href={base}>Back to {view.participant.code}</a>
      </p>
    </EvidenceLayout>
  );
}

export function CompletePage({
  ctx,
  token,
  orgName,
  definition,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  token: string;
  orgName: string;
  definition: InstrumentDefinition;
  errors?: FieldErrors;
  values?: Values;
}) {
  return (
    <EvidenceLayout ctx={ctx} title={definition.short_name}>
      <ErrorSummary errors={errors} order={definition.items.map((i) => i.key)} />
      <span class="caption">For {orgName}</span>
      <h1>{definition.name}</h1>
      <p>It takes a couple of minutes. Your answers go only to {orgName}. You can use this page once.</p>
      <form method="post" action={`/complete/${token}`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Questions definition={definition} errors={errors} values={values} />
        <Button>Send my answers</Button>
      </form>
      <Attribution definition={definition} />
    </EvidenceLayout>
  );
}

const REFUSED: Record<'used' | 'expired' | 'missing', { title: string; text: string }> = {
  used: {
    title: 'This link has already been used',
    text: 'Each link works once. If you need to fill it in again, ask the person who gave it to you for a new one.',
  },
  expired: {
    title: 'This link has run out',
    text: 'Links work for 7 days. Ask the person who gave it to you for a new one.',
  },
  missing: {
    title: 'This link doesn’t work',
    text: 'Check it was copied in full, or ask the person who gave it to you for a new one.',
  },
};

export function CompleteRefusedPage({ ctx, state }: { ctx: PageContext; state: 'used' | 'expired' | 'missing' }) {
  return (
    <EvidenceLayout ctx={ctx} title={REFUSED[state].title}>
      <h1>{REFUSED[state].title}</h1>
      <p>{REFUSED[state].text}</p>
    </EvidenceLayout>
  );
}

export function CompleteDonePage({ ctx, orgName }: { ctx: PageContext; orgName: string }) {
  return (
    <EvidenceLayout ctx={ctx} title="Thank you">
      <h1>Thank you</h1>
      <p>Your answers have been sent to {orgName}. You can close this page now.</p>
    </EvidenceLayout>
  );
}
