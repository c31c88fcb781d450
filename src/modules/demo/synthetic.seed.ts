// Larger fictional networks for benchmarks: `connectors seed synthetic --orgs N --people M`.
// Rows go in with unnest() in batches, inside one transaction, so it is fast and all-or-nothing.
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { DB } from '../../platform/db/schema.ts';
import { seedEvidenceSynthetic } from '../evidence/index.ts';

const REGIONS = ['North East', 'North West', 'Yorkshire and The Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West'];
const ROLES = ['lead', 'worker', 'volunteer', 'volunteer', 'peer_researcher'] as const;
const BATCH = 5000;

export interface SyntheticOptions {
  orgs: number;
  people: number;
  /** Questionnaires to add across the new organisations (for evidence benchmarks). */
  assessments?: number;
  /** Prefix for slugs and emails, so several synthetic sets can sit side by side. */
  prefix?: string;
}

export async function seedSynthetic(db: Kysely<DB>, options: SyntheticOptions): Promise<{ organisations: number; people: number; assessments: number }> {
  const prefix = options.prefix ?? 'synthetic';
  const passwordHash = await hashPassword('synthetic-password-2026');
  await db.transaction().execute(async (tx) => {
    const orgIds: string[] = [];
    for (let start = 0; start < options.orgs; start += BATCH) {
      const n = Math.min(BATCH, options.orgs - start);
      const idx = Array.from({ length: n }, (_, i) => start + i);
      const rows = await sql<{ id: string }>`
        insert into organisations (slug, name, status, town, region, size_band, summary)
        select s, nm, 'member', 'Synthetic town ' || (i % 97), rg, 'volunteers', 'A synthetic organisation for benchmarks.'
        from unnest(${idx.map((i) => `${prefix}-org-${i}`)}::text[], ${idx.map((i) => `Synthetic Organisation ${i}`)}::text[],
                    ${idx.map((i) => REGIONS[i % REGIONS.length]!)}::text[], ${idx}::int[]) as t(s, nm, rg, i)
        returning id`.execute(tx);
      orgIds.push(...rows.rows.map((r) => r.id));
    }
    for (let start = 0; start < options.people; start += BATCH) {
      const n = Math.min(BATCH, options.people - start);
      const idx = Array.from({ length: n }, (_, i) => start + i);
      const people = await sql<{ id: string }>`
        insert into people (email, display_name, password_hash)
        select e, nm, ${passwordHash}
        from unnest(${idx.map((i) => `${prefix}.person.${i}@synthetic.example`)}::text[], ${idx.map((i) => `Synthetic Person ${i}`)}::text[]) as t(e, nm)
        returning id`.execute(tx);
      if (orgIds.length === 0) continue;
      const ids = people.rows.map((r) => r.id);
      await sql`
        insert into memberships (org_id, person_id, role)
        select o, p, r from unnest(${idx.map((i) => orgIds[i % orgIds.length]!)}::uuid[], ${ids}::uuid[], ${idx.map((i) => ROLES[i % ROLES.length]!)}::text[]) as t(o, p, r)`.execute(tx);
    }
  });
  let assessments = 0;
  if (options.assessments) {
    const orgs = await db.selectFrom('organisations').select('id').where('slug', 'like', `${prefix}-org-%`).orderBy('slug').execute();
    assessments = await seedEvidenceSynthetic(db, { orgIds: orgs.map((o) => o.id), assessments: options.assessments, prefix });
  }
  return { organisations: options.orgs, people: options.people, assessments };
}
