// A participant's one-page progress report, for the people who may see their page.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { recordEvidence } from '../evidence.policy.ts';
import * as pages from './participants.pages.ts';
import { ProgressReportPage } from './progress.views.tsx';

export function progressRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    app.get(
      '/orgs/:org/participants/:participant/progress',
      { config: { access: access.org(recordEvidence) } },
      async (req, reply) => {
        const org = orgOf(req);
        const p = await pages.findParticipantOrThrow(deps, org, req.params);
        const view = await pages.loadProgressReport(deps, personOf(req), org, p, req.ip);
        // Personal data: never kept by a browser or proxy cache.
        reply.header('cache-control', 'no-store');
        return sendPage(reply, <ProgressReportPage ctx={pageContext(req, reply, deps.config.demo)} view={view} />);
      },
    );
  };
}
