// The evidence module's routes: one plugin that registers each part (each part is its own
// encapsulated plugin, so its hooks and multipart parser stay with it).
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { pageContext } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { anyEvidenceRole } from './evidence.policy.ts';
import { installShippedInstruments, loadEvidenceHomePage } from './evidence.service.ts';
import { EvidenceHomePage } from './evidence.views.tsx';
import { activityRoutes } from './activities/activities.routes.tsx';
import { correctHoursRoutes } from './activities/correct-hours.routes.tsx';
import { correctSessionRoutes } from './activities/correct-sessions.routes.tsx';
import { recordingRoutes } from './assessments/recording.routes.tsx';
import { correctAssessmentRoutes } from './assessments/correct-assessment.routes.tsx';
import { exportRoutes } from './export/export.routes.tsx';
import { importRoutes } from './imports/imports.routes.tsx';
import { importTemplateRoutes } from './imports/template.routes.tsx';
import { instrumentRoutes } from './instruments/instruments.routes.tsx';
import { summaryRoutes } from './summaries/summaries.routes.tsx';
import { participantRoutes } from './participants/participants.routes.tsx';
import { progressRoutes } from './participants/progress.routes.tsx';
import { selfCompletionRoutes } from './assessments/self-completion.routes.tsx';
import { emailLinkRoutes } from './assessments/email-link.routes.tsx';
import { retentionRoutes } from './retention/retention.routes.tsx';

const CSS = readFileSync(new URL('./assets/evidence.css', import.meta.url), 'utf8');
const SELF_COMPLETION_JS = readFileSync(new URL('./assets/self-completion.js', import.meta.url), 'utf8');

export function evidenceRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await installShippedInstruments(deps);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);

    app.get('/evidence/assets/evidence.css', { config: { access: access.public } }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
    );
    app.get('/evidence/assets/self-completion.js', { config: { access: access.public } }, async (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(SELF_COMPLETION_JS),
    );

    app.get('/orgs/:org/evidence', { config: { access: access.org(anyEvidenceRole) } }, async (req, reply) => {
      const view = await loadEvidenceHomePage(deps, personOf(req), orgOf(req));
      return sendPage(reply, <EvidenceHomePage ctx={ctx(req, reply)} view={view} />);
    });

    await app.register(participantRoutes(deps));
    await app.register(progressRoutes(deps));
    await app.register(recordingRoutes(deps));
    await app.register(correctAssessmentRoutes(deps));
    await app.register(selfCompletionRoutes(deps));
    await app.register(emailLinkRoutes(deps));
    await app.register(importRoutes(deps));
    await app.register(importTemplateRoutes(deps));
    await app.register(activityRoutes(deps));
    await app.register(correctSessionRoutes(deps));
    await app.register(correctHoursRoutes(deps));
    await app.register(retentionRoutes(deps));
    await app.register(summaryRoutes(deps));
    await app.register(instrumentRoutes(deps));
    await app.register(exportRoutes(deps));
  };
}
