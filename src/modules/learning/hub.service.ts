// The learning front door's view model: what is new in the library, and recent stories, as the
// viewer may see them (members see members-only items too).
import type { Deps } from '../../platform/deps.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import { latestResources } from './library/library.repository.ts';
import { viewerOf } from './membership.ts';

export type LatestResource = Awaited<ReturnType<typeof latestResources>>[number];

export async function loadHubPage(deps: Deps, actor: PageContext['actor']) {
  const viewer = await viewerOf(deps, actor);
  const [resources, stories] = await Promise.all([
    latestResources(deps.db, { member: viewer.member, kind: 'resource', limit: 5 }),
    latestResources(deps.db, { member: viewer.member, kind: 'story', limit: 3 }),
  ]);
  return { resources, stories, member: viewer.member };
}
