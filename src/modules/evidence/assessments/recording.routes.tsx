// HTTP routes for recording questionnaires on a participant's record: entering one, and making a
// self-completion link for them to fill in on their phone.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { recordEvidence } from '../evidence.policy.ts';
import { AssessmentMetaForm, LinkForm, timePointOf } from '../evidence.schemas.ts';
import * as pages from '../participants/participants.pages.ts';
import { ParticipantPage } from '../participants/participants.views.tsx';
import * as assessments from './assessments.service.ts';
import { AssessmentEntryPage, LinkCreatedPage } from './assessments.views.tsx';

export function recordingRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const record = { config: { access: access.org(recordEvidence) } };

    // Personal data: never kept by a browser or proxy cache.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });

    const loadParticipant = (req: FastifyRequest) => pages.findParticipantOrThrow(deps, orgOf(req), req.params);
    const loadInstrument = (req: FastifyRequest, key: unknown) => pages.findInstrumentOrThrow(deps, orgOf(req), key);

    app.get('/orgs/:org/participants/:participant/assessments/new', record, async (req, reply) => {
      const p = await loadParticipant(req);
      const instrument = await loadInstrument(req, (req.query as { instrument?: unknown }).instrument);
      if (!p.consent_record)
        throw new AppError(
          'conflict',
          `${p.code} has not agreed to a record being kept, so answers can't be recorded.`,
        );
      return sendPage(
        reply,
        <AssessmentEntryPage
          ctx={ctx(req, reply)}
          view={{
            org: orgOf(req),
            participant: { id: p.id, code: p.code, firstName: p.first_name },
            definition: instrument.definition,
          }}
        />,
      );
    });

    app.post('/orgs/:org/participants/:participant/assessments', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const instrument = await loadInstrument(req, (req.query as { instrument?: unknown }).instrument);
      const view = {
        org,
        participant: { id: p.id, code: p.code, firstName: p.first_name },
        definition: instrument.definition,
      };
      const values = formValues(req.body);
      const meta = parseForm(AssessmentMetaForm, req.body);
      const answers = assessments.readResponses(instrument.definition, values);
      if (!meta.ok || Object.keys(answers.errors).length > 0) {
        const errors = { ...(meta.ok ? {} : meta.errors), ...answers.errors };
        return sendPage(
          reply,
          <AssessmentEntryPage ctx={ctx(req, reply)} view={view} errors={errors} values={values} />,
          400,
        );
      }
      try {
        const scored = await assessments.recordAssessment(deps.db, personOf(req), org, p, instrument, {
          assessedOn: meta.data.assessed_on,
          timePoint: timePointOf(meta.data),
          form: values,
        });
        const summary = scored.measures.map((m) => `${m.measure_name} ${m.score}`).join(', ');
        setFlash(reply, {
          kind: 'success',
          text: `${instrument.definition.short_name} saved for ${p.code}: ${summary}.`,
        });
      } catch (err) {
        if (
          err instanceof AppError &&
          (err.code === 'conflict' || err.code === 'validation') &&
          Object.keys(err.fields).length > 0
        ) {
          return sendPage(
            reply,
            <AssessmentEntryPage ctx={ctx(req, reply)} view={view} errors={err.fields} values={values} />,
            err.status,
          );
        }
        throw err;
      }
      return reply.redirect(`/orgs/${org.slug}/participants/${p.id}#history`, 303);
    });

    app.post('/orgs/:org/participants/:participant/links', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const form = parseForm(LinkForm, req.body);
      if (!form.ok) {
        const view = await pages.loadParticipantPage(deps, personOf(req), org, p, req.ip);
        return sendPage(
          reply,
          <ParticipantPage ctx={ctx(req, reply)} view={view} errors={form.errors} values={formValues(req.body)} />,
          400,
        );
      }
      const instrument = await loadInstrument(req, form.data.instrument);
      const link = await assessments.createCompletionLink(
        deps.db,
        deps.config.publicUrl,
        personOf(req),
        org,
        p,
        instrument,
        timePointOf(form.data),
      );
      const view = {
        org,
        participant: { id: p.id, code: p.code },
        instrumentName: instrument.definition.short_name,
        ...link,
      };
      return sendPage(reply, <LinkCreatedPage ctx={ctx(req, reply)} view={view} />);
    });
  };
}
