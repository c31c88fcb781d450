// Funding pages: who funds recovery (funders, a funder, a member's grants), the import and
// keyword pages for coordinators, the opportunities board, and an organisation's funding home
// with its value statement. Every page that shows grants shows where the data came from.
import type { ComponentChildren } from 'preact';
import type { OrgTarget } from '../../platform/http/access.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  LinkCards,
  NotificationBanner,
  SummaryList,
  Table,
  TextArea,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { formatCalendarDate } from '../../ui/format.ts';
import type { ValueStatement } from './domain/value-statement.ts';

export interface SourceView {
  publisher: string;
  licence: string;
  title: string;
}

/** The attribution every page with grants carries. */
export function Attribution({ sources }: { sources: SourceView[] }) {
  return (
    <aside class="attribution" aria-labelledby="attribution-title">
      <h2 id="attribution-title">Where this data comes from</h2>
      {sources.length === 0 ? (
        <p>No grants data has been imported yet.</p>
      ) : (
        <ul>
          {sources.map((s) => (
            <li>
              Contains grant data published by {s.publisher} ("{s.title}") using the 360Giving Data Standard, licensed
              under <a href={s.licence}>{licenceName(s.licence)}</a>.
            </li>
          ))}
        </ul>
      )}
      <p>
        The data follows the <a href="https://www.threesixtygiving.org/">360Giving Data Standard</a>.{' '}
        <a href="/about/data#grants">More about the data</a>.
      </p>
    </aside>
  );
}

export function licenceName(url: string): string {
  if (/creativecommons\.org\/licenses\/by\/4\.0/.test(url)) return 'CC BY 4.0';
  if (/creativecommons\.org\/publicdomain\/zero/.test(url)) return 'CC0 1.0';
  if (/open-government-licence/.test(url)) return 'the Open Government Licence';
  return 'its published licence';
}

export interface FunderRow {
  funderId: string;
  name: string;
  grants: number;
  total: string;
  memberGrants: number;
  latest: string;
}

export function FundersPage({
  ctx,
  funders,
  sources,
  members,
}: {
  ctx: PageContext;
  funders: FunderRow[];
  sources: SourceView[];
  members: { name: string; slug: string; grants: number }[];
}) {
  return (
    <Layout ctx={ctx} title="Who funds recovery">
      <h1>Who funds recovery</h1>
      <p class="lede">
        Funders who have given grants to member organisations, or for work about recovery from drug and alcohol
        problems, from the open data funders publish.
      </p>
      <p>
        A grant counts as <strong>to a member</strong> when the recipient's charity or company number matches a member's
        profile. Other grants are <strong>found by keyword</strong> (such as "recovery" or "peer support") in their
        title or description: a suggestion to look at, not a confirmed recipient.
      </p>
      <Table
        caption="Funders of recovery work"
        empty="No grants data has been imported yet."
        rows={funders}
        columns={[
          {
            header: 'Funder',
            cell: (f) => <a href={`/funding/funders/${encodeURIComponent(f.funderId)}`}>{f.name}</a>,
          },
          { header: 'Grants', cell: (f) => String(f.grants), numeric: true },
          { header: 'Total', cell: (f) => f.total, numeric: true },
          { header: 'To members', cell: (f) => String(f.memberGrants), numeric: true },
          { header: 'Latest', cell: (f) => f.latest },
        ]}
      />
      {members.length > 0 && (
        <>
          <h2>Members' grants</h2>
          <ul>
            {members.map((m) => (
              <li>
                <a href={`/organisations/${m.slug}/grants`}>{m.name}</a>: {m.grants} grant{m.grants === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/funding/opportunities">Funding opportunities with deadlines</a>
      </p>
      <Attribution sources={sources} />
    </Layout>
  );
}

export interface GrantRow {
  id: string;
  title: string;
  amount: string;
  date: string;
  recipient: string;
  recipientHref?: string;
  match: 'member' | 'keyword';
  keyword: string;
  area: string;
  programme: string;
}

function MatchTag({ g }: { g: GrantRow }) {
  return g.match === 'member' ? (
    <span class="tag">To a member</span>
  ) : (
    <span class="tag tag-coming">Found by keyword "{g.keyword}": not confirmed</span>
  );
}

export function FunderPage({
  ctx,
  name,
  byYear,
  byArea,
  programmes,
  grants,
  sources,
  members,
}: {
  ctx: PageContext;
  name: string;
  byYear: { year: number; grants: number; total: string }[];
  byArea: { area: string; grants: number; total: string }[];
  programmes: { programme: string; grants: number }[];
  grants: GrantRow[];
  sources: SourceView[];
  members: { name: string; slug: string }[];
}) {
  return (
    <Layout ctx={ctx} title={name} before={<Breadcrumbs items={[{ href: '/funding', label: 'Who funds recovery' }]} />}>
      <h1>{name}</h1>
      <p class="lede">
        Grants from this funder for recovery work: to member organisations, and others found by keyword.
      </p>
      {members.length > 0 && (
        <p>
          Members it has funded:{' '}
          {members.map((m, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/organisations/${m.slug}/grants`}>{m.name}</a>
            </>
          ))}
          .
        </p>
      )}
      <Table
        caption="By year"
        rows={byYear}
        columns={[
          { header: 'Year', cell: (r) => String(r.year) },
          { header: 'Grants', cell: (r) => String(r.grants), numeric: true },
          { header: 'Total', cell: (r) => r.total, numeric: true },
        ]}
      />
      <Table
        caption="By area"
        rows={byArea}
        columns={[
          { header: 'Area', cell: (r) => r.area },
          { header: 'Grants', cell: (r) => String(r.grants), numeric: true },
          { header: 'Total', cell: (r) => r.total, numeric: true },
        ]}
      />
      <Table
        caption="Programmes (all its grants)"
        rows={programmes}
        columns={[
          { header: 'Programme', cell: (r) => r.programme },
          { header: 'Grants', cell: (r) => String(r.grants), numeric: true },
        ]}
      />
      <GrantTable caption="Recovery grants" grants={grants} />
      <Attribution sources={sources} />
    </Layout>
  );
}

function GrantTable({ caption, grants }: { caption: string; grants: GrantRow[] }) {
  return (
    <Table
      caption={caption}
      empty="No grants."
      rows={grants}
      columns={[
        {
          header: 'Grant',
          cell: (g) => (
            <>
              {g.title}
              <br />
              <span class="hint">
                {g.id}
                {g.programme ? ` · ${g.programme}` : ''}
              </span>
            </>
          ),
        },
        {
          header: 'To',
          cell: (g) => (
            <>
              {g.recipientHref ? <a href={g.recipientHref}>{g.recipient}</a> : g.recipient}
              <br />
              <MatchTag g={g} />
            </>
          ),
        },
        { header: 'Where', cell: (g) => g.area || '–' },
        { header: 'Awarded', cell: (g) => g.date },
        { header: 'Amount', cell: (g) => g.amount, numeric: true },
      ]}
    />
  );
}

export function MemberGrantsPage({
  ctx,
  name,
  slug,
  grants,
  sources,
}: {
  ctx: PageContext;
  name: string;
  slug: string;
  grants: {
    id: string;
    title: string;
    amount: string;
    date: string;
    funder: string;
    funderId: string;
    programme: string;
  }[];
  sources: SourceView[];
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Grants to ${name}`}
      before={
        <Breadcrumbs
          items={[
            { href: `/organisations/${slug}`, label: name },
            { href: '/funding', label: 'Who funds recovery' },
          ]}
        />
      }
    >
      <h1>Grants to {name}</h1>
      <p class="lede">Grants funders have published, matched to {name} by its charity or company number.</p>
      <Table
        caption={`Grants received by ${name}`}
        empty="No published grants match this organisation's numbers yet."
        rows={grants}
        columns={[
          {
            header: 'Grant',
            cell: (g) => (
              <>
                {g.title}
                <br />
                <span class="hint">{g.id}</span>
              </>
            ),
          },
          {
            header: 'From',
            cell: (g) => <a href={`/funding/funders/${encodeURIComponent(g.funderId)}`}>{g.funder}</a>,
          },
          { header: 'Programme', cell: (g) => g.programme || '–' },
          { header: 'Awarded', cell: (g) => g.date },
          { header: 'Amount', cell: (g) => g.amount, numeric: true },
        ]}
      />
      <Attribution sources={sources} />
    </Layout>
  );
}

export interface ProblemView {
  where: string;
  grantId: string;
  field: string;
  message: string;
}

export function ImportPage({
  ctx,
  result,
  sources,
}: {
  ctx: PageContext;
  sources: { publisher: string; title: string; licence: string; grants: number; importedAt: string }[];
  result?:
    | { ok: true; text: string }
    | { ok: false; fileError?: string | undefined; problems: ProblemView[]; problemCount: number };
}) {
  const token = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title="Import grants data"
      before={
        <Breadcrumbs
          items={[
            { href: '/network', label: 'Network' },
            { href: '/funding', label: 'Who funds recovery' },
          ]}
        />
      }
    >
      <h1>Import grants data</h1>
      <p class="lede">
        Add a funder's published grants in the 360Giving Data Standard: a JSON package, or the spreadsheet form (CSV or
        Excel) with the standard's column headings.
      </p>
      {result?.ok && (
        <NotificationBanner kind="success" title="Imported">
          <p>{result.text}</p>
        </NotificationBanner>
      )}
      {result && !result.ok && (
        <div class="error-summary" role="alert" aria-labelledby="import-problems" tabIndex={-1}>
          <h2 id="import-problems">Nothing was imported</h2>
          {result.fileError ? (
            <p>{result.fileError}</p>
          ) : (
            <>
              <p>
                {result.problemCount} problem{result.problemCount === 1 ? '' : 's'} with the file
                {result.problemCount > result.problems.length ? `; the first ${result.problems.length} are listed` : ''}
                . Put them right and import the whole file again.
              </p>
              <ul>
                {result.problems.map((p) => (
                  <li>
                    {p.where}, grant {p.grantId}: {p.field} {p.message}.
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <form
        method="post"
        action={`/network/funding/import?_csrf=${encodeURIComponent(token)}`}
        enctype="multipart/form-data"
      >
        <div class="field">
          <label class="label" for="f-file">
            The file
          </label>
          <p class="hint" id="f-file-hint">
            .json, .csv or .xlsx, up to 50 MB. Everything is checked first; if anything is wrong, nothing is written.
          </p>
          <input
            class="file-input"
            type="file"
            id="f-file"
            name="file"
            accept=".json,.csv,.xlsx"
            aria-describedby="f-file-hint"
          />
        </div>
        <TextInput
          name="publisher"
          label="Who published it (if the file does not say)"
          hint="Spreadsheets rarely say. For example: A B Charitable Trust"
        />
        <TextInput
          name="licence"
          label="Its licence, as a web address (if the file does not say)"
          hint="For example https://creativecommons.org/licenses/by/4.0/"
          type="url"
        />
        <Button>Check and import</Button>
      </form>
      <Table
        caption="Imported so far"
        empty="Nothing imported yet."
        rows={sources}
        columns={[
          { header: 'Publisher', cell: (s) => s.publisher },
          { header: 'File', cell: (s) => s.title },
          { header: 'Licence', cell: (s) => <a href={s.licence}>{licenceName(s.licence)}</a> },
          { header: 'Grants', cell: (s) => String(s.grants), numeric: true },
          { header: 'Imported', cell: (s) => s.importedAt },
        ]}
      />
      <p>
        <a href="/network/funding/keywords">Keywords that flag a grant as about recovery</a>
      </p>
    </Layout>
  );
}

export function KeywordsPage({
  ctx,
  keywords,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  keywords: string[];
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const token = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title="Recovery keywords"
      before={<Breadcrumbs items={[{ href: '/network/funding/import', label: 'Import grants data' }]} />}
    >
      <h1>Keywords that flag recovery grants</h1>
      <p class="lede">
        A grant whose title or description contains one of these words is shown as "found by keyword": a suggestion,
        never a confirmed recipient. Funders use their own categories, so there is no shared code for recovery work.
      </p>
      <ErrorSummary errors={errors} />
      <ul>
        {keywords.map((k) => (
          <li>
            {k}{' '}
            <form method="post" action="/network/funding/keywords/remove" class="inline-form">
              <CsrfField token={token} />
              <input type="hidden" name="keyword" value={k} />
              <Button variant="secondary">
                Remove<span class="visually-hidden"> {k}</span>
              </Button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action="/network/funding/keywords" novalidate>
        <CsrfField token={token} />
        <TextInput name="keyword" label="Add a keyword or phrase" value={values.keyword} error={errors.keyword} />
        <Button>Add it</Button>
      </form>
    </Layout>
  );
}

export interface OpportunityRow {
  id: string;
  funder: string;
  programme: string;
  amount: string;
  deadline: string;
  interested: number;
  areas: string;
}

export function BoardPage({
  ctx,
  open,
  past,
  canAdd,
}: {
  ctx: PageContext;
  open: OpportunityRow[];
  past: OpportunityRow[];
  canAdd: boolean;
}) {
  const cols = [
    {
      header: 'Opportunity',
      cell: (o: OpportunityRow) => (
        <a href={`/funding/opportunities/${o.id}`}>
          {o.funder}: {o.programme}
        </a>
      ),
    },
    { header: 'Amount', cell: (o: OpportunityRow) => o.amount },
    { header: 'Areas', cell: (o: OpportunityRow) => o.areas || 'Anywhere' },
    { header: 'Closes', cell: (o: OpportunityRow) => formatCalendarDate(o.deadline) },
    { header: 'Interested', cell: (o: OpportunityRow) => String(o.interested), numeric: true },
  ];
  return (
    <Layout
      ctx={ctx}
      title="Funding opportunities"
      before={<Breadcrumbs items={[{ href: '/funding', label: 'Who funds recovery' }]} />}
    >
      <h1>Funding opportunities</h1>
      <p class="lede">
        Open calls for funding, with their deadlines. Members mark their interest, get a reminder before the deadline
        and can see who else is interested, to bid together.
      </p>
      <p>
        <a href="/funding/opportunities.ics">Add the deadlines to your calendar</a> (a calendar feed).
      </p>
      {canAdd && (
        <p>
          <a href="/funding/opportunities/new">Add an opportunity</a>
        </p>
      )}
      <Table caption="Open now" empty="No open opportunities on the board." rows={open} columns={cols} />
      <Table caption="Closed" empty="None yet." rows={past} columns={cols} />
    </Layout>
  );
}

export function OpportunityPage({
  ctx,
  o,
  interested,
  myOrgs,
  canChange = false,
}: {
  ctx: PageContext;
  canChange?: boolean;
  o: {
    id: string;
    funder: string;
    programme: string;
    amount: string;
    deadline: string;
    eligibility: string;
    areas: string;
    link: string;
    notes: string;
    addedBy: string;
    closed: boolean;
  };
  interested: { name: string; slug: string }[] | null;
  myOrgs: { slug: string; name: string; interested: boolean }[];
}) {
  const token = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title={`${o.funder}: ${o.programme}`}
      before={<Breadcrumbs items={[{ href: '/funding/opportunities', label: 'Funding opportunities' }]} />}
    >
      <h1>
        {o.funder}: {o.programme}
      </h1>
      {o.closed && (
        <NotificationBanner kind="info" title="Closed">
          <p>The deadline for this opportunity has passed. It stays here for reference.</p>
        </NotificationBanner>
      )}
      <SummaryList
        items={[
          { key: 'Deadline', value: formatCalendarDate(o.deadline) },
          { key: 'Amount', value: o.amount },
          { key: 'Who can apply', value: o.eligibility || 'Not given' },
          { key: 'Areas', value: o.areas || 'Anywhere' },
          {
            key: 'More from the funder',
            value: o.link ? <a href={o.link}>The funder’s page ({hostOf(o.link)})</a> : 'No link given',
          },
          { key: 'Notes', value: o.notes || 'None' },
          { key: 'Added by', value: o.addedBy },
        ]}
      />
      <h2>Who is interested</h2>
      {interested === null ? (
        <p>
          <a href="/sign-in">Sign in</a> to see which members are interested and to mark your own interest.
        </p>
      ) : interested.length === 0 ? (
        <p>No member has marked an interest yet.</p>
      ) : (
        <ul>
          {interested.map((i) => (
            <li>
              <a href={`/organisations/${i.slug}`}>{i.name}</a>
            </li>
          ))}
        </ul>
      )}
      {!o.closed &&
        myOrgs.map((m) => (
          <form method="post" action={`/orgs/${m.slug}/funding/opportunities/${o.id}/interest`}>
            <CsrfField token={token} />
            <input type="hidden" name="interested" value={m.interested ? 'no' : 'yes'} />
            <Button variant={m.interested ? 'secondary' : 'primary'}>
              {m.interested ? `${m.name} is no longer interested` : `${m.name} is interested`}
            </Button>
          </form>
        ))}
      {!o.closed && myOrgs.length > 0 && (
        <p>
          <a href={`/orgs/${myOrgs[0]!.slug}/funding/bids?opportunity=${o.id}`}>Open a bid for this opportunity</a>
        </p>
      )}
      {canChange && (
        <p>
          <a href={`/funding/opportunities/${o.id}/edit`}>Change the details</a> or{' '}
          <a href={`/funding/opportunities/${o.id}/remove`}>remove it from the board</a>
        </p>
      )}
    </Layout>
  );
}

export function NewOpportunityPage(props: { ctx: PageContext; errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <OpportunityFormPage
      {...props}
      heading="Add a funding opportunity"
      action="/funding/opportunities"
      button="Add to the board"
    />
  );
}

export function ChangeOpportunityPage(props: {
  ctx: PageContext;
  id: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  return (
    <OpportunityFormPage
      {...props}
      heading="Change this funding opportunity"
      action={`/funding/opportunities/${props.id}`}
      button="Save the changes"
      crumbs={[
        { href: '/funding/opportunities', label: 'Funding opportunities' },
        { href: `/funding/opportunities/${props.id}`, label: props.values?.programme || 'This opportunity' },
      ]}
    />
  );
}

function OpportunityFormPage({
  ctx,
  errors = {},
  values = {},
  heading,
  action,
  button,
  crumbs = [{ href: '/funding/opportunities', label: 'Funding opportunities' }],
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  values?: Record<string, string>;
  heading: string;
  action: string;
  button: string;
  crumbs?: { href: string; label: string }[];
}) {
  const token = ctx.csrfToken();
  return (
    <Layout ctx={ctx} title={heading} before={<Breadcrumbs items={crumbs} />}>
      <h1>{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={token} />
        <ErrorSummary
          errors={errors}
          order={[
            'funder',
            'programme',
            'deadline',
            'amount_min',
            'amount_max',
            'eligibility',
            'areas',
            'link',
            'notes',
          ]}
        />
        <TextInput name="funder" label="Funder" value={values.funder} error={errors.funder} />
        <TextInput name="programme" label="Programme or fund" value={values.programme} error={errors.programme} />
        <TextInput
          name="deadline"
          label="Deadline"
          type="date"
          width="short"
          value={values.deadline}
          error={errors.deadline}
        />
        <TextInput
          name="amount_min"
          label="Smallest grant, in pounds (optional)"
          width="short"
          inputMode="decimal"
          value={values.amount_min}
          error={errors.amount_min}
        />
        <TextInput
          name="amount_max"
          label="Largest grant, in pounds (optional)"
          width="short"
          inputMode="decimal"
          value={values.amount_max}
          error={errors.amount_max}
        />
        <TextArea
          name="eligibility"
          label="Who can apply"
          value={values.eligibility}
          error={errors.eligibility}
          rows={3}
        />
        <TextInput
          name="areas"
          label="Areas (optional)"
          hint="For example: Yorkshire, or England"
          value={values.areas}
          error={errors.areas}
        />
        <TextInput
          name="link"
          label="Link to the funder's page (optional)"
          type="url"
          value={values.link}
          error={errors.link}
        />
        <TextArea
          name="notes"
          label="Notes for members (optional)"
          value={values.notes}
          error={errors.notes}
          rows={3}
        />
        <Button>{button}</Button>
      </form>
    </Layout>
  );
}

/** The step before removing: says what goes with it, so nothing is lost by one click. */
export function RemoveOpportunityPage({
  ctx,
  id,
  title,
  interestedCount,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  interestedCount: number;
}) {
  const token = ctx.csrfToken();
  return (
    <Layout
      ctx={ctx}
      title={`Remove ${title}`}
      before={
        <Breadcrumbs
          items={[
            { href: '/funding/opportunities', label: 'Funding opportunities' },
            { href: `/funding/opportunities/${id}`, label: title },
          ]}
        />
      }
    >
      <h1>Remove {title} from the board?</h1>
      <p>It will no longer be listed or in the deadlines calendar, and members will not be reminded about it.</p>
      {interestedCount > 0 && (
        <p>
          {interestedCount === 1 ? 'One member has' : `${interestedCount} members have`} marked an interest; that goes
          too. Any bid already started keeps its own details.
        </p>
      )}
      <p>
        This can't be undone. If only the details are wrong,{' '}
        <a href={`/funding/opportunities/${id}/edit`}>change them instead</a>.
      </p>
      <form method="post" action={`/funding/opportunities/${id}/remove`}>
        <CsrfField token={token} />
        <Button variant="warning">Yes, remove it</Button>
      </form>
      <p>
        <a href={`/funding/opportunities/${id}`}>No, keep it</a>
      </p>
    </Layout>
  );
}

export function OrgFundingPage({
  ctx,
  org,
  statement,
  showGrants,
  costs,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  org: OrgTarget;
  statement: ValueStatement;
  showGrants: boolean;
  costs: { pounds: string; year: string };
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const token = ctx.csrfToken();
  const lines = (title: string, items: { label: string; value: string; method: string }[]): ComponentChildren => (
    <Table
      caption={title}
      rows={items}
      columns={[
        { header: 'What', cell: (l) => l.label },
        { header: 'Figure', cell: (l) => l.value, numeric: true },
        { header: 'How this was worked out', cell: (l) => <span class="hint">{l.method}</span> },
      ]}
    />
  );
  return (
    <Layout
      ctx={ctx}
      title={`Funding: ${org.name}`}
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}`, label: org.name }]} />}
    >
      <h1>Funding</h1>
      <LinkCards
        links={[
          {
            href: `/orgs/${org.slug}/funding/bids`,
            label: 'Bids',
            description: 'Lead a bid with other members, or answer an invitation.',
          },
          {
            href: '/funding/opportunities',
            label: 'Opportunities',
            description: 'Open funding calls with deadlines; mark your interest.',
          },
          {
            href: '/funding',
            label: 'Who funds recovery',
            description: 'Funders of recovery work and what they have funded.',
          },
        ]}
      />
      <h2 id="value">What you achieve, and what it is worth</h2>
      <p>
        Built only from what you have recorded. Every figure says how it was worked out; anything missing is named
        instead of guessed.
      </p>
      {lines('What you achieve', statement.achieved)}
      {statement.worth.length > 0 && lines('What it is worth', statement.worth)}
      {statement.perPound ? (
        <p>
          <strong>For every £1 it costs to run: {statement.perPound.central} of social value</strong> (range{' '}
          {statement.perPound.low} to {statement.perPound.high}). <span class="hint">{statement.perPound.method}</span>
        </p>
      ) : (
        <p>No value for every £1 is given yet.</p>
      )}
      {statement.missing.length > 0 && (
        <NotificationBanner kind="info" title="What would make this statement fuller">
          <ul>
            {statement.missing.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      <form method="post" action={`/orgs/${org.slug}/funding/costs`} novalidate>
        <CsrfField token={token} />
        <ErrorSummary errors={errors} />
        <TextInput
          name="running_costs"
          label="What a year of your work costs to run, in pounds"
          hint="Include rent, staff, volunteers' expenses and everything else. Leave empty if you are not sure."
          width="short"
          inputMode="decimal"
          value={values.running_costs ?? costs.pounds}
          error={errors.running_costs}
        />
        <TextInput
          name="costs_year"
          label="Which year (optional)"
          hint="For example 2025 to 2026"
          width="short"
          value={values.costs_year ?? costs.year}
          error={errors.costs_year}
        />
        <Button variant="secondary">Save the running costs</Button>
      </form>
      <h2>Grants you have received</h2>
      <p>
        Grants funders publish are matched to you by the charity and company numbers on{' '}
        <a href={`/orgs/${org.slug}/profile`}>your profile</a>.{' '}
        <a href={`/organisations/${org.slug}/grants`}>See your grants</a>.
      </p>
      <form method="post" action={`/orgs/${org.slug}/funding/show-grants`}>
        <CsrfField token={token} />
        <Checkboxes
          name="show_grants"
          label="On your public profile"
          options={[{ value: 'yes', label: 'Show the grants we have received to everyone' }]}
          checked={() => showGrants}
        />
        <Button variant="secondary">Save</Button>
      </form>
    </Layout>
  );
}

export { SummaryList };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'link';
  }
}
