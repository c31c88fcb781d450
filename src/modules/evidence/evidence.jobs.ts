// The evidence module's scheduled jobs (UK time), run on the platform's queue.
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { expireCompletionLinks, purgeDeletedAssessments } from './assessments/assessments.service.ts';
import { sweepAbandonedUploads } from './imports/imports.service.ts';
import { applyRetention } from './retention/retention.service.ts';
import { sweepLegacyUploadFiles } from './upload-sweep.ts';

export const evidenceJobs: JobDefinition[] = [
  {
    name: 'evidence.sweep-uploads',
    schedule: '40 3 * * *',
    run: async (deps) => {
      await sweepAbandonedUploads(deps);
      await sweepLegacyUploadFiles(deps.config.dataDir);
    },
  },
  {
    name: 'evidence.expire-completion-links',
    schedule: '50 3 * * *',
    run: async (deps) => void (await expireCompletionLinks(deps.db)),
  },
  {
    // Deleted questionnaires can be restored for 30 days; after that they go for good.
    name: 'evidence.purge-deleted-assessments',
    schedule: '55 3 * * *',
    run: async (deps) => void (await purgeDeletedAssessments(deps.db)),
  },
  {
    // Reports who is past each organisation's retention rule; erases them once the notice has passed.
    name: 'evidence.apply-retention',
    schedule: '10 4 * * *',
    run: async (deps) => void (await applyRetention(deps)),
  },
];
