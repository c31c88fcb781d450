// The voice module: consultations that find common ground, the network's own words and
// collections of phrases, and papers to government. Its only public entry.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { ModuleDefinition } from '../../platform/modules.ts';
import { consultationRoutes } from './consultations/consultations.routes.tsx';
import { ANALYSE_JOB, analyseConsultation, closeDueConsultations } from './consultations/consultations.service.ts';
import { submissionRoutes } from './submissions/submissions.routes.tsx';
import { hubRoutes } from './voice.hub.tsx';
import { coordinateVoice, runOrgConsultations } from './voice.policy.ts';
import { seedVoiceDemo } from './voice.seed.ts';
import { wordsRoutes } from './words/words.routes.tsx';

export * as voicePolicy from './voice.policy.ts';
export { analyseConsultation, closeDueConsultations };

export const voiceJobs: JobDefinition[] = [
  // Every five minutes, and once at each consultation's closing time (sent when it is opened).
  {
    name: 'voice.close-consultations',
    schedule: '*/5 * * * *',
    run: async (deps) => void (await closeDueConsultations(deps)),
  },
  {
    name: ANALYSE_JOB,
    run: async (deps, payload) => {
      if (typeof payload.consultationId === 'string') await analyseConsultation(deps, payload.consultationId);
    },
  },
];

export const voiceModule: ModuleDefinition = {
  name: 'voice',
  routes: (deps: Deps) => async (app: FastifyInstance) => {
    await app.register(hubRoutes(deps));
    await app.register(consultationRoutes(deps));
    await app.register(wordsRoutes(deps));
    await app.register(submissionRoutes(deps));
  },
  workspaceLinks: [
    {
      label: 'Consultations',
      description: 'Ask your people where they stand, and see where they agree.',
      href: (org) => `/orgs/${org.slug}/voice`,
      rule: runOrgConsultations,
    },
  ],
  networkLinks: [
    {
      label: 'The network’s voice',
      description: 'Consultations, words to check, key phrases and collections, papers to government.',
      href: '/network/voice',
      rule: coordinateVoice,
    },
  ],
  seedDemo: seedVoiceDemo,
  jobs: voiceJobs,
  migrationsRange: [400, 499],
};
/** Seam for the open API: published results, exactly as the public results pages show them. */
export {
  listPublicConsultationResults,
  type PublicConsultationResults,
} from './consultations/public-results.service.ts';
