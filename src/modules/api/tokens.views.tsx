// The API tokens page: what a token is for, the new one shown once, the list, and the form.
// The same page serves an organisation's lead and the network's coordinators.
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Table,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { formatDate } from '../../ui/format.ts';
import { Layout } from '../../ui/layout.tsx';
import type { ApiScope as TokenScope } from '../../platform/auth/api-tokens.ts';
import type { ApiTokensPage as PageView, CreatedToken, TokenListItem } from './tokens.service.ts';

const SCOPE_LABEL: Record<TokenScope, string> = {
  public: 'Public information',
  org: 'Our own figures',
  network: "The network's figures",
};

const SCOPE_HINT: Record<TokenScope, string> = {
  public: 'The directory, public events, the library and published consultation results. Anyone can read these.',
  org: "Your organisation's own reach and outcome figures. Only for people you trust with them.",
  network: 'Figures across the network, after small numbers are hidden and counts rounded.',
};

const STATUS_LABEL: Record<TokenListItem['status'], string> = {
  active: 'Working',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function tokensBase(view: Pick<PageView, 'owner'>): string {
  return view.owner.kind === 'org' ? `/orgs/${view.owner.org.slug}/api-tokens` : '/network/api-tokens';
}

export function ApiTokensPage({
  ctx,
  view,
  created,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: PageView;
  created?: CreatedToken | undefined;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const base = tokensBase(view);
  const crumbs =
    view.owner.kind === 'org'
      ? [{ href: `/orgs/${view.owner.org.slug}`, label: view.owner.org.name }]
      : [{ href: '/network', label: 'The network' }];
  const who = view.owner.kind === 'org' ? view.owner.org.name : 'the network';
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={hasErrors ? 'Error: API tokens' : 'API tokens'} before={<Breadcrumbs items={crumbs} />}>
      <ErrorSummary errors={errors} order={['name', 'scope', 'expires_in_days']} />
      <h1>API tokens</h1>
      <p class="lead">
        A token lets another system, such as a council's directory or your own spreadsheet, read information from
        Recovery Connectors for {who}. Tokens can only read; they can never change anything.
      </p>
      <p>
        Treat a token like a password. If one is lost or no longer needed, revoke it here and it stops working straight
        away. <a href="/api/v1/openapi.json">The API's description (OpenAPI)</a> says what each address gives.
      </p>

      {created && (
        <NotificationBanner kind="success" title="Your new token">
          <p>
            Here is the token “{created.name}”. Copy it now and keep it somewhere safe: we only show it this once, and
            we don't keep a copy we could show you again.
          </p>
          <p>
            <code class="code" id="new-token">
              {created.token}
            </code>
          </p>
          <p>It works until {formatDate(created.expiresAt)}.</p>
        </NotificationBanner>
      )}

      <h2>Your tokens</h2>
      <Table<TokenListItem>
        caption={`API tokens for ${who}`}
        reflow
        empty="There are no tokens yet."
        rows={view.tokens}
        columns={[
          { header: 'Name', cell: (t) => t.name },
          { header: 'Can read', cell: (t) => SCOPE_LABEL[t.scope] },
          {
            header: 'Made',
            cell: (t) => `${formatDate(t.createdAt)}${t.createdBy ? ` by ${t.createdBy}` : ''}`,
          },
          { header: 'Works until', cell: (t) => formatDate(t.expiresAt) },
          { header: 'Last used', cell: (t) => (t.lastUsedAt ? formatDate(t.lastUsedAt) : 'Not yet') },
          {
            header: 'Status',
            cell: (t) =>
              t.status === 'revoked' && t.revokedAt ? `Revoked ${formatDate(t.revokedAt)}` : STATUS_LABEL[t.status],
          },
          {
            header: 'Action',
            cell: (t) =>
              t.status === 'active' ? (
                <form method="post" action={`${base}/${t.id}/revoke`}>
                  <CsrfField token={ctx.csrfToken()} />
                  <Button variant="warning">
                    Revoke<span class="visually-hidden"> the token “{t.name}”</span>
                  </Button>
                </form>
              ) : (
                ''
              ),
          },
        ]}
      />

      <h2>Make a new token</h2>
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="name"
          label="Name"
          hint="What it is for, so you know it later: for example, “Leeds council directory”."
          value={values.name}
          error={errors.name}
          width="medium"
        />
        <Radios
          name="scope"
          label="What may it read?"
          value={values.scope}
          error={errors.scope}
          options={view.scopes.map((s) => ({ value: s, label: SCOPE_LABEL[s], hint: SCOPE_HINT[s] }))}
        />
        <Radios
          name="expires_in_days"
          label="How long should it last?"
          hint="It stops working after this. You can make a new one at any time."
          value={values.expires_in_days ?? '90'}
          error={errors.expires_in_days}
          options={[
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
            { value: '365', label: 'A year' },
          ]}
        />
        <Button>Make the token</Button>
      </form>
    </Layout>
  );
}
