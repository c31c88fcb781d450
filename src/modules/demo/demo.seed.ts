// Writes the demo network, once, into an empty database, in one transaction.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { DB } from '../../platform/db/schema.ts';
import { seedDirectoryDemo } from '../directory/index.ts';
import { seedEvidenceDemo } from '../evidence/index.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { DEMO_PASSWORD, demoOrganisations, demoPeople } from './demo.data.ts';

export async function hasAnyOrganisation(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst());
}

/** The core demo (organisations, people, directory, evidence), then each module's own demo data. */
export async function seedDemo(
  db: Kysely<DB>,
  modules: readonly ModuleDefinition[],
): Promise<{ organisations: number; people: number }> {
  const orgs = demoOrganisations();
  const people = demoPeople(orgs);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash serves every demo account
  await db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('organisations')
      .values(
        orgs.map((o) => ({
          slug: o.slug,
          name: o.name,
          status: o.status,
          town: o.town,
          region: o.region,
          size_band: o.sizeBand,
          summary: o.summary,
        })),
      )
      .returning(['id', 'slug', 'name', 'status'])
      .execute();
    const orgId = new Map(inserted.map((r) => [r.slug, r.id]));
    const personRows = await tx
      .insertInto('people')
      .values(people.map((p) => ({ email: p.email, display_name: p.name, password_hash: passwordHash, network_role: p.networkRole })))
      .returning(['id', 'email'])
      .execute();
    const personId = new Map(personRows.map((r) => [r.email, r.id]));
    const memberships = people.flatMap((p) =>
      p.memberships.map((m) => ({ org_id: orgId.get(m.orgSlug)!, person_id: personId.get(p.email)!, role: m.role })),
    );
    await tx.insertInto('memberships').values(memberships).execute();
    await seedEvidenceDemo(tx, inserted);
    await seedDirectoryDemo(
      tx,
      orgs.map((o) => ({ id: orgId.get(o.slug)!, slug: o.slug, name: o.name, town: o.town, outcode: o.outcode, sizeBand: o.sizeBand })),
      { coordinatorId: personId.get('coordinator@demo.example') },
    );
    const context = {
      organisations: new Map(inserted.map((r) => [r.slug, r])),
      people: personId,
    };
    for (const module of modules) await module.seedDemo?.(tx, context);
    await tx
      .insertInto('instance_settings')
      .values({ key: 'demo', value: JSON.stringify(true) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(true) }))
      .execute();
  });
  return { organisations: orgs.length, people: people.length };
}
