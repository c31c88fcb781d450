// Registers the cross-cutting HTTP parts: cookies, form bodies, CSRF, the signed-in person,
// one-off messages, access control and error pages. Modules are registered after this.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ANONYMOUS, isSignedIn } from '../auth/actor.ts';
import { checkBearer } from '../auth/api-tokens.ts';
import { findSessionActor } from '../auth/session.store.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { registerAccessControl, type AccessOptions } from './access.ts';
import { AppError } from './errors.ts';
import { registerErrorHandling, type ErrorPageComponent } from './error-handler.tsx';
import { takeFlash } from './page-context.ts';

export const SESSION_COOKIE = 'rc_session';

export function sessionCookieOptions(config: Config) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    // No maxAge: the cookie ends with the browser session, which suits shared laptops; the
    // server also ends idle sessions.
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether any string in a parsed query, set of parameters or form body holds a NUL byte. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 4 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || holdsNul(v, depth + 1)) return true;
  return false;
}

export async function registerPlatform(
  app: FastifyInstance,
  deps: { config: Config; db: Kysely<DB>; errorPage: ErrorPageComponent } & AccessOptions,
): Promise<void> {
  const { config, db } = deps;
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'rc_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    getToken: (req: FastifyRequest) =>
      (req.body as { _csrf?: string } | undefined)?._csrf ??
      (req.query as { _csrf?: string } | undefined)?._csrf ??
      (req.headers['x-csrf-token'] as string | undefined),
  });

  app.decorateRequest('actor', null as never); // set for every request in onRequest
  app.decorateRequest('flash', undefined);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await findSessionActor(db, token);
      if (actor) request.actor = actor;
      else reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (request.cookies.rc_flash) request.flash = takeFlash(request, reply);
  });

  // A signed-in page holds someone's work or someone else's details: no browser or proxy may
  // keep it (a shared laptop's back button, a cache between). Routes that set their own policy
  // (calendar feeds, public assets) keep it.
  app.addHook('onSend', async (request, reply) => {
    if (isSignedIn(request.actor) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'private, no-store');
  });

  // PostgreSQL text can't hold a NUL byte, and no form or address needs one: refuse it once,
  // here, with a plain 400, rather than let each search or form meet a database error.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.query) || holdsNul(request.params) || holdsNul(request.body)) {
      throw new AppError(
        'bad_request',
        "Something you sent contains a hidden character (a null byte) that we can't accept. Please remove it and try again.",
      );
    }
  });

  // CSRF on every state-changing request, unless a route opts out explicitly.
  app.addHook('preHandler', (request, reply, done) => {
    if (!STATE_CHANGING.has(request.method) || request.routeOptions.config.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });

  registerAccessControl(app, { ...deps, checkBearer: (header) => checkBearer(db, header) });
  registerErrorHandling(app, config.demo, deps.errorPage);
}
