// What every page needs to know about the request: who is looking, whether this is the demo,
// a one-off message from the last action, and a CSRF token for any form it shows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';

export interface Flash {
  kind: 'success' | 'info';
  text: string;
}

export interface PageContext {
  actor: Actor;
  demo: boolean;
  path: string;
  flash: Flash | undefined;
  /** A CSRF token for a form on this page; made only when a form asks for it. */
  csrfToken(): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    flash: Flash | undefined;
  }
}

const FLASH_COOKIE = 'rc_flash';

export function pageContext(request: FastifyRequest, reply: FastifyReply, demo: boolean): PageContext {
  let token: string | undefined;
  return {
    actor: request.actor,
    demo,
    path: request.url.split('?')[0] ?? '/',
    flash: request.flash,
    csrfToken: () => (token ??= reply.generateCsrf()),
  };
}

/** Shows a message on the next page this browser loads (after a redirect). */
export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: 60,
  });
}

/** Reads and clears the message; called once per request by the app. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as Flash;
    if ((parsed.kind === 'success' || parsed.kind === 'info') && typeof parsed.text === 'string') return parsed;
  } catch {
    // a tampered or stale cookie: ignore it
  }
  return undefined;
}
