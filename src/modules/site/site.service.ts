// Reads for the site's own pages: the home page's members by region, the help-now numbers and
// the next public events.
import type { Deps } from '../../platform/deps.ts';
import { loadHelpNow } from '../directory/index.ts';
import { listUpcomingPublicEvents } from '../events/index.ts';
import { memberCountsByRegion } from './site.repository.ts';

export async function loadHomePage(deps: Deps) {
  const [rows, helpNow, upcoming] = await Promise.all([
    memberCountsByRegion(deps.db),
    loadHelpNow(deps.db),
    listUpcomingPublicEvents(deps.db, { limit: 3 }),
  ]);
  const regions = rows.map((r) => ({ region: r.region, count: Number(r.n) }));
  return { members: regions.reduce((a, r) => a + r.count, 0), regions, helpNow, upcoming };
}
