// All SQL for expressions of interest in joining the network. Only coordinators read these.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ApplicationEventKind, ApplicationStatus } from './domain/application-states.ts';

export type { ApplicationEventKind, ApplicationStatus };

type Db = Kysely<DB>;

export interface NewApplication {
  kind: 'organisation' | 'individual';
  org_name: string;
  contact_name: string;
  email: string;
  phone: string;
  town: string;
  outcode: string;
  lad_code: string | null;
  region: string;
  what_you_do: string;
  lived_experience: string;
  website: string;
}

export async function insertApplication(db: Db, a: NewApplication): Promise<string> {
  const row = await db.insertInto('applications').values(a).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function addApplicationEvent(
  db: Db,
  applicationId: string,
  kind: ApplicationEventKind,
  actorId: string | null,
  message = '',
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({ application_id: applicationId, kind, actor_id: actorId, message })
    .execute();
}

export async function setApplicationStatus(
  db: Db,
  id: string,
  status: ApplicationStatus,
  orgId: string | null = null,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ status, updated_at: new Date(), ...(orgId ? { org_id: orgId } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Applications still to decide (waiting or questioned) first, oldest first; then decided ones, newest first. */
export async function listApplications(db: Db, open: boolean) {
  let q = db
    .selectFrom('applications')
    .select(['id', 'kind', 'org_name', 'contact_name', 'town', 'region', 'status', 'created_at', 'updated_at']);
  q = open
    ? q.where('status', 'in', ['waiting', 'questioned']).orderBy('created_at', 'asc')
    : q.where('status', 'in', ['approved', 'declined']).orderBy('updated_at', 'desc').limit(100);
  return q.orderBy('id').execute();
}

export async function findApplication(db: Db, id: string) {
  return db
    .selectFrom('applications as a')
    .leftJoin('organisations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select('o.slug as org_slug')
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function applicationHistory(db: Db, id: string) {
  return db
    .selectFrom('application_events as e')
    .leftJoin('people as p', 'p.id', 'e.actor_id')
    .select(['e.kind', 'e.message', 'e.at', 'p.display_name as actor_name'])
    .where('e.application_id', '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function countOpenApplications(db: Db): Promise<number> {
  const r = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['waiting', 'questioned'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Everyone who reviews applications: the network's coordinators and admins. */
export async function coordinatorEmails(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('email')
    .where('network_role', 'in', ['coordinator', 'admin'])
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}
