// SQL for releases of the outside figures (migrations/0301_insight_releases.sql): the dated
// release and, per member organisation, the aggregates frozen in it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ContributedSummary, Reach } from './reach.repository.ts';
import type { MeasureSums } from './summaries.repository.ts';

export interface Release {
  id: string;
  releasedOn: string;
  nextReleaseOn: string;
}

/** What one organisation contributes to a release: aggregates only. */
export interface ReleaseOrgFigures {
  sums: MeasureSums[];
  contributed: ContributedSummary[];
  reach: Reach & { region: string };
}

export interface ReleaseOrg {
  orgId: string;
  name: string;
  slug: string;
  figures: ReleaseOrgFigures;
}

export async function readLatestRelease(db: Kysely<DB>): Promise<Release | undefined> {
  const r = await sql<Release>`select id, released_on::text as "releasedOn", next_release_on::text as "nextReleaseOn"
    from insight_releases order by released_on desc limit 1`.execute(db);
  return r.rows[0];
}

export async function readReleaseOn(db: Kysely<DB>, on: string): Promise<Release | undefined> {
  const r = await sql<Release>`select id, released_on::text as "releasedOn", next_release_on::text as "nextReleaseOn"
    from insight_releases where released_on = ${on}`.execute(db);
  return r.rows[0];
}

/** The organisations in a release (optionally only some of them). */
export async function readReleaseOrgs(
  db: Kysely<DB>,
  releaseId: string,
  orgIds?: readonly string[],
): Promise<ReleaseOrg[]> {
  if (orgIds && orgIds.length === 0) return [];
  const r = await sql<ReleaseOrg>`select org_id as "orgId", name, slug, figures from insight_release_orgs
    where release_id = ${releaseId} ${orgIds ? sql`and org_id in (${sql.join(orgIds)})` : sql``}
    order by name`.execute(db);
  return r.rows;
}

export async function insertRelease(
  db: Kysely<DB>,
  releasedOn: string,
  nextReleaseOn: string,
  orgs: readonly ReleaseOrg[],
): Promise<Release> {
  const r =
    await sql<Release>`insert into insight_releases (released_on, next_release_on) values (${releasedOn}, ${nextReleaseOn})
    returning id, released_on::text as "releasedOn", next_release_on::text as "nextReleaseOn"`.execute(db);
  const release = r.rows[0]!;
  for (let i = 0; i < orgs.length; i += 500) {
    const chunk = orgs.slice(i, i + 500);
    await sql`insert into insight_release_orgs (release_id, org_id, name, slug, figures) values ${sql.join(
      chunk.map((o) => sql`(${release.id}, ${o.orgId}, ${o.name}, ${o.slug}, ${JSON.stringify(o.figures)}::jsonb)`),
    )}`.execute(db);
  }
  return release;
}
