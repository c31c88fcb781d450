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
  /** The migration numbers this module owns, inclusive: [400, 499] for 04xx files. */
  readonly migrationsRange: readonly [number, number];
}
