// HTTP routes for signing in and out, emailed links, passwords, invitations and the account page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn, type NetworkRole } from '../../platform/auth/actor.ts';
import { looksLikeToken } from '../../platform/auth/tokens.ts';
import { deleteAllSessions, deleteSession, listSessions } from '../../platform/auth/session.store.ts';
import type { Deps } from '../../platform/deps.ts';
import { access, personOf } from '../../platform/http/access.ts';
import { clientIp } from '../../platform/http/client-ip.ts';
import { parseForm, safeNextPath } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/http/platform.ts';
import { sendPage } from '../../platform/http/render.ts';
import { AppError } from '../../platform/http/errors.ts';
import { loadInvitationPage, workspacePathOf } from './accounts.pages.ts';
import {
  AcceptInvitationForm,
  ChangePasswordForm,
  EmailOnlyForm,
  NewPasswordForm,
  SignInForm,
} from './accounts.schemas.ts';
import * as service from './accounts.service.ts';
import {
  AccountPage,
  CheckEmailPage,
  ConfirmLinkPage,
  InvitationPage,
  NewPasswordPage,
  RequestLinkPage,
  SignInPage,
  type AccountView,
} from './accounts.views.tsx';

const tokenParam = (req: FastifyRequest) => {
  const t = (req.params as { token?: string }).token ?? '';
  return looksLikeToken(t) ? t : 'invalid-token-placeholder';
};

export function accountRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const startSession = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config));
    const ua = (req: FastifyRequest) => String(req.headers['user-agent'] ?? '');
    const open = { config: { access: access.public } };
    const signedIn = { config: { access: access.signedIn } };

    app.get('/sign-in', open, async (req, reply) => {
      const next = (req.query as { next?: string }).next;
      if (isSignedIn(req.actor)) return reply.redirect(safeNextPath(next, deps.config.publicUrl), 303);
      return sendPage(
        reply,
        <SignInPage ctx={ctx(req, reply)} next={next ? safeNextPath(next, deps.config.publicUrl) : undefined} />,
      );
    });

    app.post('/sign-in', open, async (req, reply) => {
      const form = parseForm(SignInForm, req.body);
      const asked = (req.body as { next?: string } | undefined)?.next;
      const next = safeNextPath(asked, deps.config.publicUrl);
      if (!form.ok)
        return sendPage(
          reply,
          <SignInPage ctx={ctx(req, reply)} errors={form.errors} values={form.values} next={next} />,
          400,
        );
      const result = await service.signInWithPassword(deps, { ...form.data, ip: clientIp(req), userAgent: ua(req) });
      if (!result.ok) {
        const throttled = result.reason === 'throttled';
        const message = throttled
          ? 'Too many tries. For your safety, please wait 15 minutes, or sign in with an emailed link.'
          : 'The email address or password is not right. Check them and try again.';
        return sendPage(
          reply,
          <SignInPage
            ctx={ctx(req, reply)}
            errors={{ email: message }}
            values={{ email: form.data.email }}
            next={next}
            throttled={throttled}
          />,
          throttled ? 429 : 401,
        );
      }
      startSession(reply, result.sessionToken);
      return reply.redirect(asked ? next : await service.landingAfterSignIn(deps, result.sessionToken), 303);
    });

    for (const purpose of ['sign_in', 'reset_password'] as const) {
      const path = purpose === 'sign_in' ? '/sign-in/email' : '/password/forgot';
      app.get(path, open, async (req, reply) =>
        sendPage(reply, <RequestLinkPage ctx={ctx(req, reply)} purpose={purpose} />),
      );
      app.post(path, open, async (req, reply) => {
        const form = parseForm(EmailOnlyForm, req.body);
        if (!form.ok)
          return sendPage(
            reply,
            <RequestLinkPage ctx={ctx(req, reply)} purpose={purpose} errors={form.errors} values={form.values} />,
            400,
          );
        await service.requestEmailedLink(deps, purpose, form.data.email);
        return sendPage(reply, <CheckEmailPage ctx={ctx(req, reply)} email={form.data.email} />);
      });
    }

    // The emailed link opens a page with a button, so mail scanners that follow links
    // don't use it up; the POST signs in.
    app.get('/sign-in/email/:token', open, async (req, reply) => {
      const token = tokenParam(req);
      const row = await service.checkLink(deps, 'sign_in', token);
      return sendPage(
        reply,
        <ConfirmLinkPage ctx={ctx(req, reply)} action={`/sign-in/email/${token}`} email={row.email} />,
      );
    });

    app.post('/sign-in/email/:token', open, async (req, reply) => {
      const session = await service.signInWithLink(deps, tokenParam(req), ua(req));
      startSession(reply, session);
      return reply.redirect(await service.landingAfterSignIn(deps, session), 303);
    });

    app.get('/password/reset/:token', open, async (req, reply) => {
      const token = tokenParam(req);
      await service.checkLink(deps, 'reset_password', token);
      return sendPage(reply, <NewPasswordPage ctx={ctx(req, reply)} action={`/password/reset/${token}`} />);
    });

    app.post('/password/reset/:token', open, async (req, reply) => {
      const token = tokenParam(req);
      const form = parseForm(NewPasswordForm, req.body);
      if (!form.ok) {
        await service.checkLink(deps, 'reset_password', token);
        return sendPage(
          reply,
          <NewPasswordPage ctx={ctx(req, reply)} action={`/password/reset/${token}`} errors={form.errors} />,
          400,
        );
      }
      startSession(reply, await service.resetPassword(deps, token, form.data.password, ua(req)));
      setFlash(reply, { kind: 'success', text: 'Your new password is saved, and you are signed out everywhere else.' });
      return reply.redirect('/account', 303);
    });

    const invitationView = (token: string) => loadInvitationPage(deps, token);
    const signedInEmail = (req: FastifyRequest) => (isSignedIn(req.actor) ? req.actor.email : undefined);

    app.get('/invitations/:token', open, async (req, reply) => {
      const token = tokenParam(req);
      return sendPage(
        reply,
        <InvitationPage
          ctx={ctx(req, reply)}
          view={await invitationView(token)}
          action={`/invitations/${token}`}
          signedInAs={signedInEmail(req)}
        />,
      );
    });

    app.post('/invitations/:token', open, async (req, reply) => {
      const token = tokenParam(req);
      const view = await invitationView(token);
      const actor = isSignedIn(req.actor) ? req.actor : undefined;
      let newAccount: { name: string; password: string } | undefined;
      if (view.hasAccount) {
        // The link never signs anyone in: the invited person signs in as themselves, then accepts.
        if (!actor) return reply.redirect(`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`, 303);
        if (actor.email !== view.email) throw service.invitedSomeoneElse(view.email, actor.email);
      } else {
        const form = parseForm(AcceptInvitationForm, req.body);
        if (!form.ok) {
          return sendPage(
            reply,
            <InvitationPage
              ctx={ctx(req, reply)}
              view={view}
              action={`/invitations/${token}`}
              errors={form.errors}
              values={form.values}
              signedInAs={signedInEmail(req)}
            />,
            400,
          );
        }
        newAccount = form.data;
      }
      const { sessionToken, orgId } = await service.acceptInvitation(deps, actor, token, newAccount, ua(req));
      if (sessionToken) startSession(reply, sessionToken);
      setFlash(reply, { kind: 'success', text: `Welcome to ${view.orgName}.` });
      return reply.redirect(await workspacePathOf(deps, orgId), 303);
    });

    app.post('/sign-out', open, async (req, reply) => {
      if (isSignedIn(req.actor)) await deleteSession(deps.db, req.actor.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setFlash(reply, { kind: 'info', text: "You've signed out." });
      return reply.redirect('/', 303);
    });

    app.post('/sign-out/everywhere', signedIn, async (req, reply) => {
      const n = await deleteAllSessions(deps.db, personOf(req).personId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setFlash(reply, { kind: 'info', text: `You've been signed out on ${n === 1 ? '1 device' : `${n} devices`}.` });
      return reply.redirect('/sign-in', 303);
    });

    async function accountView(req: FastifyRequest): Promise<AccountView> {
      const actor = personOf(req);
      const sessions = await listSessions(deps.db, actor.personId);
      return {
        name: actor.displayName,
        email: actor.email,
        networkRole: actor.networkRole as NetworkRole | null,
        memberships: actor.memberships.map((m) => ({ slug: m.orgSlug, name: m.orgName, role: m.role })),
        sessions: sessions.map((s) => ({
          current: s.token_hash === actor.sessionHash,
          lastSeen: s.last_seen_at,
          userAgent: describeAgent(s.user_agent),
        })),
      };
    }

    app.get('/account', signedIn, async (req, reply) =>
      sendPage(reply, <AccountPage ctx={ctx(req, reply)} view={await accountView(req)} />),
    );

    app.post('/account/password', signedIn, async (req, reply) => {
      const form = parseForm(ChangePasswordForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <AccountPage ctx={ctx(req, reply)} view={await accountView(req)} errors={form.errors} />,
          400,
        );
      try {
        await service.changePassword(deps, personOf(req), form.data.current, form.data.password);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') {
          return sendPage(
            reply,
            <AccountPage ctx={ctx(req, reply)} view={await accountView(req)} errors={err.fields} />,
            400,
          );
        }
        throw err;
      }
      setFlash(reply, {
        kind: 'success',
        text: 'Your password has been changed, and you are signed out on every other device.',
      });
      return reply.redirect('/account', 303);
    });
  };
}

/** A short, human name for a browser from its user-agent string. */
export function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iPhone or iPad'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'Mac'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, os].filter(Boolean).join(' on ') || 'A browser or program';
}
