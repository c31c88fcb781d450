import { ORG_ROLE_LABEL, ORG_ROLES, type OrgRole } from '../../platform/auth/actor.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  LinkCards,
  CsrfField,
  ErrorSummary,
  Pagination,
  Radios,
  Select,
  SummaryList,
  Table,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
type OrgStatus = OrgTarget['status'];

export const STATUS_LABEL: Record<OrgStatus, string> = { applicant: 'Applicant', member: 'Member', lapsed: 'Lapsed' };
const roleOptions = ORG_ROLES.map((r) => ({ value: r, label: ORG_ROLE_LABEL[r] }));
const date = formatDate;

export function StatusTag({ status }: { status: OrgStatus }) {
  return <span class={`tag tag-${status}`}>{STATUS_LABEL[status]}</span>;
}

export interface TeamMemberView {
  personId: string;
  name: string;
  email: string;
  role: OrgRole;
  since: Date;
}

export interface WorkspaceView {
  org: OrgTarget & { summary: string; town: string };
  links: { href: string; label: string; description: string }[];
  myRole: OrgRole;
  canManageTeam: boolean;
  team: TeamMemberView[];
  invitations: { email: string; role: OrgRole; expires: Date }[];
}

export function WorkspacePage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: WorkspaceView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { org } = view;
  return (
    <Layout ctx={ctx} title={org.name}>
      <ErrorSummary errors={errors} order={['email', 'role']} />
      <span class="caption">Your organisation</span>
      <h1>{org.name}</h1>
      <p>
        <StatusTag status={org.status} /> You are {ORG_ROLE_LABEL[view.myRole].toLowerCase()} here.
      </p>
      {org.summary && <p class="lede">{org.summary}</p>}
      <LinkCards links={view.links} />

      <h2 id="team">Your team</h2>
      <Table
        caption={`People in ${org.name}`}
        columns={[
          { header: 'Name', cell: (m: TeamMemberView) => m.name },
          { header: 'Email', cell: (m) => m.email },
          { header: 'Role', cell: (m) => ORG_ROLE_LABEL[m.role] },
          ...(view.canManageTeam
            ? [{ header: 'Change', cell: (m: TeamMemberView) => <MemberActions ctx={ctx} org={org} member={m} /> }]
            : []),
        ]}
        rows={view.team}
        reflow
      />

      {view.canManageTeam && (
        <>
          <h2 id="invite">Invite someone</h2>
          <p>They'll get an email with a link to join {org.name}. The link works for 72 hours, once.</p>
          <form method="post" action={`/orgs/${org.slug}/team/invite`} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <TextInput
              name="email"
              label="Email address"
              type="email"
              autocomplete="off"
              spellcheck={false}
              value={values.email}
              error={errors.email}
              width="medium"
            />
            <Radios
              name="role"
              label="Role"
              options={roleOptions.map((o) => ({ ...o, hint: ROLE_HINT[o.value as OrgRole] }))}
              value={values.role ?? 'volunteer'}
              error={errors.role}
            />
            <Button>Send invitation</Button>
          </form>
          {view.invitations.length > 0 && (
            <Table
              caption="Invitations waiting to be accepted"
              columns={[
                { header: 'Email', cell: (i: WorkspaceView['invitations'][number]) => i.email },
                { header: 'Role', cell: (i) => ORG_ROLE_LABEL[i.role] },
                { header: 'Link works until', cell: (i) => date(i.expires) },
              ]}
              rows={view.invitations}
            />
          )}
          <p>
            <a href={`/orgs/${org.slug}/audit`}>See who has viewed or changed personal data</a>
          </p>
        </>
      )}
    </Layout>
  );
}

const ROLE_HINT: Record<OrgRole, string> = {
  lead: 'Runs the organisation on the platform: its team, profile and data.',
  worker: 'Records activities and outcomes.',
  volunteer: 'Records activities and outcomes.',
  peer_researcher: 'Takes part in peer review of standards.',
};

function MemberActions({ ctx, org, member }: { ctx: PageContext; org: OrgTarget; member: TeamMemberView }) {
  const base = `/orgs/${org.slug}/team/${member.personId}`;
  return (
    <div class="button-row">
      <form method="post" action={`${base}/role`} class="inline-form">
        <CsrfField token={ctx.csrfToken()} />
        <label class="visually-hidden" for={`role-${member.personId}`}>
          Role for {member.name}
        </label>
        <select class="input select input-short" id={`role-${member.personId}`} name="role">
          {roleOptions.map((o) => (
            <option value={o.value} selected={o.value === member.role}>
              {o.label}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button button-secondary">
          Save<span class="visually-hidden"> role for {member.name}</span>
        </button>
      </form>
      <a href={`${base}/remove`} class="button button-warning">
        Remove<span class="visually-hidden"> {member.name}</span>
      </a>
    </div>
  );
}

/** Asks before removing someone: one click on a shared laptop shouldn't lock a person out. */
export function RemoveMemberPage({
  ctx,
  org,
  member,
}: {
  ctx: PageContext;
  org: OrgTarget;
  member: { personId: string; name: string; role: OrgRole };
}) {
  return (
    <Layout
      ctx={ctx}
      title={`Remove ${member.name}`}
      before={<Breadcrumbs items={[{ href: `/orgs/${org.slug}`, label: org.name }]} />}
    >
      <h1>
        Remove {member.name} from {org.name}?
      </h1>
      <p class="lede">
        They are {ORG_ROLE_LABEL[member.role].toLowerCase()} here now. Once removed, they can no longer see or record
        anything of {org.name}'s. Nothing they recorded is deleted, and you can invite them again at any time.
      </p>
      <form method="post" action={`/orgs/${org.slug}/team/${member.personId}/remove`}>
        <CsrfField token={ctx.csrfToken()} />
        <div class="button-row">
          <Button variant="warning">Yes, remove {member.name}</Button>
          <a href={`/orgs/${org.slug}#team`}>No, go back</a>
        </div>
      </form>
    </Layout>
  );
}

export interface AuditView {
  org: OrgTarget;
  entries: { at: Date; actor: string; action: string; subject: string }[];
}

export function AuditPage({ ctx, view }: { ctx: PageContext; view: AuditView }) {
  return (
    <Layout
      ctx={ctx}
      title={`Audit log – ${view.org.name}`}
      before={<Breadcrumbs items={[{ href: `/orgs/${view.org.slug}`, label: view.org.name }]} />}
    >
      <h1>Who viewed or changed personal data</h1>
      <p>
        Every view or export of a person's records, and every change to who can see them, is written here. Only leads
        can read it.
      </p>
      <Table
        caption="Latest 100 entries"
        empty="Nothing has been recorded yet."
        columns={[
          { header: 'When', cell: (e: AuditView['entries'][number]) => formatDateTime(e.at) },
          { header: 'Who', cell: (e) => e.actor },
          { header: 'What', cell: (e) => e.action },
          { header: 'About', cell: (e) => e.subject },
        ]}
        rows={view.entries}
      />
    </Layout>
  );
}

export interface NetworkOrgRow {
  slug: string;
  name: string;
  status: OrgStatus;
  town: string;
  region: string;
  people: number;
}

export interface NetworkView {
  counts: Record<OrgStatus, number>;
  rows: NetworkOrgRow[];
  page: number;
  pages: number;
  status: OrgStatus | undefined;
  q: string | undefined;
  /** Work other modules own that this coordinator may do: applications, insight, questionnaires. */
  links: { href: string; label: string; description: string }[];
}

export function NetworkPage({ ctx, view }: { ctx: PageContext; view: NetworkView }) {
  const qs = (page: number) => {
    const p = new URLSearchParams();
    if (view.status) p.set('status', view.status);
    if (view.q) p.set('q', view.q);
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return s ? `/network?${s}` : '/network';
  };
  return (
    <Layout ctx={ctx} title="The network">
      <h1>The network</h1>
      <h2>Your work</h2>
      <LinkCards links={view.links} />
      <h2>Organisations</h2>
      <div class="cards">
        {(['member', 'applicant', 'lapsed'] as const).map((s) => (
          <div class="card">
            <p class="card-title">
              <strong>{view.counts[s]}</strong>{' '}
              {s === 'member' ? 'members' : s === 'applicant' ? 'applicants' : 'lapsed'}
            </p>
          </div>
        ))}
      </div>
      <form method="get" action="/network" class="filter-form">
        <TextInput name="q" label="Search by name" type="search" value={view.q} width="medium" />
        <Select
          name="status"
          label="Status"
          value={view.status ?? ''}
          options={[
            { value: '', label: 'Any status' },
            ...(['member', 'applicant', 'lapsed'] as const).map((s) => ({ value: s, label: STATUS_LABEL[s] })),
          ]}
        />
        <button type="submit" class="button button-secondary">
          Show organisations
        </button>
      </form>
      <Table
        caption="Organisations"
        empty="No organisations match."
        columns={[
          { header: 'Name', cell: (r: NetworkOrgRow) => <a href={`/network/orgs/${r.slug}`}>{r.name}</a> },
          { header: 'Where', cell: (r) => [r.town, r.region].filter(Boolean).join(', ') },
          { header: 'Status', cell: (r) => <StatusTag status={r.status} /> },
          { header: 'People', cell: (r) => r.people, numeric: true },
        ]}
        rows={view.rows}
      />
      <Pagination page={view.page} pages={view.pages} hrefFor={qs} />
    </Layout>
  );
}

export interface NetworkOrgView {
  org: OrgTarget & { summary: string; town: string; region: string; statusChangedAt: Date };
  team: TeamMemberView[];
}

export function NetworkOrgPage({
  ctx,
  view,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: NetworkOrgView;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { org } = view;
  return (
    <Layout ctx={ctx} title={org.name} before={<Breadcrumbs items={[{ href: '/network', label: 'The network' }]} />}>
      <ErrorSummary errors={errors} order={['status', 'email', 'role']} />
      <h1>{org.name}</h1>
      <SummaryList
        items={[
          {
            key: 'Status',
            value: (
              <>
                <StatusTag status={org.status} /> since {date(org.statusChangedAt)}
              </>
            ),
          },
          { key: 'Where', value: [org.town, org.region].filter(Boolean).join(', ') || 'Not given' },
          { key: 'About', value: org.summary || 'Not given' },
          {
            key: 'Leads',
            value:
              view.team
                .filter((m) => m.role === 'lead')
                .map((m) => m.name)
                .join(', ') || 'None yet',
          },
          { key: 'People', value: String(view.team.length) },
        ]}
      />
      <h2>Change status</h2>
      <form method="post" action={`/network/orgs/${org.slug}/status`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <Radios
          name="status"
          label="Membership status"
          hint="A lapsed organisation's profile is hidden from the public; its data is kept."
          value={values.status ?? org.status}
          error={errors.status}
          options={(['applicant', 'member', 'lapsed'] as const).map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        />
        <Button>Save status</Button>
      </form>
      <h2>Invite a lead</h2>
      <form method="post" action={`/network/orgs/${org.slug}/invite`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <input type="hidden" name="role" value="lead" />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          value={values.email}
          error={errors.email}
          width="medium"
          autocomplete="off"
        />
        <Button>Send invitation</Button>
      </form>
    </Layout>
  );
}
