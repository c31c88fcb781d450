// What a use case may touch, passed explicitly: no globals, no service locator.
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { Mailer } from './mail/mailer.ts';

export interface Deps {
  readonly db: Kysely<DB>;
  readonly mailer: Mailer;
  readonly config: Config;
}
