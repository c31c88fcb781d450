// Routes for sharing words, withdrawing them, checking them, and collections of phrases.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access, personOf } from '../../../platform/http/access.ts';
import { isSignedIn } from '../../../platform/auth/actor.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { uuidParam } from '../consultations/consultations.schemas.ts';
import { loadConsultation } from '../consultations/consultations.service.ts';
import { coordinateVoice } from '../voice.policy.ts';
import { attachmentDisposition, fileNameFromTitle } from '../../../platform/http/download.ts';
import { collectionPdf } from './collection.pdf.ts';
import * as service from './words.service.ts';
import {
  CollectionEditor,
  CollectionPage,
  SharedPage,
  SharePage,
  WithdrawPage,
  WordsDeskPage,
} from './words.views.tsx';

const ShareForm = z.object({
  text: z.string({ error: 'Write your words' }).min(1, 'Write your words').max(1000, 'Keep it under 1,000 characters'),
  quoteAs: z.enum(['none', 'anonymous', 'first_name'], { error: 'Choose whether we may quote you' }),
  firstName: z
    .string()
    .max(40, 'Keep the name under 40 characters')
    .regex(/^[\p{L} '’-]*$/u, 'Use letters only')
    .default(''),
  consultation: z.string().uuid().optional(),
});

export function wordsRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const coordinator = { config: { access: access.network(coordinateVoice) } };
    const idOf = (req: FastifyRequest) => {
      const p = uuidParam.safeParse((req.params as { id?: string }).id);
      if (!p.success) throw notFound('page');
      return p.data;
    };
    const tokenOf = (req: FastifyRequest) => {
      const t = (req.params as { token?: string }).token ?? '';
      if (!/^[A-Za-z0-9_-]{20,64}$/.test(t)) throw notFound('words');
      return t;
    };

    app.get('/voice/words/share', open, async (req, reply) => {
      const c = uuidParam.safeParse((req.query as { consultation?: string }).consultation);
      return sendPage(reply, <SharePage ctx={ctx(req, reply)} consultation={c.success ? c.data : undefined} />);
    });
    app.post('/voice/words/share', open, async (req, reply) => {
      const form = parseForm(ShareForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <SharePage
            ctx={ctx(req, reply)}
            values={form.values}
            errors={form.errors}
            consultation={form.values.consultation}
          />,
          400,
        );
      // Words about a consultation only from someone who may see it.
      if (form.data.consultation) await loadConsultation(deps, req.actor, form.data.consultation);
      const token = await service.shareWords(deps, req.actor, {
        text: form.data.text,
        quoteAs: form.data.quoteAs,
        firstName: form.data.firstName.trim(),
        consultationId: form.data.consultation ?? null,
      });
      return sendPage(reply, <SharedPage ctx={ctx(req, reply)} withdrawPath={`/voice/words/withdraw/${token}`} />);
    });
    app.get('/voice/words/withdraw/:token', open, async (req, reply) =>
      sendPage(
        reply,
        <WithdrawPage ctx={ctx(req, reply)} word={await service.findWordsToWithdraw(deps, tokenOf(req))} />,
      ),
    );
    app.post('/voice/words/withdraw/:token', open, async (req, reply) => {
      await service.withdrawWords(deps, tokenOf(req));
      return sendPage(reply, <WithdrawPage ctx={ctx(req, reply)} done />);
    });

    app.get('/network/voice/words', coordinator, async (req, reply) =>
      sendPage(reply, <WordsDeskPage ctx={ctx(req, reply)} {...await service.loadWordsDesk(deps)} />),
    );
    app.post('/network/voice/words/import', coordinator, async (req, reply) => {
      const n = await service.bringInEventFeedback(deps);
      setFlash(reply, {
        kind: 'success',
        text: n ? `${n} comments from events are waiting to be checked.` : 'No new event feedback to bring in.',
      });
      return reply.redirect('/network/voice/words', 303);
    });
    app.post('/network/voice/words/:id/moderate', coordinator, async (req, reply) => {
      const approve = formValues(req.body).decision === 'approve';
      await service.moderateWords(deps, personOf(req), idOf(req), approve);
      setFlash(reply, { kind: 'success', text: approve ? 'Approved.' : 'Set aside: it will not be used.' });
      return reply.redirect('/network/voice/words', 303);
    });

    app.get('/network/voice/collections', coordinator, async (_req, reply) =>
      reply.redirect('/network/voice/words#collections', 303),
    );
    app.post('/network/voice/collections', coordinator, async (req, reply) => {
      const title = (formValues(req.body).title ?? '').slice(0, 200) || 'Our words';
      const id = await service.startCollection(deps, personOf(req), title);
      return reply.redirect(`/network/voice/collections/${id}`, 303);
    });
    app.get('/network/voice/collections/:id', coordinator, async (req, reply) =>
      sendPage(
        reply,
        <CollectionEditor ctx={ctx(req, reply)} {...await service.loadCollectionEditor(deps, idOf(req))} />,
      ),
    );
    app.post('/network/voice/collections/:id', coordinator, async (req, reply) => {
      const id = idOf(req);
      const v = formValues(req.body);
      const lines =
        typeof (req.body as { lines?: unknown })?.lines === 'string'
          ? String((req.body as { lines: string }).lines).slice(0, 20000)
          : '';
      const input = {
        title: (v.title ?? '').slice(0, 200) || 'Our words',
        introduction: (v.introduction ?? '').slice(0, 2000),
        lines,
      };
      const saved = await service.saveCollection(deps, id, input);
      if (saved.unknown.length)
        return sendPage(
          reply,
          <CollectionEditor
            ctx={ctx(req, reply)}
            {...await service.loadCollectionEditor(deps, id)}
            unknown={saved.unknown}
            values={{ ...input }}
          />,
          400,
        );
      setFlash(reply, { kind: 'success', text: 'Saved.' });
      return reply.redirect(`/network/voice/collections/${id}`, 303);
    });
    app.post('/network/voice/collections/:id/publish', coordinator, async (req, reply) => {
      const id = idOf(req);
      await service.publishCollection(deps, id);
      setFlash(reply, { kind: 'success', text: 'Published.' });
      return reply.redirect(`/voice/collections/${id}`, 303);
    });
    app.get('/voice/collections/:id/words.pdf', open, async (req, reply) => {
      const canCoordinate = isSignedIn(req.actor) && coordinateVoice.allows(req.actor);
      const { collection, lines } = await service.loadPublicCollection(deps, req.actor, idOf(req), canCoordinate);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition(fileNameFromTitle(collection.title, 'pdf')))
        .send(await collectionPdf(collection, lines));
    });
    app.get('/voice/collections/:id', open, async (req, reply) => {
      const canCoordinate = isSignedIn(req.actor) && coordinateVoice.allows(req.actor);
      return sendPage(
        reply,
        <CollectionPage
          ctx={ctx(req, reply)}
          {...await service.loadPublicCollection(deps, req.actor, idOf(req), canCoordinate)}
        />,
      );
    });
  };
}
