// Ask the network: questions and answers between members.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { coordinateLearning } from '../learning.policy.ts';
import { parseLearningForm } from '../learning.forms.ts';
import { uuidParam } from '../library/library.schemas.ts';
import { AnswerForm, FollowForm, QuestionForm, ReportForm } from './questions.schemas.ts';
import * as service from './questions.service.ts';
import { AskPage, ModerationPage, QuestionPage, QuestionsPage } from './questions.views.tsx';

export function questionRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    // Signed in; the service checks the person belongs to a member organisation.
    const member = { config: { access: access.signedIn } };
    const coordinator = { config: { access: access.network(coordinateLearning) } };
    const idOf = (req: FastifyRequest, key: string) => {
      const parsed = uuidParam.safeParse((req.params as Record<string, string>)[key]);
      if (!parsed.success) throw notFound('question');
      return parsed.data;
    };

    app.get('/learning/questions', member, async (req, reply) => {
      const q = req.query as { unanswered?: string; tag?: string };
      const tag = typeof q.tag === 'string' && /^[a-z0-9-]{1,40}$/.test(q.tag) ? q.tag : undefined;
      return sendPage(
        reply,
        <QuestionsPage
          ctx={ctx(req, reply)}
          view={await service.loadQuestionsPage(deps, req.actor, { unanswered: q.unanswered === '1', tag })}
        />,
      );
    });

    app.get('/learning/questions/new', member, async (req, reply) =>
      sendPage(reply, <AskPage ctx={ctx(req, reply)} />),
    );

    app.post('/learning/questions/new', member, async (req, reply) => {
      const form = parseLearningForm(QuestionForm, req.body);
      if (!form.ok)
        return sendPage(reply, <AskPage ctx={ctx(req, reply)} values={form.values} errors={form.errors} />, 400);
      const id = await service.askQuestion(deps, req.actor, form.data);
      setFlash(reply, { kind: 'success', text: 'Your question is up. We will let people who follow its tags know.' });
      return reply.redirect(`/learning/questions/${id}`, 303);
    });

    app.get('/learning/questions/:question', member, async (req, reply) =>
      sendPage(
        reply,
        <QuestionPage
          ctx={ctx(req, reply)}
          view={await service.loadQuestionPage(deps, req.actor, idOf(req, 'question'))}
        />,
      ),
    );

    app.post('/learning/questions/:question/answers', member, async (req, reply) => {
      const id = idOf(req, 'question');
      const form = parseLearningForm(AnswerForm, req.body);
      if (!form.ok) {
        const view = await service.loadQuestionPage(deps, req.actor, id);
        return sendPage(
          reply,
          <QuestionPage ctx={ctx(req, reply)} view={view} errors={form.errors} values={form.values} />,
          400,
        );
      }
      await service.answerQuestion(deps, req.actor, id, form.data.body);
      setFlash(reply, { kind: 'success', text: 'Thank you for answering.' });
      return reply.redirect(`/learning/questions/${id}`, 303);
    });

    app.post('/learning/questions/:question/answers/:answer/helped', member, async (req, reply) => {
      const id = idOf(req, 'question');
      await service.markHelped(deps, req.actor, id, idOf(req, 'answer'));
      return reply.redirect(`/learning/questions/${id}`, 303);
    });

    app.post('/learning/questions/:question/answers/:answer/accept', member, async (req, reply) => {
      const id = idOf(req, 'question');
      await service.acceptAnswer(deps, req.actor, id, idOf(req, 'answer'));
      setFlash(reply, { kind: 'success', text: 'Marked as the answer that solved it.' });
      return reply.redirect(`/learning/questions/${id}`, 303);
    });

    app.post('/learning/questions/:question/report', member, async (req, reply) => {
      const id = idOf(req, 'question');
      const form = parseLearningForm(ReportForm, req.body);
      const answer = uuidParam.safeParse((req.body as { answer?: unknown } | undefined)?.answer);
      if (!form.ok) {
        const view = await service.loadQuestionPage(deps, req.actor, id);
        return sendPage(reply, <QuestionPage ctx={ctx(req, reply)} view={view} errors={form.errors} />, 400);
      }
      await service.reportContent(deps, req.actor, id, answer.success ? answer.data : undefined, form.data.reason);
      setFlash(reply, { kind: 'success', text: 'Thank you. A coordinator will look at it.' });
      return reply.redirect(`/learning/questions/${id}`, 303);
    });

    app.post('/learning/follows', member, async (req, reply) => {
      const form = parseLearningForm(FollowForm, req.body);
      const tags = await service.setFollowedTags(deps, req.actor, form.ok ? form.data.tags : '');
      setFlash(reply, {
        kind: 'success',
        text: tags.length ? `You follow: ${tags.join(', ')}.` : 'You follow no tags now.',
      });
      return reply.redirect('/learning/questions', 303);
    });

    app.get('/network/learning/questions', coordinator, async (req, reply) =>
      sendPage(reply, <ModerationPage ctx={ctx(req, reply)} view={await service.loadModerationPage(deps)} />),
    );

    app.post('/learning/moderation/:kind/:id/:action', coordinator, async (req, reply) => {
      const p = req.params as { kind: string; action: string };
      if ((p.kind !== 'question' && p.kind !== 'answer') || (p.action !== 'hide' && p.action !== 'restore'))
        throw notFound('page');
      await service.hideContent(deps, personOf(req), p.kind, idOf(req, 'id'), p.action === 'hide');
      setFlash(reply, { kind: 'success', text: p.action === 'hide' ? 'Hidden.' : 'Shown again.' });
      return reply.redirect('/network/learning/questions', 303);
    });
  };
}
