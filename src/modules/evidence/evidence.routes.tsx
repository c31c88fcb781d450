// The evidence module's routes: one plugin that registers each part (each part is its own
// encapsulated plugin, so its hooks and multipart parser stay with it).
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { pageContext } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { OrgRule } from '../../platform/http/access.ts';
import { countEvidence } from './evidence.repository.ts';
import { contributeSummaries, exportEvidence, importEvidence, manageMeasures, recordActivities, recordEvidence } from './evidence.policy.ts';
import { syncShippedInstruments } from './instruments/instruments.repository.ts';
import { activityRoutes } from './activities/activities.routes.tsx';
import { exportRoutes } from './export/export.routes.tsx';
import { importRoutes } from './imports/imports.routes.tsx';
import { instrumentRoutes } from './instruments/instruments.routes.tsx';
import { summaryRoutes } from './summaries/summaries.routes.tsx';
import { participantRoutes } from './participants/participants.routes.tsx';
import { EvidenceHomePage } from './participants/participants.views.tsx';
import { selfCompletionRoutes } from './self-completion.routes.tsx';

const CSS = readFileSync(new URL('./assets/evidence.css', import.meta.url), 'utf8');

/** Any role that can use some part of the evidence pages. */
const anyEvidenceRole: OrgRule = {
  name: 'evidence.home',
  allows: (actor, org) => recordEvidence.allows(actor, org) || recordActivities.allows(actor, org),
};

const PARTS: { rule: OrgRule; path: string; label: string; description: string }[] = [
  { rule: recordEvidence, path: 'participants', label: 'Participants', description: 'Add people, record consent and questionnaires, or make a link they fill in on their phone.' },
  { rule: recordActivities, path: 'activities', label: 'Sessions and volunteering', description: 'Record sessions, attendance and volunteer hours.' },
  { rule: importEvidence, path: 'imports', label: 'Import a spreadsheet', description: 'Bring in participants, questionnaires or sessions from a CSV or Excel file.' },
  { rule: contributeSummaries, path: 'summaries', label: 'Summaries from another system', description: 'Keep records elsewhere? Send the network a summary of change instead.' },
  { rule: manageMeasures, path: 'measures', label: 'Your own measures', description: 'Build a questionnaire of your own, used only in your organisation.' },
  { rule: exportEvidence, path: 'export', label: 'Download your data', description: 'Everything your organisation holds, as CSV files with a codebook.' },
];

export function evidenceRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await syncShippedInstruments(deps.db);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);

    app.get('/evidence/assets/evidence.css', { config: { access: access.public } }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
    );

    app.get('/orgs/:org/evidence', { config: { access: access.org(anyEvidenceRole) } }, async (req, reply) => {
      const org = orgOf(req);
      const actor = personOf(req);
      const view = {
        org,
        counts: await countEvidence(deps.db, org.id),
        links: PARTS.filter((p) => p.rule.allows(actor, org)).map((p) => ({ href: `/orgs/${org.slug}/${p.path}`, label: p.label, description: p.description })),
      };
      return sendPage(reply, <EvidenceHomePage ctx={ctx(req, reply)} view={view} />);
    });

    await app.register(participantRoutes(deps));
    await app.register(selfCompletionRoutes(deps));
    await app.register(importRoutes(deps));
    await app.register(activityRoutes(deps));
    await app.register(summaryRoutes(deps));
    await app.register(instrumentRoutes(deps));
    await app.register(exportRoutes(deps));
  };
}

export { anyEvidenceRole };
