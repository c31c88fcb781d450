// Test data builders: an organisation, a person with roles, straight into the database.
import type { Kysely } from 'kysely';
import type { NetworkRole, OrgRole } from '../../src/platform/auth/actor.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { DB } from '../../src/platform/db/schema.ts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
let seq = 0;

export async function buildOrg(
  db: Kysely<DB>,
  o: { name?: string; slug?: string; status?: 'applicant' | 'member' | 'lapsed'; summary?: string } = {},
) {
  const n = ++seq;
  const name = o.name ?? `Test Organisation ${n}`;
  return db
    .insertInto('organisations')
    .values({
      name,
      slug: o.slug ?? `test-org-${n}-${Date.now().toString(36)}`,
      status: o.status ?? 'member',
      summary: o.summary ?? '',
      town: 'Leeds',
      region: 'Yorkshire and The Humber',
    })
    .returning(['id', 'slug', 'name', 'status'])
    .executeTakeFirstOrThrow();
}

export async function buildPerson(
  db: Kysely<DB>,
  p: {
    email?: string;
    name?: string;
    networkRole?: NetworkRole;
    memberships?: { orgId: string; role: OrgRole }[];
  } = {},
) {
  const n = ++seq;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = p.email ?? `person${n}.${Date.now().toString(36)}@test.example`;
  const person = await db
    .insertInto('people')
    .values({
      email,
      display_name: p.name ?? `Person ${n}`,
      password_hash: await passwordHash,
      network_role: p.networkRole ?? null,
    })
    .returning(['id', 'email', 'display_name'])
    .executeTakeFirstOrThrow();
  for (const m of p.memberships ?? []) {
    await db.insertInto('memberships').values({ org_id: m.orgId, person_id: person.id, role: m.role }).execute();
  }
  return person;
}

/** The newest email sent to an address, from the outbox. */
export async function lastMailTo(outbox: () => Promise<{ to: string; text: string; subject: string }[]>, to: string) {
  const mail = (await outbox()).find((m) => m.to === to);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

export function linkIn(text: string): string {
  const m = /https?:\/\/[^/\s]+(\/\S+)/.exec(text);
  if (!m) throw new Error('no link in the message');
  return m[1]!;
}
