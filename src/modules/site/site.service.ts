// Reads for the site's own pages: the home page's members by region, the help-now numbers and
// the next public events.
import type { Deps } from '../../platform/deps.ts';
import { loadHelpNow } from '../directory/index.ts';
import { listUpcomingPublicEvents } from '../events/index.ts';
import { DEFAULT_RETENTION_YEARS, NOTICE_DAYS, retentionRulesAcrossNetwork } from '../evidence/index.ts';
import { PROCESSING_REGISTER, SECURITY_MEASURES } from './processing-register.ts';
import { countRows, memberCountsByRegion } from './site.repository.ts';

export async function loadHomePage(deps: Deps) {
  const [rows, helpNow, upcoming] = await Promise.all([
    memberCountsByRegion(deps.db),
    loadHelpNow(deps.db),
    listUpcomingPublicEvents(deps.db, { limit: 3 }),
  ]);
  const regions = rows.map((r) => ({ region: r.region, count: Number(r.n) }));
  return { members: regions.reduce((a, r) => a + r.count, 0), regions, helpNow, upcoming };
}

/** The Article 30 record: the register in code, with what is held now and each organisation's rule. */
export async function loadRecordsOfProcessing(deps: Deps) {
  const counts = await countRows(
    deps.db,
    PROCESSING_REGISTER.flatMap((a) => a.tables),
  );
  const retention = await retentionRulesAcrossNetwork(deps.db);
  return {
    activities: PROCESSING_REGISTER.map((a) => ({
      ...a,
      held: a.tables.reduce((n, t) => n + (counts.get(t) ?? 0), 0),
    })),
    retention: { ...retention, defaultYears: DEFAULT_RETENTION_YEARS, noticeDays: NOTICE_DAYS },
    security: SECURITY_MEASURES,
  };
}
export type RecordsOfProcessingView = Awaited<ReturnType<typeof loadRecordsOfProcessing>>;
