// What a module gives the app. Each module's index.ts exports one ModuleDefinition and
// app.ts registers a list of them, so adding a module is one line and nothing depends on
// the order they are listed in.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Deps } from './deps.ts';
import type { DB } from './db/schema.ts';
import type { ActorRule, WorkspaceLink } from './http/access.ts';
import type { JobDefinition } from './jobs/job-definition.ts';

/** A link on the network coordinators' page (`/network`) to work a module owns. */
export interface NetworkLink {
  label: string;
  description: string;
  href: string;
  rule: ActorRule;
}

/** Organisations and people the core demo created, handed to each module's demo seed. */
export interface DemoSeedContext {
  /** The demo organisations by slug: id, slug, name, status. */
  organisations: ReadonlyMap<string, { id: string; slug: string; name: string; status: string }>;
  /** Demo people by email: id. */
  people: ReadonlyMap<string, string>;
}

/**
 * Something a module says in public about a member organisation, such as recognition against
 * the network's standards. Shown on the organisation's public profile and carried in the Open
 * Referral UK feed as an attribute of the organisation.
 */
export interface OrgMark {
  /** Stable and unique across modules ('standards.recognised'): the feed's attribute id comes from it. */
  key: string;
  /** Plain words for the profile: "Recognised against the network's quality standards". */
  label: string;
  /** One more plain sentence: dates, what it means. */
  detail: string;
  /** A public page that explains it. */
  href: string;
  /** The taxonomy term the feed carries. */
  term: { id: string; name: string; description: string; taxonomy: string };
}

/** Marks for each of the given organisations; organisations with none may be left out. */
export type OrgMarksSource = (
  db: Kysely<DB>,
  orgIds: readonly string[],
) => Promise<ReadonlyMap<string, readonly OrgMark[]>>;

export interface ModuleDefinition {
  /** Short, lower case: 'voice', 'events'. Job names start with it. */
  readonly name: string;
  /** The module's routes, registered as one Fastify plugin. */
  routes(deps: Deps): (app: FastifyInstance) => Promise<void>;
  /** Cards on an organisation's workspace page. */
  readonly workspaceLinks?: readonly WorkspaceLink[];
  /** Cards on the coordinators' `/network` page. */
  readonly networkLinks?: readonly NetworkLink[];
  /** Demo data, written inside the demo seed's transaction, after the core organisations and people. */
  seedDemo?(tx: Kysely<DB>, context: DemoSeedContext): Promise<void>;
  /** Recurring and one-off jobs this module runs on the platform's queue. */
  readonly jobs?: readonly JobDefinition[];
  /** Public marks on member organisations (profile and feed). */
  readonly orgMarks?: OrgMarksSource;
  /** The migration numbers this module owns, inclusive: [400, 499] for 04xx files. */
  readonly migrationsRange: readonly [number, number];
}

/** One source of marks from every module that has some, in the order the modules are listed. */
export function mergeOrgMarks(modules: readonly ModuleDefinition[]): OrgMarksSource {
  const sources = modules.flatMap((m) => (m.orgMarks ? [m.orgMarks] : []));
  return async (db, orgIds) => {
    const merged = new Map<string, OrgMark[]>();
    if (orgIds.length === 0) return merged;
    for (const marks of await Promise.all(sources.map((source) => source(db, orgIds)))) {
      for (const [orgId, list] of marks) merged.set(orgId, [...(merged.get(orgId) ?? []), ...list]);
    }
    return merged;
  };
}
