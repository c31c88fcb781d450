// Reads for the site's own pages: the home page's members by region and the help-now numbers.
import type { Deps } from '../../platform/deps.ts';
import { loadHelpNow } from '../directory/index.ts';
import { memberCountsByRegion } from './site.repository.ts';

export async function loadHomePage(deps: Deps) {
  const [rows, helpNow] = await Promise.all([memberCountsByRegion(deps.db), loadHelpNow(deps.db)]);
  const regions = rows.map((r) => ({ region: r.region, count: Number(r.n) }));
  return { members: regions.reduce((a, r) => a + r.count, 0), regions, helpNow };
}
