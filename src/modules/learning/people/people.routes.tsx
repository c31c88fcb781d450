// People who can help: the members-only list and search, and a person's own entry.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import * as service from './people.service.ts';
import { HelperFormPage, HelpersPage } from './people.views.tsx';

const HelperForm = z
  .object({
    org: z.string({ error: 'Choose one of your organisations' }).uuid('Choose one of your organisations'),
    can_offer: z.string().max(1000, 'Keep it to 1,000 characters').default(''),
    looking_for: z.string().max(1000, 'Keep it to 1,000 characters').default(''),
  })
  .refine((v) => v.can_offer.trim() !== '' || v.looking_for.trim() !== '', {
    path: ['can_offer'],
    message: 'Say what you can offer, or what you are looking for',
  });

export function peopleRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    // Signed in; the service checks the person belongs to a member organisation.
    const member = { config: { access: access.signedIn } };

    app.get('/learning/people', member, async (req, reply) => {
      const raw = (req.query as { q?: unknown }).q;
      const q = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
      return sendPage(
        reply,
        <HelpersPage ctx={ctx(req, reply)} view={await service.loadHelpersPage(deps, req.actor, q)} />,
      );
    });

    const formPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      values?: Record<string, string>,
      errors?: Record<string, string>,
    ) => {
      const view = await service.loadHelperForm(deps, req.actor);
      return sendPage(
        reply,
        <HelperFormPage ctx={ctx(req, reply)} view={view} values={values} errors={errors} />,
        errors ? 400 : 200,
      );
    };

    app.get('/learning/people/me', member, async (req, reply) => formPage(req, reply));

    app.post('/learning/people/me', member, async (req, reply) => {
      const form = parseForm(HelperForm, req.body);
      if (!form.ok) return formPage(req, reply, form.values, form.errors);
      try {
        await service.saveHelperEntry(deps, req.actor, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return formPage(req, reply, form.data, err.fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Thank you. Other members can find you now.' });
      return reply.redirect('/learning/people', 303);
    });

    app.post('/learning/people/me/remove', member, async (req, reply) => {
      await service.removeHelperEntry(deps, req.actor);
      setFlash(reply, { kind: 'success', text: 'You are no longer on the list.' });
      return reply.redirect('/learning/people', 303);
    });
  };
}
