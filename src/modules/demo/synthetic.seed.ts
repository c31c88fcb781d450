// Larger fictional networks for benchmarks: `connectors seed synthetic --orgs N --people M`.
// Rows go in with unnest() in batches, inside one transaction, so it is fast and all-or-nothing.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { DB } from '../../platform/db/schema.ts';
import { seedEvidenceSynthetic } from '../evidence/index.ts';
import * as repo from './demo.repository.ts';

const BATCH = 5000;

export interface SyntheticOptions {
  orgs: number;
  people: number;
  /** Questionnaires to add across the new organisations (for evidence benchmarks). */
  assessments?: number;
  /** Prefix for slugs and emails, so several synthetic sets can sit side by side. */
  prefix?: string;
}

export async function seedSynthetic(
  db: Kysely<DB>,
  options: SyntheticOptions,
): Promise<{ organisations: number; people: number; assessments: number }> {
  const prefix = options.prefix ?? 'synthetic';
  const passwordHash = await hashPassword('synthetic-password-2026');
  await db.transaction().execute(async (tx) => {
    const orgIds: string[] = [];
    for (let start = 0; start < options.orgs; start += BATCH) {
      const idx = Array.from({ length: Math.min(BATCH, options.orgs - start) }, (_, i) => start + i);
      orgIds.push(...(await repo.insertSyntheticOrganisations(tx, prefix, idx)));
    }
    for (let start = 0; start < options.people; start += BATCH) {
      const idx = Array.from({ length: Math.min(BATCH, options.people - start) }, (_, i) => start + i);
      await repo.insertSyntheticPeople(tx, prefix, idx, passwordHash, orgIds);
    }
  });
  let assessments = 0;
  if (options.assessments) {
    const orgIds = await repo.syntheticOrganisationIds(db, prefix);
    assessments = await seedEvidenceSynthetic(db, { orgIds, assessments: options.assessments, prefix });
  }
  return { organisations: options.orgs, people: options.people, assessments };
}
