// The learning module: a practice library and innovation stories with search, the pathway for
// new groups with mentors, questions answered by peers, and the weekly digest.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { ModuleDefinition, NetworkLink } from '../../platform/modules.ts';
import { sendWeeklyDigest } from './digest/digest.service.ts';
import { digestRoutes } from './digest/digest.routes.tsx';
import { hubRoutes } from './hub.routes.tsx';
import { contributeLearning, coordinateLearning, keepPathway, mentorForOrg } from './learning.policy.ts';
import { seedLearningDemo } from './learning.seed.ts';
import { libraryRoutes } from './library/library.routes.tsx';
import { remindReviews } from './library/library.service.ts';
import { pathwayRoutes } from './pathway/pathway.routes.tsx';
import { peopleRoutes } from './people/people.routes.tsx';
import { questionRoutes } from './questions/questions.routes.tsx';

export function learningRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(hubRoutes(deps));
    await app.register(libraryRoutes(deps));
    await app.register(questionRoutes(deps));
    await app.register(pathwayRoutes(deps));
    await app.register(digestRoutes(deps));
    await app.register(peopleRoutes(deps));
  };
}

export const learningWorkspaceLinks: WorkspaceLink[] = [
  {
    label: 'Shared learning',
    description: 'Add to the library, share an innovation story, keep resources up to date.',
    href: (o) => `/orgs/${o.slug}/learning`,
    rule: contributeLearning,
  },
  {
    label: 'Getting started',
    description: 'Your steps from an idea to a charity, and a mentor to help.',
    href: (o) => `/orgs/${o.slug}/pathway`,
    rule: keepPathway,
  },
  {
    label: 'Mentoring new groups',
    description: 'Say how many new groups you can help, and answer their requests.',
    href: (o) => `/orgs/${o.slug}/mentoring`,
    rule: mentorForOrg,
  },
];

export const learningNetworkLinks: NetworkLink[] = [
  {
    label: 'Stories to review',
    description: 'Innovation stories waiting to go in the library.',
    href: '/network/learning/stories',
    rule: coordinateLearning,
  },
  {
    label: 'Questions',
    description: 'Questions that need an answer, and reported posts.',
    href: '/network/learning/questions',
    rule: coordinateLearning,
  },
  {
    label: 'Mentor matches',
    description: 'Who is mentoring whom; make a match by hand.',
    href: '/network/learning/mentoring',
    rule: coordinateLearning,
  },
];

export const learningJobs: JobDefinition[] = [
  // Monday mornings, UK time.
  { name: 'learning.send-digest', schedule: '0 8 * * 1', run: async (deps) => void (await sendWeeklyDigest(deps)) },
  { name: 'learning.remind-reviews', schedule: '0 9 * * 1', run: async (deps) => void (await remindReviews(deps)) },
];

// Seams for other modules (wired by the lead): search the library, newest resources.
export { loadLibraryPage } from './library/library.service.ts';
export { latestResources } from './library/library.repository.ts';
export { sendWeeklyDigest, remindReviews };

export const learningModule: ModuleDefinition = {
  name: 'learning',
  routes: learningRoutes,
  workspaceLinks: learningWorkspaceLinks,
  networkLinks: learningNetworkLinks,
  seedDemo: seedLearningDemo,
  jobs: learningJobs,
  migrationsRange: [600, 699],
};
export { mentoringPartnersSince, type MentoringPartner } from './pathway/mentoring-partners.repository.ts';
