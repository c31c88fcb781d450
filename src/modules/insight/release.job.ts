// The monthly publication of outside figures: at 06:00 UK time on the 1st, and on each start of
// an instance (so a month whose 1st was missed, or a first start, gets its release). Publishing
// is once per month whoever asks: a payload `on` (an operator's or a test's) names the date.
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { todayInUk } from '../../platform/time.ts';
import { publishDueRelease, publishRelease } from './release.service.ts';

export const PUBLISH_FIGURES_JOB = 'insight.publish-figures';

export const publishFiguresJob: JobDefinition<{ on?: unknown }> = {
  name: PUBLISH_FIGURES_JOB,
  schedule: '0 6 1 * *',
  runOnStart: true,
  async run(deps, payload) {
    const on = typeof payload.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(payload.on) ? payload.on : undefined;
    if (on) await publishRelease(deps.db, on);
    else await publishDueRelease(deps.db, todayInUk());
  },
};
