// Writes the demo network, once, into an empty database, in one transaction.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { DB } from '../../platform/db/schema.ts';
import { seedDirectoryDemo } from '../directory/index.ts';
import { seedEvidenceDemo } from '../evidence/index.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { DEMO_PASSWORD, demoOrganisations, demoPeople } from './demo.data.ts';
import * as repo from './demo.repository.ts';

export { hasAnyOrganisation } from './demo.repository.ts';

/** The core demo (organisations, people, directory, evidence), then each module's own demo data. */
export async function seedDemo(
  db: Kysely<DB>,
  modules: readonly ModuleDefinition[],
): Promise<{ organisations: number; people: number }> {
  const orgs = demoOrganisations();
  const people = demoPeople(orgs);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash serves every demo account
  await db.transaction().execute(async (tx) => {
    const inserted = await repo.insertDemoOrganisations(tx, orgs);
    const orgId = new Map(inserted.map((r) => [r.slug, r.id]));
    const personId = await repo.insertDemoPeople(tx, people, passwordHash);
    const memberships = people.flatMap((p) =>
      p.memberships.map((m) => ({ org_id: orgId.get(m.orgSlug)!, person_id: personId.get(p.email)!, role: m.role })),
    );
    await repo.insertMemberships(tx, memberships);
    await seedEvidenceDemo(tx, inserted);
    await seedDirectoryDemo(
      tx,
      orgs.map((o) => ({
        id: orgId.get(o.slug)!,
        slug: o.slug,
        name: o.name,
        town: o.town,
        outcode: o.outcode,
        sizeBand: o.sizeBand,
      })),
      { coordinatorId: personId.get('coordinator@demo.example') },
    );
    const context = {
      organisations: new Map(inserted.map((r) => [r.slug, r])),
      people: personId,
    };
    for (const module of modules) await module.seedDemo?.(tx, context);
    await repo.markDemoInstance(tx);
  });
  return { organisations: orgs.length, people: people.length };
}
