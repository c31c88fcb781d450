// One place decides who may reach a route. Every route declares `config.access`; the app
// refuses to start when one does not (fail closed), and a single preHandler enforces it,
// loading the organisation named in the URL once and handing it to the handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSignedIn, roleIn, type OrgRole, type SignedInActor } from '../auth/actor.ts';
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
  | { kind: 'network'; rule: ActorRule };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signed-in' } as Access,
  org: (rule: OrgRule): Access => ({ kind: 'org', rule }),
  network: (rule: ActorRule): Access => ({ kind: 'network', rule }),
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
  }
}

export interface AccessOptions {
  /** Loads an organisation by slug; the network module provides it. */
  findOrgBySlug(slug: string): Promise<OrgTarget | undefined>;
}

export function registerAccessControl(app: FastifyInstance, options: AccessOptions): void {
  app.decorateRequest('org', undefined);
  const routeTable: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (!declared) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access rule. ` +
          'Add config.access (access.public, access.signedIn, access.org(rule) or access.network(rule)).',
      );
    }
    if (declared.kind === 'org' && !route.url.includes(':org')) {
      throw new Error(`Route ${route.url} uses an organisation rule but has no :org parameter.`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: declared });
    }
  });

  app.addHook('preHandler', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule) throw notFound(); // unmatched routes (404 handler) carry no config
    if (rule.kind === 'public') return;
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

/** The organisation the access layer loaded; only for routes declared with access.org. */
export function orgOf(request: FastifyRequest): OrgTarget {
  if (!request.org) throw new Error('orgOf() used on a route without an organisation rule');
  return request.org;
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
