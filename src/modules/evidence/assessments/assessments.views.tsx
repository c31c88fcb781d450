// Pages for questionnaires: staff entry (one questionnaire per page), the link and QR code made
// for self-completion, and the pages a participant sees when they follow their link.
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Button,
  Checkboxes,
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
import { HelpNow, type HelpNowLine } from '../../../ui/help-now.tsx';
import type { MeasureProgress } from '../domain/progress.ts';
import { ProgressSection } from '../participants/progress.views.tsx';

type Values = Record<string, string>;

function Questions({
  definition,
  errors,
  values,
  alone = false,
}: {
  definition: InstrumentDefinition;
  errors: FieldErrors;
  values: Values;
  /** Filled in by the person themselves: spoken to them, with "Question 4 of 10". */
  alone?: boolean;
}) {
  const instructions = alone
    ? (SELF_COMPLETION_OPENINGS[definition.key] ?? definition.instructions)
    : definition.instructions;
  const total = definition.items.length;
  return (
    <>
      {instructions && <p>{instructions}</p>}
      {definition.recall_period && <p>Think about {definition.recall_period}.</p>}
      {definition.items.map((item, i) => (
        <AnswerScale
          item={item}
          number={i + 1}
          of={alone && total > 1 ? total : undefined}
          value={values[item.key]}
          error={errors[item.key]}
        />
      ))}
    </>
  );
}

/**
 * Openings for people answering on their own, where a questionnaire's published instructions
 * are an interviewer's script ("Next I would like to ask you…"). Our words, not the
 * questionnaire's: the questions themselves are never reworded.
 */
const SELF_COMPLETION_OPENINGS: Record<string, string> = {
  ons4: 'There are four questions here about how you feel about your life. There are no right or wrong answers. Answer each one from 0 to 10, where 0 is “not at all” and 10 is “completely”.',
};

export const SELF_COMPLETION_SCRIPT = '/evidence/assets/self-completion.js';

function Attribution({ definition }: { definition: InstrumentDefinition }) {
  return <p class="hint">{definition.licence.attribution}</p>;
}

export interface AssessmentEntryView {
  org: OrgTarget;
  participant: { id: string; code: string; firstName: string };
  definition: InstrumentDefinition;
  /** Set when the form corrects a questionnaire already recorded, rather than adding one. */
  correcting?: { assessmentId: string };
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
      <h1>{view.correcting ? `Correct ${definition.short_name}` : definition.name}</h1>
      {view.correcting && (
        <p>Change what was recorded wrongly. The scores are worked out again from the answers when you save.</p>
      )}
      <form
        method="post"
        action={
          view.correcting
            ? `${base}/assessments/${view.correcting.assessmentId}/correct`
            : `${base}/assessments?instrument=${encodeURIComponent(definition.key)}`
        }
        novalidate
      >
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
        <Button>{view.correcting ? 'Save the corrections' : `Save ${definition.short_name}`}</Button>
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
  /** The link's secret, carried by the "send it by email" form (it is shown only this once). */
  token: string;
  expiresAt: Date;
  qrDataUrl: string;
}

export function LinkCreatedPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: LinkCreatedView;
  errors?: FieldErrors;
  values?: Values;
}) {
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
      <ErrorSummary errors={errors} />
      <h1>
        {view.instrumentName} link for {view.participant.code}
      </h1>
      <p>
        Let them scan the code with their phone's camera, send it to them by email, or copy the link into a message. It
        works once, until {ukDate(view.expiresAt)}.
      </p>
      <img
        class="qr"
        src={view.qrDataUrl}
        alt={`QR code for the ${view.instrumentName} link`}
        width={256}
        height={256}
      />
      <p class="link-box" id="completion-link">
        {view.url}
      </p>
      <p>
        <button type="button" class="button button-secondary" data-copy-target="completion-link" hidden>
          Copy the link
        </button>
      </p>
      <p class="hint" data-copy-status aria-live="polite"></p>
      <h2 id="send">Send it by email</h2>
      <form method="post" action={`${base}/links/email`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <input type="hidden" name="token" value={view.token} />
        <TextInput
          name="email"
          label="Their email address"
          hint="We send the link and nothing else, and we don’t keep the address."
          type="email"
          autocomplete="off"
          value={values.email}
          error={errors.email}
        />
        <Button variant="secondary">Send the link</Button>
      </form>
      <NotificationBanner kind="info" title="This is the only time the link is shown">
        <p>We keep only a scrambled copy, so nobody can read it back later. If it gets lost, make a new one.</p>
      </NotificationBanner>
      <p>
        <a href={base}>Back to {view.participant.code}</a>
      </p>
      <script src={SELF_COMPLETION_SCRIPT} defer />
    </EvidenceLayout>
  );
}

export function LinkEmailedPage({
  ctx,
  org,
  participant,
  sentTo,
}: {
  ctx: PageContext;
  org: OrgTarget;
  participant: { id: string; code: string };
  /** The address, partly hidden: "s•••@example.com". */
  sentTo: string;
}) {
  const base = `/orgs/${org.slug}/participants/${participant.id}`;
  return (
    <EvidenceLayout
      ctx={ctx}
      title="Link sent"
      crumbs={orgCrumbs(
        org,
        { href: `/orgs/${org.slug}/participants`, label: 'Participants' },
        { href: base, label: participant.code },
      )}
    >
      <h1>The link is on its way</h1>
      <p>
        We have emailed it to {sentTo}. If it doesn’t arrive in a few minutes, ask them to look in their junk mail, or
        make a new link.
      </p>
      <p>
        <a href={base}>Back to {participant.code}</a>
      </p>
    </EvidenceLayout>
  );
}

export function CompletePage({
  ctx,
  token,
  keepKey,
  orgName,
  definition,
  helpNow,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  token: string;
  /** Names the answers kept on the participant's device (not the link's secret). */
  keepKey: string;
  orgName: string;
  definition: InstrumentDefinition;
  helpNow: readonly HelpNowLine[];
  errors?: FieldErrors;
  values?: Values;
}) {
  return (
    <EvidenceLayout ctx={ctx} title={definition.short_name}>
      <ErrorSummary errors={errors} order={definition.items.map((i) => i.key)} />
      <span class="caption">For {orgName}</span>
      <h1>{definition.name}</h1>
      <p>It takes a couple of minutes. Your answers go only to {orgName}. You can use this page once.</p>
      <form method="post" action={`/complete/${token}`} novalidate data-keep-answers={keepKey}>
        <CsrfField token={ctx.csrfToken()} />
        <Questions definition={definition} errors={errors} values={values} alone />
        <Checkboxes
          name="show_progress"
          label="After sending"
          options={[
            {
              value: 'yes',
              label: 'Show me how my answers compare with my earlier ones',
              hint: 'Only on the next page, once. Nobody else sees it there.',
            },
          ]}
          checked={(v) => values?.show_progress === v}
        />
        <Button>Send my answers</Button>
      </form>
      <Attribution definition={definition} />
      <HelpNow lines={helpNow} />
      <script src={SELF_COMPLETION_SCRIPT} defer />
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

export function CompleteDonePage({
  ctx,
  orgName,
  keepKey,
  helpNow,
  progress,
}: {
  ctx: PageContext;
  orgName: string;
  keepKey: string;
  helpNow: readonly HelpNowLine[];
  /** Shown only when they asked for it, in this one answer to their form. */
  progress?: readonly MeasureProgress[];
}) {
  return (
    <EvidenceLayout ctx={ctx} title="Thank you">
      <h1>Thank you</h1>
      <p data-clear-answers={keepKey}>Your answers have been sent to {orgName}. You can close this page now.</p>
      {progress && progress.length > 0 && (
        <>
          <h2>How your answers compare</h2>
          <p>
            Here is each of your scores, from your first time to today. Scores go up and down for many reasons: if you
            want to talk about yours, {orgName} is there.
          </p>
          <ProgressSection progress={progress} idPrefix="yours" />
          <p class="hint">This is shown once. If you close or reload this page, it will not be shown again.</p>
        </>
      )}
      <HelpNow lines={helpNow} />
      <script src={SELF_COMPLETION_SCRIPT} defer />
    </EvidenceLayout>
  );
}
