// Routes for papers to government.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isSignedIn } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { access, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { uuidParam } from '../consultations/consultations.schemas.ts';
import { coordinateVoice } from '../voice.policy.ts';
import { paperDocx } from './paper.docx.ts';
import { paperPdf } from './paper.pdf.ts';
import * as service from './submissions.service.ts';
import { DraftForm, PaperPage, PapersPage } from './submissions.views.tsx';

const Draft = z.object({
  title: z
    .string({ error: 'Give the paper a title' })
    .min(1, 'Give the paper a title')
    .max(200, 'Keep the title under 200 characters'),
  addressee: z.string().max(300).default(''),
  whoWeAre: z.string().max(5000).default(''),
  consultation: z.string().uuid().or(z.literal('')).default(''),
  recommendations: z.string().max(10000).default(''),
});

export function submissionRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const coordinator = { config: { access: access.network(coordinateVoice) } };
    const signedIn = { config: { access: access.signedIn } };
    const idOf = (req: FastifyRequest) => {
      const p = uuidParam.safeParse((req.params as { id?: string }).id);
      if (!p.success) throw notFound('paper');
      return p.data;
    };
    const versionOf = (req: FastifyRequest) =>
      Number.parseInt(String((req.query as { version?: string }).version ?? ''), 10) || undefined;
    const voicesOf = (body: unknown) => {
      const v = (body as { voices?: unknown } | undefined)?.voices;
      return (Array.isArray(v) ? v : [v])
        .filter((x): x is string => typeof x === 'string' && uuidParam.safeParse(x).success)
        .slice(0, 100);
    };
    const inputOf = (d: z.infer<typeof Draft>, body: unknown): service.DraftInput => ({
      title: d.title,
      addressee: d.addressee,
      whoWeAre: d.whoWeAre,
      consultationId: d.consultation || null,
      voiceIds: voicesOf(body),
      recommendations: d.recommendations,
    });

    app.get('/network/voice/submissions', coordinator, async (req, reply) =>
      sendPage(reply, <PapersPage ctx={ctx(req, reply)} papers={await service.listPapersForCoordinators(deps)} />),
    );
    app.get('/network/voice/submissions/new', coordinator, async (req, reply) =>
      sendPage(
        reply,
        <DraftForm
          ctx={ctx(req, reply)}
          action="/network/voice/submissions/new"
          {...await service.draftChoices(deps, req.actor)}
        />,
      ),
    );
    app.post('/network/voice/submissions/new', coordinator, async (req, reply) => {
      const form = parseForm(Draft, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <DraftForm
            ctx={ctx(req, reply)}
            action="/network/voice/submissions/new"
            {...await service.draftChoices(deps, req.actor)}
            values={form.values}
            errors={form.errors}
          />,
          400,
        );
      const id = await service.startPaper(deps, personOf(req), inputOf(form.data, req.body));
      return reply.redirect(`/voice/submissions/${id}`, 303);
    });
    app.get('/network/voice/submissions/:id/edit', coordinator, async (req, reply) => {
      const id = idOf(req);
      const view = await service.loadPaper(deps, req.actor, id);
      const c = view.content;
      const values = {
        title: c.title,
        addressee: c.addressee,
        whoWeAre: c.whoWeAre.text,
        consultation: view.submission.consultation_id ?? '',
        recommendations: c.recommendations.join('\n'),
      };
      const choices = await service.draftChoices(deps, req.actor);
      const chosen = choices.quotable.filter((w) => c.voices.some((v) => v.text === w.text)).map((w) => w.id);
      return sendPage(
        reply,
        <DraftForm
          ctx={ctx(req, reply)}
          action={`/network/voice/submissions/${id}/edit`}
          {...choices}
          values={values}
          chosen={chosen}
        />,
      );
    });
    app.post('/network/voice/submissions/:id/edit', coordinator, async (req, reply) => {
      const id = idOf(req);
      const form = parseForm(Draft, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <DraftForm
            ctx={ctx(req, reply)}
            action={`/network/voice/submissions/${id}/edit`}
            {...await service.draftChoices(deps, req.actor)}
            values={form.values}
            errors={form.errors}
          />,
          400,
        );
      const v = await service.saveDraft(deps, personOf(req), id, inputOf(form.data, req.body));
      setFlash(reply, { kind: 'success', text: `Saved as version ${v}.` });
      return reply.redirect(`/voice/submissions/${id}`, 303);
    });
    app.post('/network/voice/submissions/:id/publish', coordinator, async (req, reply) => {
      const id = idOf(req);
      await service.publishPaper(deps, id);
      setFlash(reply, { kind: 'success', text: 'Published.' });
      return reply.redirect(`/voice/submissions/${id}`, 303);
    });

    app.get('/voice/submissions/:id', { config: { access: access.public } }, async (req, reply) => {
      const coordinatorNow = isSignedIn(req.actor) && coordinateVoice.allows(req.actor);
      return sendPage(
        reply,
        <PaperPage
          ctx={ctx(req, reply)}
          view={await service.loadPaper(deps, req.actor, idOf(req), versionOf(req))}
          coordinator={coordinatorNow}
        />,
      );
    });
    app.get('/voice/submissions/:id/paper.docx', { config: { access: access.public } }, async (req, reply) => {
      const view = await service.loadPaper(deps, req.actor, idOf(req), versionOf(req));
      const body = await paperDocx(
        view.content,
        view.endorsers.map((e) => e.name),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', 'attachment; filename="paper.docx"')
        .send(body);
    });
    app.get('/voice/submissions/:id/paper.pdf', { config: { access: access.public } }, async (req, reply) => {
      const view = await service.loadPaper(deps, req.actor, idOf(req), versionOf(req));
      const body = await paperPdf(
        view.content,
        view.endorsers.map((e) => e.name),
      );
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="paper.pdf"').send(body);
    });
    app.post('/voice/submissions/:id/comments', signedIn, async (req, reply) => {
      const id = idOf(req);
      const body = (formValues(req.body).body ?? '').slice(0, 4000);
      if (body) await service.commentOnPaper(deps, personOf(req), id, body);
      setFlash(reply, { kind: 'success', text: body ? 'Thank you for your comment.' : 'Write a comment first.' });
      return reply.redirect(`/voice/submissions/${id}`, 303);
    });
    app.post('/voice/submissions/:id/endorse', signedIn, async (req, reply) => {
      const id = idOf(req);
      await service.endorsePaper(deps, personOf(req), id);
      setFlash(reply, { kind: 'success', text: 'Endorsed for your organisation. Thank you.' });
      return reply.redirect(`/voice/submissions/${id}`, 303);
    });
  };
}
