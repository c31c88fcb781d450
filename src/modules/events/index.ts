// The events module: the network's and member organisations' days together. Booking without an
// account, waiting lists with held offers, calendars, reminders, the register and feedback.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { ModuleDefinition, NetworkLink } from '../../platform/modules.ts';
import { manageNetworkEvents, manageOrgEvents } from './events.policy.ts';
import { seedEventsDemo } from './events.seed.ts';
import { eventJobs } from './jobs.ts';
import { organiserEventRoutes } from './organiser.routes.tsx';
import { publicEventRoutes } from './public.routes.tsx';

export function eventsRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(publicEventRoutes(deps));
    await app.register(organiserEventRoutes(deps));
  };
}

export const eventsWorkspaceLinks: WorkspaceLink[] = [
  {
    label: 'Events',
    description: 'Create events, see who is coming and their access needs, and keep the register on the day.',
    href: (org) => `/orgs/${org.slug}/events`,
    rule: manageOrgEvents,
  },
];

export const eventsNetworkLinks: NetworkLink[] = [
  {
    label: 'Network events',
    description: "The network's own gatherings: bookings, waiting lists, the register and feedback.",
    href: '/network/events',
    rule: manageNetworkEvents,
  },
];

/** Seam for the voice module: feedback comments whose writers agreed to be quoted. */
export { listConsentedFeedbackComments, type ConsentedComment } from './feedback.service.ts';
/** Seam for profiles and the home page: the next public events, optionally one organisation's. */
export { listUpcomingPublicEvents, type UpcomingEvent } from './upcoming.ts';
export { UpcomingEvents } from './upcoming.views.tsx';

export const eventsModule: ModuleDefinition = {
  name: 'events',
  routes: eventsRoutes,
  workspaceLinks: eventsWorkspaceLinks,
  networkLinks: eventsNetworkLinks,
  seedDemo: seedEventsDemo,
  jobs: eventJobs,
  migrationsRange: [500, 599],
};
export { eventFiguresForOrg, type EventFigures } from './event-figures.repository.ts';
