// Consortium bid pages: the organisation's bids, opening one, the shared bid page (partners,
// budget, tasks, documents with sign-off, notes, exports) and the invitation.
import type { PageContext } from '../../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Select,
  SummaryList,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../../ui/components.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { formatMoney } from '../domain/money.ts';
import type { BidView } from './bid.pages.ts';

const STANDING: Record<string, string> = {
  lead: 'Leading',
  invited: 'Invited',
  accepted: 'Partner',
  declined: 'Declined',
};
const STATUS: Record<string, string> = {
  drafting: 'Drafting',
  submitted: 'Sent to the funder',
  won: 'Won',
  lost: 'Not funded',
};

export interface BidListItem {
  id: string;
  title: string;
  total: string;
  status: string;
  standing: string;
  role: string;
  leadName: string;
}

export function BidListPage({
  ctx,
  org,
  bids,
  opportunities,
  chosenOpportunity = '',
}: {
  ctx: PageContext;
  org: OrgTarget;
  bids: BidListItem[];
  opportunities: { id: string; label: string }[];
  chosenOpportunity?: string;
}) {
  const token = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title={`Bids: ${org.name}`}
      before={
        <Breadcrumbs
          items={[
            { href: `/orgs/${org.slug}`, label: org.name },
            { href: `/orgs/${org.slug}/funding`, label: 'Funding' },
          ]}
        />
      }
    >
      <h1>Bidding together</h1>
      <p class="lede">
        Small groups can win together what none could alone. Lead a bid and invite other members, or answer an
        invitation.
      </p>
      <Table
        caption="Bids you are part of"
        empty="You are not part of any bid yet."
        rows={bids}
        columns={[
          { header: 'Bid', cell: (b) => <a href={`/orgs/${org.slug}/funding/bids/${b.id}`}>{b.title}</a> },
          { header: 'Led by', cell: (b) => b.leadName },
          { header: 'You', cell: (b) => STANDING[b.standing] ?? b.standing },
          { header: 'Stage', cell: (b) => STATUS[b.status] ?? b.status },
          { header: 'Total', cell: (b) => b.total, numeric: true },
        ]}
      />
      <h2>Open a new bid</h2>
      <OpenBidForm
        token={token}
        org={org}
        opportunities={opportunities}
        values={chosenOpportunity ? { opportunity: chosenOpportunity } : {}}
      />
    </Layout>
  );
}

export function OpenBidForm({
  token,
  org,
  opportunities,
  errors = {},
  values = {},
}: {
  token: string;
  org: OrgTarget;
  opportunities: { id: string; label: string }[];
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <form method="post" action={`/orgs/${org.slug}/funding/bids`} novalidate>
      <CsrfField token={token} />
      <ErrorSummary errors={errors} order={['title', 'total', 'opportunity', 'role', 'summary']} />
      <TextInput name="title" label="What the bid is called" value={values.title} error={errors.title} />
      <TextInput
        name="total"
        label="Total you will ask for, in pounds"
        hint="For example 45,000"
        value={values.total}
        error={errors.total}
        width="short"
        inputMode="decimal"
      />
      <Select
        name="opportunity"
        label="The funding opportunity (optional)"
        options={[
          { value: '', label: 'Not on the board' },
          ...opportunities.map((o) => ({ value: o.id, label: o.label })),
        ]}
        value={values.opportunity}
        error={errors.opportunity}
      />
      <TextInput
        name="role"
        label="Your role in it"
        hint="For example: lead partner, accountable body"
        value={values.role ?? 'Lead partner'}
        error={errors.role}
      />
      <TextArea
        name="summary"
        label="What the bid is for (optional)"
        value={values.summary}
        error={errors.summary}
        rows={4}
      />
      <Button>Open the bid</Button>
    </form>
  );
}

export function InvitationPage({
  ctx,
  org,
  inv,
}: {
  ctx: PageContext;
  org: OrgTarget;
  inv: { id: string; title: string; summary: string; total: string; leadName: string; role: string };
}) {
  const token = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title={`Invitation: ${inv.title}`}
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}/funding/bids`, label: 'Bids' }]} />}
    >
      <h1>{inv.leadName} invites you to bid together</h1>
      <SummaryList
        items={[
          { key: 'Bid', value: inv.title },
          { key: 'Total', value: inv.total },
          { key: 'Your role', value: inv.role || 'Not named yet' },
          { key: 'What it is for', value: inv.summary || 'Not written yet' },
        ]}
      />
      <p>
        If you accept, you will see the whole bid, add your budget line, tasks and documents, and sign off what you
        stand behind.
      </p>
      <form method="post" action={`/orgs/${org.slug}/funding/bids/${inv.id}/respond`} class="button-row">
        <CsrfField token={token} />
        <Button name="answer" value="accept">
          Accept and join the bid
        </Button>
        <Button name="answer" value="decline" variant="secondary">
          Decline
        </Button>
      </form>
    </Layout>
  );
}

export function BidPage({
  ctx,
  org,
  v,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  org: OrgTarget;
  v: BidView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const token = ctx.csrfToken();
  const base = `/orgs/${org.slug}/funding/bids/${v.bid.id}`;
  const lead = v.standing === 'lead';
  const cur = v.bid.currency;
  const working = v.partners.filter((p) => p.status === 'lead' || p.status === 'accepted');
  const balanced = v.budgetTotal === v.bid.total_pence;
  return (
    <Layout
      ctx={ctx}
      title={v.bid.title}
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}/funding/bids`, label: 'Bids' }]} />}
    >
      <h1>{v.bid.title}</h1>
      <ErrorSummary errors={errors} />
      <SummaryList
        items={[
          { key: 'Led by', value: v.leadName },
          { key: 'Total', value: formatMoney(v.bid.total_pence, cur) },
          { key: 'Stage', value: STATUS[v.bid.status] ?? v.bid.status },
          {
            key: 'Running costs of the work',
            value:
              v.bid.running_costs_pence === null
                ? 'Not entered yet: the social value has no value-for-money figure without them'
                : formatMoney(v.bid.running_costs_pence, cur),
          },
          { key: 'What it is for', value: v.bid.summary || 'Not written yet' },
        ]}
      />
      <p class="button-row">
        <a href={`${base}/pack.pdf`}>Download the combined evidence pack (PDF)</a> ·{' '}
        <a href={`${base}/pack.docx`}>combined evidence pack (Word)</a> ·{' '}
        <a href={`${base}/summary.pdf`}>bid summary (PDF)</a> · <a href={`${base}/summary.docx`}>bid summary (Word)</a>
      </p>

      <section aria-labelledby="partners">
        <h2 id="partners">Partners</h2>
        <Table
          caption="Partners and their roles"
          rows={v.partners}
          columns={[
            { header: 'Organisation', cell: (p) => p.name },
            { header: 'Role', cell: (p) => p.role || '–' },
            { header: 'Status', cell: (p) => STANDING[p.status] ?? p.status },
          ]}
        />
        {lead && (
          <form method="post" action={`${base}/partners`} novalidate>
            <CsrfField token={token} />
            <h3>Invite a partner</h3>
            {v.invitable.length === 0 ? (
              <p>Every member organisation is already in this bid.</p>
            ) : (
              <>
                <Select
                  name="partner"
                  label="Member organisation"
                  options={[
                    { value: '', label: 'Choose an organisation' },
                    ...v.invitable.map((o) => ({ value: o.slug, label: o.name })),
                  ]}
                  value={values.partner}
                  error={errors.partner}
                />
                <TextInput
                  name="role"
                  label="Their role"
                  hint="For example: delivery partner in Leeds"
                  value={values.role}
                  error={errors.role}
                />
                <Button variant="secondary">Send the invitation</Button>
              </>
            )}
          </form>
        )}
      </section>

      <section aria-labelledby="budget">
        <h2 id="budget">Budget</h2>
        <p>
          {balanced
            ? `The partners' lines add up to the total of ${formatMoney(v.bid.total_pence, cur)}.`
            : `The partners' lines add up to ${formatMoney(v.budgetTotal, cur)}; the total is ${formatMoney(v.bid.total_pence, cur)}. They must match before the budget is saved.`}
        </p>
        {lead ? (
          <form method="post" action={`${base}/budget`} novalidate>
            <CsrfField token={token} />
            {errors.budget && (
              <p class="error-message" id="f-budget">
                <span class="visually-hidden">Error:</span> {errors.budget}
              </p>
            )}
            {working.map((p) => (
              <fieldset class="fieldset">
                <legend>{p.name}</legend>
                <TextInput
                  name={`description_${p.orgId}`}
                  label="What the money is for"
                  value={values[`description_${p.orgId}`] ?? p.lineDescription}
                />
                <TextInput
                  name={`amount_${p.orgId}`}
                  label="Amount, in pounds"
                  width="short"
                  inputMode="decimal"
                  value={values[`amount_${p.orgId}`] ?? (p.linePence === null ? '' : (p.linePence / 100).toFixed(2))}
                  error={errors[`amount_${p.orgId}`]}
                />
              </fieldset>
            ))}
            <Button>Save the budget</Button>
          </form>
        ) : (
          <Table
            caption="Budget lines"
            rows={working}
            columns={[
              { header: 'Partner', cell: (p) => p.name },
              { header: 'For', cell: (p) => p.lineDescription || '–' },
              {
                header: 'Amount',
                cell: (p) => (p.linePence === null ? '–' : formatMoney(p.linePence, cur)),
                numeric: true,
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="tasks">
        <h2 id="tasks">Tasks</h2>
        <Table
          caption="Tasks"
          empty="No tasks yet."
          rows={v.tasks}
          columns={[
            { header: 'Task', cell: (t) => (t.done ? <s>{t.title}</s> : t.title) },
            { header: 'Owner', cell: (t) => t.owner },
            { header: 'Due', cell: (t) => t.due_on ?? '–' },
            {
              header: 'Done',
              cell: (t) => (
                <form method="post" action={`${base}/tasks/${t.id}`}>
                  <CsrfField token={token} />
                  <input type="hidden" name="done" value={t.done ? 'no' : 'yes'} />
                  <Button variant="secondary">{t.done ? 'Not done' : 'Mark done'}</Button>
                </form>
              ),
            },
          ]}
        />
        <form method="post" action={`${base}/tasks`} novalidate>
          <CsrfField token={token} />
          <h3>Add a task</h3>
          <TextInput name="task" label="Task" value={values.task} error={errors.task} />
          <Select
            name="owner"
            label="Who owns it"
            options={working.map((p) => ({ value: p.orgId, label: p.name }))}
            value={values.owner ?? org.id}
            error={errors.owner}
          />
          <TextInput
            name="due"
            label="Due date (optional)"
            type="date"
            value={values.due}
            error={errors.due}
            width="short"
          />
          <Button variant="secondary">Add the task</Button>
        </form>
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">Documents</h2>
        <p>Each partner signs off the latest version of each document. A new version needs signing again.</p>
        {v.documents.length === 0 && <p>No documents yet.</p>}
        {v.documents.map((d) => {
          const latest = d.versions[0]!;
          const signed = latest.signedBy.includes(working.find((p) => p.orgId === org.id)?.name ?? '');
          return (
            <div class="card">
              <h3 class="card-title">
                {d.title}, version {latest.version}
              </h3>
              <p class="hint">
                Added by {latest.addedBy}, {formatDateTime(latest.createdAt)}. Signed off by{' '}
                {latest.signedBy.length ? latest.signedBy.join(', ') : 'no one yet'} ({latest.signedBy.length} of{' '}
                {working.length} partners).
              </p>
              <div class="prose">
                {latest.body
                  .split(/\r?\n/)
                  .filter((line) => line.trim())
                  .map((line) => (
                    <p>{line}</p>
                  ))}
              </div>
              {!signed && (
                <form method="post" action={`${base}/documents/${latest.id}/sign-off`}>
                  <CsrfField token={token} />
                  <Button>
                    Sign off version {latest.version} for {org.name}
                  </Button>
                </form>
              )}
              {d.versions.length > 1 && (
                <p class="hint">
                  Earlier versions:{' '}
                  {d.versions
                    .slice(1)
                    .map((x) => `version ${x.version} (${formatDate(x.createdAt)}, signed by ${x.signedBy.length})`)
                    .join('; ')}
                  .
                </p>
              )}
              <details>
                <summary>Write a new version</summary>
                <form method="post" action={`${base}/documents`} novalidate>
                  <CsrfField token={token} />
                  <input type="hidden" name="document" value={d.key} />
                  <input type="hidden" name="doc_title" value={d.title} />
                  <TextArea
                    name={`doc_body_${d.key}`}
                    label={`New version of ${d.title}`}
                    value={latest.body}
                    rows={6}
                  />
                  <Button variant="secondary">Save as version {latest.version + 1}</Button>
                </form>
              </details>
            </div>
          );
        })}
        <form method="post" action={`${base}/documents`} novalidate>
          <CsrfField token={token} />
          <h3>Add a document</h3>
          <TextInput
            name="doc_title"
            label="Title"
            hint="For example: Project plan, Partnership agreement"
            value={values.doc_title}
            error={errors.doc_title}
          />
          <TextArea name="doc_body" label="Text" value={values.doc_body} error={errors.doc_body} rows={6} />
          <Button variant="secondary">Add the document</Button>
        </form>
      </section>

      <section aria-labelledby="notes">
        <h2 id="notes">Notes</h2>
        {v.notes.length === 0 ? (
          <p>No notes yet.</p>
        ) : (
          <ul class="list">
            {v.notes.map((n) => (
              <li>
                <strong>{n.org_name}</strong>
                {n.author ? ` (${n.author})` : ''}, {formatDateTime(n.created_at)}: {n.body}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`${base}/notes`} novalidate>
          <CsrfField token={token} />
          <TextArea name="note" label="Add a note for the partners" value={values.note} error={errors.note} rows={3} />
          <Button variant="secondary">Add the note</Button>
        </form>
      </section>

      {lead && (
        <section aria-labelledby="details">
          <h2 id="details">Change the bid</h2>
          <form method="post" action={`${base}/details`} novalidate>
            <CsrfField token={token} />
            <TextInput
              name="title"
              label="What the bid is called"
              value={values.title ?? v.bid.title}
              error={errors.title}
            />
            <TextInput
              name="total"
              label="Total, in pounds"
              width="short"
              inputMode="decimal"
              value={values.total ?? (v.bid.total_pence / 100).toFixed(2)}
              error={errors.total}
            />
            <TextInput
              name="running_costs"
              label="Running costs of the work, in pounds (optional)"
              hint="What the work this bid pays for costs to run, for a year. Without it, no value for every £1 is shown."
              width="short"
              inputMode="decimal"
              value={
                values.running_costs ??
                (v.bid.running_costs_pence === null ? '' : (v.bid.running_costs_pence / 100).toFixed(2))
              }
              error={errors.running_costs}
            />
            <Select
              name="status"
              label="Stage"
              options={Object.entries(STATUS).map(([value, label]) => ({ value, label }))}
              value={values.status ?? v.bid.status}
              error={errors.status}
            />
            <TextArea
              name="summary"
              label="What the bid is for"
              value={values.summary ?? v.bid.summary}
              error={errors.summary}
              rows={4}
            />
            <Button variant="secondary">Save the changes</Button>
          </form>
        </section>
      )}
      {!lead && (
        <NotificationBanner kind="info" title="Only the lead changes the terms">
          <p>
            The lead organisation sets the total, the budget lines and who is invited. You can add tasks, documents and
            notes, and sign off documents.
          </p>
        </NotificationBanner>
      )}
    </Layout>
  );
}
