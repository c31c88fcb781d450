// Joining the network: the public expression-of-interest form, and the coordinators' review
// queue with one page per application.
import { formatDateTime } from '../../ui/format.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Radios,
  SummaryList,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { SafeLink } from './directory.fields.tsx';
import { APPLICATION_FIELD_ORDER } from './directory.schemas.ts';
import type { ApplicationEventKind, ApplicationStatus } from './domain/application-states.ts';

const when = formatDateTime;

export const APPLICATION_STATUS_LABEL: Record<ApplicationStatus, string> = {
  waiting: 'Waiting for review',
  questioned: 'Question asked',
  approved: 'Approved',
  declined: 'Declined',
};

export function JoinPage({
  ctx,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <Layout ctx={ctx} title={Object.keys(errors).length ? 'Error: Join the network' : 'Join the network'}>
      <ErrorSummary errors={errors} order={APPLICATION_FIELD_ORDER} />
      <h1>Join the network</h1>
      <p class="lede">
        The network is for lived experience recovery organisations, and for people who want to support them. Tell us
        about yourself and a coordinator will be in touch.
      </p>
      <p>We only use these details to consider your application and to write to you about it.</p>
      <form method="post" action="/join" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Radios
          name="kind"
          label="Are you applying for an organisation, or as an individual?"
          value={values.kind}
          error={errors.kind}
          options={[
            {
              value: 'organisation',
              label: 'For an organisation',
              hint: 'A group, café, charity or project led by people with lived experience of recovery.',
            },
            {
              value: 'individual',
              label: 'As a supporting individual',
              hint: 'Someone who wants to support the network.',
            },
          ]}
        />
        <TextInput
          name="org_name"
          label="Name of your organisation (if applying for one)"
          value={values.org_name}
          error={errors.org_name}
        />
        <TextInput
          name="contact_name"
          label="Your name"
          value={values.contact_name}
          error={errors.contact_name}
          autocomplete="name"
          width="medium"
        />
        <TextInput
          name="email"
          label="Your email address"
          type="email"
          value={values.email}
          error={errors.email}
          autocomplete="email"
          spellcheck={false}
          width="medium"
        />
        <TextInput
          name="phone"
          label="Phone number (optional)"
          type="tel"
          value={values.phone}
          error={errors.phone}
          autocomplete="tel"
          width="medium"
        />
        <TextInput
          name="postcode"
          label="Postcode where you are based"
          hint="Or just the first part, like LS6. We only keep the first part."
          value={values.postcode}
          error={errors.postcode}
          autocomplete="postal-code"
          width="short"
        />
        <TextInput name="town" label="Town or city (optional)" value={values.town} error={errors.town} width="medium" />
        <TextArea
          name="what_you_do"
          label="What do you do?"
          hint="For example: a weekly peer support group and a recovery café on Saturdays."
          value={values.what_you_do}
          error={errors.what_you_do}
        />
        <TextArea
          name="lived_experience"
          label="How does lived experience lead your organisation?"
          hint="Required for organisations. For example: who runs it, and how people in recovery shape what you do."
          value={values.lived_experience}
          error={errors.lived_experience}
        />
        <TextInput
          name="website"
          label="Website or social media page (optional)"
          type="url"
          value={values.website}
          error={errors.website}
          spellcheck={false}
        />
        <div class={errors.consent ? 'field field-error' : 'field'}>
          {errors.consent && (
            <p class="error-message" id="f-consent-error">
              <span class="visually-hidden">Error:</span> {errors.consent}
            </p>
          )}
          <div class="radio">
            <input
              type="checkbox"
              id="f-consent"
              name="consent"
              value="yes"
              checked={values.consent === 'yes'}
              aria-describedby={errors.consent ? 'f-consent-error' : undefined}
            />
            <label for="f-consent">
              I agree that the network may keep these details to consider this application, and email me about it.
            </label>
          </div>
        </div>
        <Button>Send expression of interest</Button>
      </form>
    </Layout>
  );
}

export function JoinThanksPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Thank you">
      <h1>Thank you</h1>
      <p class="lede">We have your expression of interest, and we've sent you an email to confirm it.</p>
      <p>A network coordinator will read it and reply by email, usually within two weeks.</p>
      <p>
        <a href="/our-network">See the network</a>
      </p>
    </Layout>
  );
}

export interface QueueRow {
  id: string;
  who: string;
  kind: string;
  where: string;
  status: ApplicationStatus;
  at: Date;
}

export function ApplicationsPage({ ctx, open, decided }: { ctx: PageContext; open: QueueRow[]; decided: QueueRow[] }) {
  const columns = [
    { header: 'Who', cell: (r: QueueRow) => <a href={`/network/applications/${r.id}`}>{r.who}</a> },
    { header: 'Kind', cell: (r: QueueRow) => r.kind },
    { header: 'Where', cell: (r: QueueRow) => r.where },
    { header: 'Status', cell: (r: QueueRow) => APPLICATION_STATUS_LABEL[r.status] },
    { header: 'Since', cell: (r: QueueRow) => when(r.at) },
  ];
  return (
    <Layout
      ctx={ctx}
      title="Applications to join"
      before={<Breadcrumbs items={[{ href: '/network', label: 'The network' }]} />}
    >
      <h1>Applications to join</h1>
      <Table
        caption={`Waiting for a decision (${open.length})`}
        empty="No applications are waiting. Well done."
        columns={columns}
        rows={open}
      />
      <h2>Decided recently</h2>
      <Table caption="The last 100 decisions" empty="None yet." columns={columns} rows={decided} />
    </Layout>
  );
}

export interface ApplicationView {
  id: string;
  kind: 'organisation' | 'individual';
  orgName: string;
  contactName: string;
  email: string;
  phone: string;
  where: string;
  whatYouDo: string;
  livedExperience: string;
  website: string;
  status: ApplicationStatus;
  orgSlug: string | undefined;
  history: { kind: ApplicationEventKind; message: string; at: Date; actor: string }[];
}

const EVENT_LABEL: Record<ApplicationEventKind, string> = {
  submitted: 'Sent',
  question: 'Question asked',
  approved: 'Approved',
  declined: 'Declined',
};

export function ApplicationPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: ApplicationView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const open = view.status === 'waiting' || view.status === 'questioned';
  const title = view.kind === 'organisation' ? view.orgName : view.contactName;
  return (
    <Layout
      ctx={ctx}
      title={`Application: ${title}`}
      before={
        <Breadcrumbs
          items={[
            { href: '/network', label: 'The network' },
            { href: '/network/applications', label: 'Applications to join' },
          ]}
        />
      }
    >
      <ErrorSummary errors={errors} order={['message', 'reason']} />
      <span class="caption">{view.kind === 'organisation' ? 'Organisation' : 'Supporting individual'}</span>
      <h1>{title}</h1>
      <SummaryList
        items={[
          { key: 'Status', value: APPLICATION_STATUS_LABEL[view.status] },
          ...(view.orgSlug
            ? [{ key: 'Organisation', value: <a href={`/network/orgs/${view.orgSlug}`}>See the organisation</a> }]
            : []),
          { key: 'Contact', value: view.contactName },
          { key: 'Email', value: view.email },
          ...(view.phone ? [{ key: 'Phone', value: view.phone }] : []),
          { key: 'Where', value: view.where },
          { key: 'What they do', value: view.whatYouDo },
          ...(view.livedExperience ? [{ key: 'Lived experience', value: view.livedExperience }] : []),
          ...(view.website ? [{ key: 'Website', value: <SafeLink href={view.website} /> }] : []),
        ]}
      />
      <h2>History</h2>
      <Table
        caption="What has happened so far"
        columns={[
          { header: 'When', cell: (e: ApplicationView['history'][number]) => when(e.at) },
          { header: 'What', cell: (e) => EVENT_LABEL[e.kind] },
          { header: 'Who', cell: (e) => e.actor },
          { header: 'Message', cell: (e) => e.message },
        ]}
        rows={view.history}
      />
      {open && (
        <>
          <h2>Approve</h2>
          <p>{approveSentence(view)}</p>
          <p>
            <a href={`/network/applications/${view.id}/approve`} class="button button-primary">
              Approve<span class="visually-hidden"> {title}</span>
            </a>
          </p>
          <h2>Ask a question</h2>
          <form method="post" action={`/network/applications/${view.id}/question`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <TextArea
              name="message"
              label="Your question"
              hint="We email it to the applicant; they reply by email."
              value={values.message}
              error={errors.message}
            />
            <Button variant="secondary">Send question</Button>
          </form>
          <h2>Decline</h2>
          <p>
            <a href={`/network/applications/${view.id}/decline`} class="button button-warning">
              Decline<span class="visually-hidden"> {title}</span>
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

const approveSentence = (view: ApplicationView) =>
  view.kind === 'organisation'
    ? `This adds ${view.orgName} to the network as a member, and emails ${view.email} an invitation to be its lead.`
    : `This welcomes ${view.contactName} as a supporter of the network, by email to ${view.email}.`;
const titleOf = (view: ApplicationView) => (view.kind === 'organisation' ? view.orgName : view.contactName);
const applicationCrumbs = (view: ApplicationView) => (
  <Breadcrumbs
    items={[
      { href: '/network', label: 'The network' },
      { href: '/network/applications', label: 'Applications to join' },
      { href: `/network/applications/${view.id}`, label: titleOf(view) },
    ]}
  />
);

/** Asks before approving: approval creates a member organisation and sends an invitation. */
export function ApproveApplicationPage({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  return (
    <Layout ctx={ctx} title={`Approve ${titleOf(view)}`} before={applicationCrumbs(view)}>
      <h1>Approve {titleOf(view)}?</h1>
      <p class="lede">{approveSentence(view)}</p>
      <form method="post" action={`/network/applications/${view.id}/approve`}>
        <CsrfField token={ctx.csrfToken()} />
        <div class="button-row">
          <Button>Yes, approve</Button>
          <a href={`/network/applications/${view.id}`}>No, go back</a>
        </div>
      </form>
    </Layout>
  );
}

/** Asks before declining, with the reason that will be emailed. */
export function DeclineApplicationPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: ApplicationView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <Layout ctx={ctx} title={`Decline ${titleOf(view)}`} before={applicationCrumbs(view)}>
      <ErrorSummary errors={errors} order={['reason']} />
      <h1>Decline {titleOf(view)}?</h1>
      <p class="lede">
        The application is closed and cannot be reopened. We email your reason to {view.email}; they can apply again
        later.
      </p>
      <form method="post" action={`/network/applications/${view.id}/decline`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextArea
          name="reason"
          label="Reason"
          hint="Write it kindly: they will read it."
          value={values.reason}
          error={errors.reason}
        />
        <div class="button-row">
          <Button variant="warning">Yes, decline</Button>
          <a href={`/network/applications/${view.id}`}>No, go back</a>
        </div>
      </form>
    </Layout>
  );
}
