// A peer researcher's pages: their reviews, one review, declared relationships.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, personOf } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { MyReviewsPage, ReviewPage } from './review.views.tsx';
import * as service from './review.service.ts';
import { parseFindings, sendEvidenceFile, validationFields } from './standards.http.ts';
import { loadMemberOrganisations, loadMyReviewsPage, loadReviewPage } from './standards.pages.ts';
import { FileParams, IdParam, InterestForm } from './standards.schemas.ts';

export function reviewRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    // Any signed-in person reaches their own list; a review loads only for the person assigned to it.
    const signedIn = { config: { access: access.signedIn } };
    const idOf = (req: FastifyRequest) => {
      const p = IdParam.safeParse(req.params);
      if (!p.success) throw notFound('review');
      return p.data.id;
    };

    const list = async (
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: FieldErrors,
      values?: Record<string, string>,
    ) => {
      const [view, organisations] = await Promise.all([
        loadMyReviewsPage(deps, personOf(req)),
        loadMemberOrganisations(deps),
      ]);
      return sendPage(
        reply,
        <MyReviewsPage
          ctx={ctx(req, reply)}
          view={view}
          organisations={organisations}
          errors={errors}
          values={values}
        />,
        errors ? 400 : 200,
      );
    };
    app.get('/reviews', signedIn, (req, reply) => list(req, reply));

    app.post('/reviews/interests', signedIn, async (req, reply) => {
      const form = parseForm(InterestForm, req.body);
      if (!form.ok) return list(req, reply, form.errors, form.values);
      try {
        await service.declareInterest(deps, personOf(req), form.data.org, form.data.reason);
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return list(req, reply, fields, formValues(req.body));
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Declared. You won’t be asked to review that organisation.' });
      return reply.redirect('/reviews', 303);
    });

    const page = async (
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: FieldErrors,
      values?: Record<string, string>,
    ) =>
      sendPage(
        reply,
        <ReviewPage
          ctx={ctx(req, reply)}
          view={await loadReviewPage(deps, personOf(req), idOf(req))}
          errors={errors}
          values={values}
        />,
        errors ? 400 : 200,
      );
    app.get('/reviews/:id', signedIn, (req, reply) => page(req, reply));

    app.post('/reviews/:id', signedIn, async (req, reply) => {
      const id = idOf(req);
      const { assessment } = await loadReviewPage(deps, personOf(req), id);
      const parsed = parseFindings(req.body, assessment.definition);
      if (!parsed.ok) return page(req, reply, parsed.errors, formValues(req.body));
      const submit = (req.body as { action?: string }).action === 'submit';
      try {
        await service.saveAssignedReview(deps, personOf(req), id, parsed.input, { submit });
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return page(req, reply, fields, formValues(req.body));
        throw err;
      }
      setFlash(reply, {
        kind: 'success',
        text: submit ? 'Your review is sent to the coordinators.' : 'Your draft is saved.',
      });
      return reply.redirect(`/reviews/${id}`, 303);
    });

    app.get('/reviews/:id/files/:file', signedIn, async (req, reply) => {
      const p = FileParams.safeParse(req.params);
      if (!p.success) throw notFound('file');
      return sendEvidenceFile(
        reply,
        await service.readReviewerEvidenceFile(deps, personOf(req), p.data.id, p.data.file),
      );
    });
  };
}
