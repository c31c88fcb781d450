import { NETWORK_ROLE_LABEL, ORG_ROLE_LABEL, type NetworkRole, type OrgRole } from '../../platform/auth/actor.ts';
import { formatDateTime } from '../../ui/format.ts';
import { MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  SummaryList,
  Table,
  TextInput,
  type FieldErrors,
} from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';

interface FormPageProps {
  ctx: PageContext;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

const passwordHint = `At least ${MIN_PASSWORD_LENGTH} characters. Three random words you'll remember work well.`;

export function SignInPage({
  ctx,
  errors = {},
  values = {},
  next,
  throttled = false,
}: FormPageProps & { next?: string; throttled?: boolean }) {
  return (
    <Layout ctx={ctx} title="Sign in">
      <ErrorSummary errors={errors} order={['email', 'password']} />
      <h1>Sign in</h1>
      {throttled && (
        <p class="lede">
          Signing in with a password is paused for a while after too many tries, to keep the account safe. If it's your
          account, you can still get in straight away: <a href="/sign-in/email">sign in with an emailed link</a>{' '}
          instead.
        </p>
      )}
      <form method="post" action="/sign-in" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={values.email}
          error={errors.email}
          width="medium"
        />
        <TextInput
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          error={errors.password}
          width="medium"
        />
        <Button>Sign in</Button>
      </form>
      <h2>Other ways in</h2>
      <ul>
        <li>
          <a href="/sign-in/email">Email me a link to sign in</a>, with no password
        </li>
        <li>
          <a href="/password/forgot">I've forgotten my password</a>
        </li>
      </ul>
      <p>New to the network? Organisations join by invitation from the network's coordinators.</p>
    </Layout>
  );
}

export function RequestLinkPage({
  ctx,
  errors = {},
  values = {},
  purpose,
}: FormPageProps & { purpose: 'sign_in' | 'reset_password' }) {
  const signIn = purpose === 'sign_in';
  return (
    <Layout ctx={ctx} title={signIn ? 'Sign in with an emailed link' : 'Reset your password'}>
      <ErrorSummary errors={errors} />
      <h1>{signIn ? 'Sign in with an emailed link' : 'Reset your password'}</h1>
      <p>
        {signIn
          ? "Tell us your email address and we'll send you a link that signs you in. It works once, for 20 minutes."
          : "Tell us your email address and we'll send you a link to choose a new password. It works once, for an hour."}
      </p>
      <form method="post" action={signIn ? '/sign-in/email' : '/password/forgot'} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={values.email}
          error={errors.email}
          width="medium"
        />
        <Button>Send the link</Button>
      </form>
    </Layout>
  );
}

export function CheckEmailPage({ ctx, email }: { ctx: PageContext; email: string }) {
  return (
    <Layout ctx={ctx} title="Check your email">
      <h1>Check your email</h1>
      <p class="lede">If {email} belongs to an account here, we've sent it a link.</p>
      <p>It can take a few minutes to arrive. Check your spam or junk folder too.</p>
      {ctx.demo && (
        <p>
          This is the demo, so no email really goes out: <a href="/dev/outbox">read it in the demo outbox</a>.
        </p>
      )}
    </Layout>
  );
}

export function ConfirmLinkPage({ ctx, action, email }: { ctx: PageContext; action: string; email: string }) {
  return (
    <Layout ctx={ctx} title="Sign in">
      <h1>Sign in as {email}</h1>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken()} />
        <Button>Sign in</Button>
      </form>
    </Layout>
  );
}

export function NewPasswordPage({ ctx, errors = {}, action }: FormPageProps & { action: string }) {
  return (
    <Layout ctx={ctx} title="Choose a new password">
      <ErrorSummary errors={errors} order={['password', 'confirm']} />
      <h1>Choose a new password</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="password"
          label="New password"
          hint={passwordHint}
          type="password"
          autocomplete="new-password"
          error={errors.password}
          width="medium"
        />
        <TextInput
          name="confirm"
          label="Type it again"
          type="password"
          autocomplete="new-password"
          error={errors.confirm}
          width="medium"
        />
        <Button>Save password and sign in</Button>
      </form>
      <p>Saving a new password signs you out on every other device.</p>
    </Layout>
  );
}

export interface InvitationView {
  orgName: string;
  role: OrgRole;
  email: string;
  hasAccount: boolean;
}

export function InvitationPage({
  ctx,
  errors = {},
  values = {},
  view,
  action,
  signedInAs,
}: FormPageProps & { view: InvitationView; action: string; signedInAs?: string }) {
  const signIn = `/sign-in?next=${encodeURIComponent(action)}`;
  return (
    <Layout ctx={ctx} title={`Join ${view.orgName}`}>
      <ErrorSummary errors={errors} order={['name', 'password', 'confirm']} />
      <h1>Join {view.orgName}</h1>
      <p class="lede">
        You've been invited to join {view.orgName} on Recovery Connectors as {ORG_ROLE_LABEL[view.role].toLowerCase()}.
      </p>
      {view.hasAccount && signedInAs !== view.email ? (
        signedInAs ? (
          <p>
            This invitation is for {view.email}, and you're signed in as {signedInAs}. Sign out, then sign in as{' '}
            {view.email} and open this link again to accept it.
          </p>
        ) : (
          <>
            <p>
              There's already an account for {view.email}. Sign in as {view.email} to accept, and you'll come back here.
            </p>
            <p>
              <a class="button button-primary" href={signIn}>
                Sign in as {view.email} to accept
              </a>
            </p>
          </>
        )
      ) : (
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken()} />
          {view.hasAccount ? (
            <p>You're signed in as {view.email}.</p>
          ) : (
            <>
              <p>Your email address is {view.email}. Tell us your name and choose a password.</p>
              <TextInput
                name="name"
                label="Your name"
                hint="Or the name you like to be called. Your team will see it."
                autocomplete="name"
                value={values.name}
                error={errors.name}
                width="medium"
              />
              <TextInput
                name="password"
                label="Choose a password"
                hint={passwordHint}
                type="password"
                autocomplete="new-password"
                error={errors.password}
                width="medium"
              />
              <TextInput
                name="confirm"
                label="Type it again"
                type="password"
                autocomplete="new-password"
                error={errors.confirm}
                width="medium"
              />
            </>
          )}
          <Button>Join {view.orgName}</Button>
        </form>
      )}
      <p>The link works once, for 72 hours after it was sent.</p>
    </Layout>
  );
}

export interface AccountView {
  name: string;
  email: string;
  networkRole: NetworkRole | null;
  memberships: { slug: string; name: string; role: OrgRole }[];
  sessions: { current: boolean; lastSeen: Date; userAgent: string }[];
}

export function AccountPage({ ctx, errors = {}, view }: FormPageProps & { view: AccountView }) {
  return (
    <Layout ctx={ctx} title="Your account">
      <ErrorSummary errors={errors} order={['current', 'password', 'confirm']} />
      <h1>Hello, {view.name}</h1>
      <SummaryList
        items={[
          { key: 'Email', value: view.email },
          ...(view.networkRole ? [{ key: 'Network role', value: NETWORK_ROLE_LABEL[view.networkRole] }] : []),
        ]}
      />
      <h2>Your organisations</h2>
      {view.memberships.length === 0 ? (
        <p class="empty">You're not part of an organisation yet.</p>
      ) : (
        <ul>
          {view.memberships.map((m) => (
            <li>
              <a href={`/orgs/${m.slug}`}>{m.name}</a> – {ORG_ROLE_LABEL[m.role]}
            </li>
          ))}
        </ul>
      )}
      {view.networkRole && (
        <p>
          <a href="/network">Go to the network's organisations</a>
        </p>
      )}

      <h2>Where you're signed in</h2>
      <Table
        caption="Your sessions"
        columns={[
          {
            header: 'Device',
            cell: (s: AccountView['sessions'][number]) =>
              s.current ? `${s.userAgent || 'Unknown'} (this one)` : s.userAgent || 'Unknown',
          },
          { header: 'Last active', cell: (s) => formatDateTime(s.lastSeen) },
        ]}
        rows={view.sessions}
      />
      <form method="post" action="/sign-out/everywhere">
        <CsrfField token={ctx.csrfToken()} />
        <Button variant="secondary">Sign out everywhere</Button>
      </form>

      <h2 id="password">Change your password</h2>
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextInput
          name="current"
          label="Current password"
          type="password"
          autocomplete="current-password"
          error={errors.current}
          width="medium"
        />
        <TextInput
          name="password"
          label="New password"
          hint={passwordHint}
          type="password"
          autocomplete="new-password"
          error={errors.password}
          width="medium"
        />
        <TextInput
          name="confirm"
          label="Type the new password again"
          type="password"
          autocomplete="new-password"
          error={errors.confirm}
          width="medium"
        />
        <Button>Change password</Button>
      </form>
    </Layout>
  );
}
