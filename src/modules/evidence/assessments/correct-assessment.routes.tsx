// Correcting a questionnaire in place: the same form as recording one, filled in with what was
// recorded. Leads and workers, as for deleting one; volunteers record but do not change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { deleteAssessments } from '../evidence.policy.ts';
import { AssessmentMetaForm, assessmentParam, timePointOf } from '../evidence.schemas.ts';
import * as pages from '../participants/participants.pages.ts';
import { AssessmentEntryPage, type AssessmentEntryView } from './assessments.views.tsx';
import { correctAssessment, loadAssessmentToCorrect } from './correct-assessment.service.ts';

const PATH = '/orgs/:org/participants/:participant/assessments/:assessment/correct';

export function correctAssessmentRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const rule = { config: { access: access.org(deleteAssessments) } };
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    // Personal data: never kept by a browser or proxy cache.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });
    const load = async (req: FastifyRequest) => {
      const parsed = assessmentParam.safeParse(req.params);
      if (!parsed.success) throw notFound('questionnaire');
      const org = orgOf(req);
      const participant = await pages.findParticipantOrThrow(deps, org, req.params);
      const found = await loadAssessmentToCorrect(deps.db, org, participant, parsed.data.assessment);
      const view: AssessmentEntryView = {
        org,
        participant: { id: participant.id, code: participant.code, firstName: participant.first_name },
        definition: found.definition,
        correcting: { assessmentId: found.id },
      };
      return { org, participant, found, view };
    };

    app.get(PATH, rule, async (req, reply) => {
      const { found, view } = await load(req);
      return sendPage(reply, <AssessmentEntryPage ctx={ctx(req, reply)} view={view} values={found.values} />);
    });

    app.post(PATH, rule, async (req, reply) => {
      const { org, participant, found, view } = await load(req);
      const values = formValues(req.body);
      const meta = parseForm(AssessmentMetaForm, req.body);
      const again = (errors: Record<string, string>, status: number) =>
        sendPage(
          reply,
          <AssessmentEntryPage ctx={ctx(req, reply)} view={view} errors={errors} values={values} />,
          status,
        );
      if (!meta.ok) return again(meta.errors, 400);
      try {
        const scored = await correctAssessment(deps.db, personOf(req), org, participant, found.id, {
          assessedOn: meta.data.assessed_on,
          timePoint: timePointOf(meta.data),
          form: values,
        });
        setFlash(reply, {
          kind: 'success',
          text: `${found.definition.short_name} corrected for ${participant.code}: ${scored.measures.map((m) => `${m.measure_name} ${m.score}`).join(', ')}.`,
        });
      } catch (err) {
        if (err instanceof AppError && Object.keys(err.fields).length > 0) return again(err.fields, err.status);
        throw err;
      }
      return reply.redirect(`/orgs/${org.slug}/participants/${participant.id}#history`, 303);
    });
  };
}
