// One place decides who may reach a route. Every route declares `config.access`; the app
// refuses to start when one does not (fail closed), and a single preHandler enforces it,
// loading the organisation named in the URL once and handing it to the handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSignedIn, roleIn, type OrgRole, type SignedInActor } from '../auth/actor.ts';
import type { ApiCaller, ApiScope, BearerCheck } from '../auth/api-tokens.ts';
import { AppError, forbidden, notFound } from './errors.ts';

export interface OrgTarget {
  id: string;
  slug: string;
  name: string;
  status: 'applicant' | 'member' | 'lapsed';
}

/** A named rule from a module's policy file: may this person act on this organisation? */
export interface OrgRule {
  readonly name: string;
  allows(actor: SignedInActor, org: OrgTarget): boolean;
}

/** A rule allowing people who hold one of these roles in the organisation. */
export function orgRoleRule(name: string, roles: readonly OrgRole[]): OrgRule {
  return { name, allows: (actor, org) => roles.includes(roleIn(actor, org.id) as OrgRole) };
}

/** A named rule about the person alone (network-wide roles). */
export interface ActorRule {
  readonly name: string;
  allows(actor: SignedInActor): boolean;
}

export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  /** The route has an `:org` parameter (the organisation's slug). */
  | { kind: 'org'; rule: OrgRule }
  | { kind: 'network'; rule: ActorRule }
  /**
   * The read-only API, by bearer token (platform/auth/api-tokens.ts), never by cookie. 'public':
   * anyone, with or without a token; 'org' and 'network': only a live token of that scope. A
   * token that is sent must be live on every API route, public ones too.
   */
  | { kind: 'api'; scope: ApiScope };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signed-in' } as Access,
  org: (rule: OrgRule): Access => ({ kind: 'org', rule }),
  network: (rule: ActorRule): Access => ({ kind: 'network', rule }),
  api: (scope: ApiScope): Access => ({ kind: 'api', scope }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Set false only for endpoints that take no cookies (the digest's one-click unsubscribe, keyed by its token). */
    csrf?: boolean;
  }
  interface FastifyInstance {
    /** Every route and the access it declared, for the authorisation tests and docs. */
    routeTable: { method: string; url: string; access: Access }[];
  }
  interface FastifyRequest {
    /** The organisation named by `:org`, loaded and authorised for this request. */
    org: OrgTarget | undefined;
    /** The API token this request came with, checked (routes declared with access.api). */
    apiCaller: ApiCaller | undefined;
  }
}

export interface AccessOptions {
  /** Loads an organisation by slug; the network module provides it. */
  findOrgBySlug(slug: string): Promise<OrgTarget | undefined>;
  /** Checks an Authorization header for the API's routes; without it every token is refused. */
  checkBearer?(header: unknown): Promise<BearerCheck>;
}

const API_SCOPE_WORDS: Record<ApiScope, string> = {
  public: 'public',
  org: "an organisation's own",
  network: "the network's",
};

export function registerAccessControl(app: FastifyInstance, options: AccessOptions): void {
  app.decorateRequest('org', undefined);
  app.decorateRequest('apiCaller', undefined);
  const routeTable: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (!declared) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access rule. ` +
          'Add config.access (access.public, access.signedIn, access.org(rule), access.network(rule) or access.api(scope)).',
      );
    }
    if (declared.kind === 'api' && !route.url.startsWith('/api/')) {
      throw new Error(`Route ${route.url} uses an API rule but is not under /api/.`);
    }
    if (declared.kind === 'org' && !route.url.includes(':org')) {
      throw new Error(`Route ${route.url} uses an organisation rule but has no :org parameter.`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: declared });
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const rule = request.routeOptions.config.access;
    if (!rule) throw notFound(); // unmatched routes (404 handler) carry no config
    if (rule.kind === 'public') return;
    if (rule.kind === 'api') {
      // Node keeps only the first of several Authorization headers; two of them are refused, not guessed at.
      const sent = authorizationHeaders(request);
      const header = sent.length > 1 ? sent : request.headers.authorization;
      if (header === undefined && rule.scope === 'public') return;
      if (header === undefined) {
        reply.header('www-authenticate', 'Bearer realm="api"');
        throw new AppError(
          'unauthenticated',
          `This needs an API token with ${API_SCOPE_WORDS[rule.scope]} scope, sent as "Authorization: Bearer <token>".`,
        );
      }
      const check = options.checkBearer
        ? await options.checkBearer(header)
        : ({ ok: false, reason: 'invalid' } as const);
      if (!check.ok && check.reason === 'rate_limited') {
        reply.header('retry-after', String(check.retryAfterSeconds));
        throw new AppError(
          'too_many_requests',
          'This token has made too many requests. Please wait a minute and try again.',
        );
      }
      if (!check.ok) {
        reply.header('www-authenticate', 'Bearer realm="api", error="invalid_token"');
        throw new AppError('unauthenticated', 'That API token is not valid: it may be mistyped, expired or revoked.');
      }
      if (rule.scope !== 'public' && check.caller.scope !== rule.scope) {
        throw new AppError('forbidden', `This needs an API token with ${API_SCOPE_WORDS[rule.scope]} scope.`);
      }
      request.apiCaller = check.caller;
      return;
    }
    const actor = request.actor;
    if (!isSignedIn(actor)) {
      throw new AppError('unauthenticated', 'Please sign in to see this page.');
    }
    if (rule.kind === 'signed-in') return;
    if (rule.kind === 'network') {
      if (!rule.rule.allows(actor)) throw forbidden('This page is for network coordinators.');
      return;
    }
    const slug = (request.params as { org?: string }).org ?? '';
    const org = await options.findOrgBySlug(slug);
    // "Missing" and "not yours" look the same, so addresses reveal nothing.
    if (!org || !rule.rule.allows(actor, org)) throw notFound('organisation');
    request.org = org;
  });
}

/** Every Authorization header as sent (the parsed headers keep only the first). */
function authorizationHeaders(request: FastifyRequest): string[] {
  const raw = request.raw.rawHeaders;
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'authorization') out.push(raw[i + 1]!);
  return out;
}

/** The organisation the access layer loaded; only for routes declared with access.org. */
export function orgOf(request: FastifyRequest): OrgTarget {
  if (!request.org) throw new Error('orgOf() used on a route without an organisation rule');
  return request.org;
}

/** The API token's caller; only for routes declared with access.api('org') or access.api('network'). */
export function apiCallerOf(request: FastifyRequest): ApiCaller {
  if (!request.apiCaller) throw new Error('apiCallerOf() used on a route without a token rule');
  return request.apiCaller;
}

/** The signed-in person; only for routes that require one. */
export function personOf(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw new AppError('unauthenticated', 'Please sign in to see this page.');
  return request.actor;
}

/**
 * A link on an organisation's workspace page to a module's part of it (its profile, its
 * participants…). Modules export theirs from index.ts; app.ts hands them to the network
 * module, and each shows only to people its rule allows.
 */
export interface WorkspaceLink {
  label: string;
  description: string;
  href(org: OrgTarget): string;
  rule: OrgRule;
}
