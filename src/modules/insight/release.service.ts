// Publishing outside figures as dated releases. A release freezes, per member organisation, the
// aggregates every outside view is computed from; outside views read only the latest release, so
// adding people and watching the figures move (differencing on demand) shows nothing until the
// next release, a month later, when everything else has moved too.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInUk } from '../../platform/time.ts';
import { MINIMUM_GROUP_SIZE } from './domain/disclosure.ts';
import { nextReleaseDate, releaseIsDue } from './domain/release-calendar.ts';
import { readContributedSummaries, readMembers, readNetworkReach } from './reach.repository.ts';
import { readNetworkSums } from './summaries.repository.ts';
import * as repo from './release.repository.ts';

export type { Release, ReleaseOrg } from './release.repository.ts';

/** People behind an organisation's outside figures: the most on any measure, own or contributed. */
export function groupSize(o: repo.ReleaseOrg): number {
  return Math.max(o.figures.reach.participants, 0, ...o.figures.contributed.map((c) => c.n));
}

/** Publishes the release dated `on` (a UK date) from the data as they are now; once per date. */
export async function publishRelease(db: Kysely<DB>, on: string): Promise<{ release: repo.Release; created: boolean }> {
  return db.transaction().execute((tx) => publishReleaseWithin(tx, on));
}

/** The same, inside the caller's transaction (the demo seed's). */
export async function publishReleaseWithin(
  tx: Kysely<DB>,
  on: string,
): Promise<{ release: repo.Release; created: boolean }> {
  const existing = await repo.readReleaseOn(tx, on);
  if (existing) return { release: existing, created: false };
  const [members, sums, contributed, reach] = await Promise.all([
    readMembers(tx),
    readNetworkSums(tx),
    readContributedSummaries(tx),
    readNetworkReach(tx),
  ]);
  const orgs: repo.ReleaseOrg[] = members.map((m) => {
    const r = reach.find((x) => x.orgId === m.id);
    return {
      orgId: m.id,
      name: m.name,
      slug: m.slug,
      figures: {
        sums: sums.filter((s) => s.orgId === m.id).map(({ orgName: _n, orgSlug: _s, ...rest }) => rest),
        contributed: contributed.filter((c) => c.orgId === m.id),
        reach: {
          participants: r?.participants ?? 0,
          assessed: r?.assessed ?? 0,
          sessions: r?.sessions ?? 0,
          attendance: r?.attendance ?? 0,
          volunteerHours: r?.volunteerHours ?? 0,
          region: r?.region ?? '',
        },
      },
    };
  });
  return { release: await repo.insertRelease(tx, on, nextReleaseDate(on), orgs), created: true };
}

/** The demo's figures: a release dated the 1st of this month, so the demo shows them at once. */
export async function seedInsightDemo(tx: Kysely<DB>): Promise<void> {
  await publishReleaseWithin(tx, `${todayInUk().slice(0, 8)}01`);
}

/** The scheduled publication: a release dated today when this month has none yet. */
export async function publishDueRelease(
  db: Kysely<DB>,
  today: string,
): Promise<{ release: repo.Release; created: boolean } | undefined> {
  const latest = await repo.readLatestRelease(db);
  if (!releaseIsDue(latest?.releasedOn, today)) return undefined;
  return publishRelease(db, today);
}

/** The latest release and its organisations (optionally only some). */
export async function readLatestReleaseOrgs(
  db: Kysely<DB>,
  orgIds?: readonly string[],
): Promise<{ release: repo.Release | null; orgs: repo.ReleaseOrg[] }> {
  const release = await repo.readLatestRelease(db);
  if (!release) return { release: null, orgs: [] };
  return { release, orgs: await repo.readReleaseOrgs(db, release.id, orgIds) };
}

/**
 * Refuses a group (a consortium) with any organisation under the threshold in the latest release:
 * paired with organisations of known size, its figures would pin the small one's count. The
 * message names the organisation and says it is too small, never how small.
 */
export async function assertGroupCanBeShown(
  db: Kysely<DB>,
  orgs: readonly { id: string; name: string }[],
): Promise<void> {
  const { orgs: released } = await readLatestReleaseOrgs(
    db,
    orgs.map((o) => o.id),
  );
  const size = new Map(released.map((o) => [o.orgId, groupSize(o)]));
  const small = orgs.filter((o) => (size.get(o.id) ?? 0) < MINIMUM_GROUP_SIZE).map((o) => o.name);
  if (small.length === 0) return;
  const names = small.length === 1 ? small[0]! : `${small.slice(0, -1).join(', ')} and ${small[small.length - 1]}`;
  throw new AppError(
    'validation',
    `${names} ${small.length === 1 ? 'has' : 'have'} too few people who agreed to network use to be part of a group's figures, so this group can't be shown. Groups can only include organisations with at least ${MINIMUM_GROUP_SIZE} such people in the latest published figures, so that no one can be recognised. Leave ${small.length === 1 ? 'it' : 'them'} out and try again.`,
  );
}
