// What a use case may touch, passed explicitly: no globals, no service locator.
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { WorkspaceLink } from './http/access.ts';
import type { JobQueue } from './jobs/job-definition.ts';
import type { Mailer } from './mail/mailer.ts';
import type { NetworkLink, OrgMarksSource } from './modules.ts';

export interface Deps {
  readonly db: Kysely<DB>;
  readonly mailer: Mailer;
  readonly config: Config;
  readonly jobs: JobQueue;
  /** Every registered module's workspace and network links, for the pages that list them. */
  readonly links: { readonly workspace: readonly WorkspaceLink[]; readonly network: readonly NetworkLink[] };
  /** Every module's public marks on organisations, merged (none when left out, as in some tests). */
  readonly orgMarks?: OrgMarksSource;
}
