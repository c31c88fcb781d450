// Start a LERO: the public guide, a group's pathway, mentors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { askForMentor, coordinateLearning, keepPathway, mentorForOrg } from '../learning.policy.ts';
import { uuidParam } from '../library/library.schemas.ts';
import * as service from './pathway.service.ts';
import { MatchesPage, MenteePage, MentoringPage, MentorPage, PathwayPage, StartGuidePage } from './pathway.views.tsx';

const AskForm = z.object({
  mentor: z.string({ error: 'Choose who to ask' }).uuid('Choose who to ask'),
  message: z.string().max(2000, 'Keep it to 2,000 characters').default(''),
});
const CapacityForm = z.object({
  capacity: z.coerce
    .number({ error: 'Choose a number' })
    .int()
    .min(0, 'Choose a number')
    .max(5, 'Choose a number from 0 to 5'),
  note: z.string().max(1000, 'Keep it to 1,000 characters').default(''),
});
const AnswerForm = z.object({ answer: z.enum(['accept', 'decline'], { error: 'Choose yes or not now' }) });
const MatchForm = z.object({
  group: z.string({ error: 'Choose a group' }).uuid('Choose a group'),
  mentor: z.string({ error: 'Choose a mentor' }).uuid('Choose a mentor'),
});

export function pathwayRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const group = { config: { access: access.org(keepPathway) } };
    const lead = { config: { access: access.org(askForMentor) } };
    const mentor = { config: { access: access.org(mentorForOrg) } };
    const coordinator = { config: { access: access.network(coordinateLearning) } };
    const idOf = (req: FastifyRequest, key: string) => {
      const parsed = uuidParam.safeParse((req.params as Record<string, string>)[key]);
      if (!parsed.success) throw notFound('request');
      return parsed.data;
    };

    app.get('/learning/start', { config: { access: access.public } }, async (req, reply) =>
      sendPage(reply, <StartGuidePage ctx={ctx(req, reply)} view={await service.loadStartGuide(deps, req.actor)} />),
    );

    // A person keeps their own ticks before there is a group.
    app.post('/learning/start/:step', { config: { access: access.signedIn } }, async (req, reply) => {
      const done = formValues(req.body).done !== 'no';
      await service.setPersonalStep(deps, personOf(req), (req.params as { step: string }).step, done);
      return reply.redirect('/learning/start#your-steps', 303);
    });

    app.post('/orgs/:org/pathway/bring-steps', group, async (req, reply) => {
      const org = orgOf(req);
      const n = await service.bringStepsToGroup(deps, personOf(req), org);
      setFlash(reply, {
        kind: 'success',
        text: n === 0 ? 'Those steps were already ticked here.' : `${n} ${n === 1 ? 'step' : 'steps'} brought across.`,
      });
      return reply.redirect(`/orgs/${org.slug}/pathway`, 303);
    });

    app.get('/orgs/:org/pathway', group, async (req, reply) => {
      const org = orgOf(req);
      return sendPage(
        reply,
        <PathwayPage ctx={ctx(req, reply)} org={org} view={await service.loadPathwayPage(deps, personOf(req), org)} />,
      );
    });

    app.post('/orgs/:org/pathway/:step', group, async (req, reply) => {
      const org = orgOf(req);
      const done = formValues(req.body).done !== 'no';
      await service.setPathwayStep(deps, personOf(req), org, (req.params as { step: string }).step, done);
      return reply.redirect(`/orgs/${org.slug}/pathway`, 303);
    });

    const mentorPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>) => {
      const org = orgOf(req);
      const view = await service.loadMentorPage(deps, org);
      const requested = view.request ? { name: view.request.mentor_name, status: view.request.status } : undefined;
      return sendPage(
        reply,
        <MentorPage
          ctx={ctx(req, reply)}
          org={org}
          suggestions={view.suggestions}
          requested={requested}
          errors={errors}
        />,
        errors ? 400 : 200,
      );
    };

    app.get('/orgs/:org/pathway/mentor', lead, async (req, reply) => mentorPage(req, reply));

    app.post('/orgs/:org/pathway/mentor', lead, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(AskForm, req.body);
      if (!form.ok) return mentorPage(req, reply, form.errors);
      try {
        await service.askForMentorship(deps, personOf(req), org, form.data.mentor, form.data.message);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return mentorPage(req, reply, err.fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'We’ve asked them. We’ll email you when they answer.' });
      return reply.redirect(`/orgs/${org.slug}/pathway`, 303);
    });

    const mentoringPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>) => {
      const org = orgOf(req);
      const view = await service.loadMentoringPage(deps, org);
      return sendPage(
        reply,
        <MentoringPage ctx={ctx(req, reply)} org={org} {...view} errors={errors} />,
        errors ? 400 : 200,
      );
    };

    app.get('/orgs/:org/mentoring', mentor, async (req, reply) => mentoringPage(req, reply));

    app.post('/orgs/:org/mentoring', mentor, async (req, reply) => {
      const form = parseForm(CapacityForm, req.body);
      if (!form.ok) return mentoringPage(req, reply, form.errors);
      await service.setMentorCapacity(deps, personOf(req), orgOf(req), form.data.capacity, form.data.note);
      setFlash(reply, {
        kind: 'success',
        text:
          form.data.capacity === 0
            ? 'Saved. New groups won’t be pointed to you for now.'
            : 'Saved. Thank you for offering.',
      });
      return reply.redirect(`/orgs/${orgOf(req).slug}/mentoring`, 303);
    });

    app.post('/orgs/:org/mentoring/:request', mentor, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(AnswerForm, req.body);
      if (!form.ok) return mentoringPage(req, reply, form.errors);
      const r = await service.answerMentorRequest(
        deps,
        personOf(req),
        org,
        idOf(req, 'request'),
        form.data.answer === 'accept',
      );
      setFlash(reply, {
        kind: 'success',
        text:
          form.data.answer === 'accept' ? `Thank you. We’ve told ${r.group_name}.` : `We’ve let ${r.group_name} know.`,
      });
      return reply.redirect(`/orgs/${org.slug}/mentoring`, 303);
    });

    app.get('/orgs/:org/mentoring/:request', mentor, async (req, reply) => {
      const org = orgOf(req);
      return sendPage(
        reply,
        <MenteePage
          ctx={ctx(req, reply)}
          org={org}
          view={await service.loadMenteePathway(deps, personOf(req), org, idOf(req, 'request'))}
        />,
      );
    });

    const matchesPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>) => {
      const [rows, choices] = await Promise.all([service.loadMatchesPage(deps), service.matchChoices(deps)]);
      return sendPage(
        reply,
        <MatchesPage ctx={ctx(req, reply)} rows={rows} {...choices} errors={errors} />,
        errors ? 400 : 200,
      );
    };

    app.get('/network/learning/mentoring', coordinator, async (req, reply) => matchesPage(req, reply));

    app.post('/network/learning/mentoring', coordinator, async (req, reply) => {
      const form = parseForm(MatchForm, req.body);
      if (!form.ok) return matchesPage(req, reply, form.errors);
      try {
        await service.matchByHand(deps, personOf(req), form.data.group, form.data.mentor);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return matchesPage(req, reply, err.fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Matched. The mentor can now say yes or not now.' });
      return reply.redirect('/network/learning/mentoring', 303);
    });
  };
}
