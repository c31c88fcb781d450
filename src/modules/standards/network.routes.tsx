// The coordinators' standards pages: frameworks, training, assignment and decisions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, personOf } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import * as service from './coordination.service.ts';
import {
  CoordinatorAssessmentPage,
  CoordinatorStandardsPage,
  FrameworkPage,
  StandardEditPage,
} from './network.views.tsx';
import { sendEvidenceFile, validationFields } from './standards.http.ts';
import { loadCoordinatorAssessmentPage, loadCoordinatorPage, loadFrameworkPage } from './standards.pages.ts';
import { coordinateStandards } from './standards.policy.ts';
import { AssignForm, DecisionForm, FileParams, IdParam, StandardEditForm, TrainingForm } from './standards.schemas.ts';
import { readCoordinatorEvidenceFile } from './review.service.ts';

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function networkStandardsRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.network(coordinateStandards) } };
    const idOf = (req: FastifyRequest) => {
      const p = IdParam.safeParse(req.params);
      if (!p.success) throw notFound();
      return p.data.id;
    };

    const home = async (
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: FieldErrors,
      values?: Record<string, string>,
    ) =>
      sendPage(
        reply,
        <CoordinatorStandardsPage
          ctx={ctx(req, reply)}
          view={await loadCoordinatorPage(deps)}
          errors={errors}
          values={values}
        />,
        errors ? 400 : 200,
      );
    app.get('/network/standards', rule, (req, reply) => home(req, reply));

    app.post('/network/standards/training', rule, async (req, reply) => {
      const form = parseForm(TrainingForm, req.body);
      if (!form.ok) return home(req, reply, form.errors, form.values);
      const { person, course, completed_on, expires_on } = form.data;
      try {
        await service.recordTraining(deps, personOf(req), {
          personId: person,
          course,
          completedOn: completed_on,
          expiresOn: expires_on,
        });
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return home(req, reply, fields, formValues(req.body));
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Training recorded.' });
      return reply.redirect('/network/standards', 303);
    });

    app.post('/network/standards/frameworks', rule, async (req, reply) => {
      const id = await service.startDraftFramework(deps, personOf(req));
      return reply.redirect(`/network/standards/frameworks/${id}`, 303);
    });
    app.get('/network/standards/frameworks/:id', rule, async (req, reply) =>
      sendPage(reply, <FrameworkPage ctx={ctx(req, reply)} view={await loadFrameworkPage(deps, idOf(req))} />),
    );
    app.post('/network/standards/frameworks/:id/publish', rule, async (req, reply) => {
      const id = idOf(req);
      await service.publishFramework(deps, personOf(req), id);
      setFlash(reply, { kind: 'success', text: 'Published. New self-assessments use this version.' });
      return reply.redirect(`/network/standards/frameworks/${id}`, 303);
    });

    async function standardOf(req: FastifyRequest) {
      const id = idOf(req);
      const key = String((req.params as { key?: string }).key ?? '');
      const view = await loadFrameworkPage(deps, id);
      const standard = view.groups.flatMap((g) => g.standards).find((s) => s.key === key);
      if (!standard || view.status !== 'draft') throw notFound('standard');
      return { id, standard };
    }
    app.get('/network/standards/frameworks/:id/standards/:key', rule, async (req, reply) => {
      const { id, standard: s } = await standardOf(req);
      const values = {
        title: s.title,
        intent: s.intent,
        indicators: s.indicators.join('\n'),
        ...s.levels,
        evidence_examples: s.evidenceExamples.join('\n'),
      };
      return sendPage(
        reply,
        <StandardEditPage ctx={ctx(req, reply)} frameworkId={id} standardKey={s.key} values={values} />,
      );
    });
    app.post('/network/standards/frameworks/:id/standards/:key', rule, async (req, reply) => {
      const { id, standard } = await standardOf(req);
      const form = parseForm(StandardEditForm, req.body);
      const again = (errors: FieldErrors) =>
        sendPage(
          reply,
          <StandardEditPage
            ctx={ctx(req, reply)}
            frameworkId={id}
            standardKey={standard.key}
            values={formValues(req.body)}
            errors={errors}
          />,
          400,
        );
      if (!form.ok) return again(form.errors);
      const f = form.data;
      try {
        await service.saveDraftStandard(deps, personOf(req), id, standard.key, {
          title: f.title,
          intent: f.intent,
          indicators: lines(f.indicators),
          levels: { emerging: f.emerging, developing: f.developing, established: f.established, leading: f.leading },
          evidenceExamples: lines(f.evidence_examples),
        });
      } catch (err) {
        if ((err as { name?: string }).name === 'ZodError')
          return again({ indicators: 'Each line must be 400 characters or fewer, 12 at most' });
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `Standard ${standard.key} saved in the draft.` });
      return reply.redirect(`/network/standards/frameworks/${id}`, 303);
    });

    const assessmentPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: FieldErrors,
      values?: Record<string, string>,
    ) =>
      sendPage(
        reply,
        <CoordinatorAssessmentPage
          ctx={ctx(req, reply)}
          view={await loadCoordinatorAssessmentPage(deps, idOf(req))}
          errors={errors}
          values={values}
        />,
        errors ? 400 : 200,
      );
    app.get('/network/standards/assessments/:id', rule, (req, reply) => assessmentPage(req, reply));

    app.post('/network/standards/assessments/:id/reviewers', rule, async (req, reply) => {
      const id = idOf(req);
      const form = parseForm(AssignForm, req.body);
      if (!form.ok) return assessmentPage(req, reply, form.errors, form.values);
      try {
        await service.assignReviewer(deps, personOf(req), id, {
          reviewerId: form.data.reviewer,
          overrideReason: form.data.override_reason,
        });
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return assessmentPage(req, reply, fields, formValues(req.body));
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Reviewer assigned.' });
      return reply.redirect(`/network/standards/assessments/${id}`, 303);
    });

    app.post('/network/standards/assessments/:id/decision', rule, async (req, reply) => {
      const id = idOf(req);
      const form = parseForm(DecisionForm, req.body);
      if (!form.ok) return assessmentPage(req, reply, form.errors, form.values);
      const d = form.data;
      try {
        await service.decideAssessment(deps, personOf(req), id, {
          outcome: d.outcome,
          feedback: d.feedback,
          actionPlan: d.action_plan,
          reviewBy: d.review_by,
          panel: d.panel,
        });
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return assessmentPage(req, reply, fields, formValues(req.body));
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Decision recorded, and the organisation’s leads told.' });
      return reply.redirect(`/network/standards/assessments/${id}`, 303);
    });

    app.get('/network/standards/assessments/:id/files/:file', rule, async (req, reply) => {
      const p = FileParams.safeParse(req.params);
      if (!p.success) throw notFound('file');
      return sendEvidenceFile(reply, await readCoordinatorEvidenceFile(deps, personOf(req), p.data.id, p.data.file));
    });
  };
}
