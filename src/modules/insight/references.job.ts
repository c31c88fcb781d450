// Each Monday at 05:00 UK time, and on each start of an instance: the network's references for
// reliable change, worked out again from the first scores recorded so far.
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { estimateNetworkReferences } from './references.service.ts';

export const ESTIMATE_REFERENCES_JOB = 'insight.estimate-references';

export const estimateReferencesJob: JobDefinition<Record<string, never>> = {
  name: ESTIMATE_REFERENCES_JOB,
  schedule: '0 5 * * 1',
  runOnStart: true,
  async run(deps) {
    await estimateNetworkReferences(deps.db);
  },
};
