// Reads for the coordinators' network insight page and the consortium packs: the pooled view,
// which members cover which areas, and the member organisations a group pack can be made of.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { buildOutsideView } from './insight.service.ts';
import * as reach from './reach.repository.ts';

export async function loadNetworkInsightPage(deps: Deps) {
  const [view, coverage, members] = await Promise.all([
    buildOutsideView(deps.db),
    reach.readMemberCoverage(deps.db),
    reach.readMembers(deps.db),
  ]);
  return { view, coverage, members };
}

/** Member organisations (id, slug, name) by name: the ones a consortium pack may group. */
export async function readMembers(db: Kysely<DB>): Promise<{ id: string; slug: string; name: string }[]> {
  return reach.readMembers(db);
}
