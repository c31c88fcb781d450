// Joining the network: the public expression-of-interest form and the coordinators' review.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, personOf } from '../../platform/http/access.ts';
import { clientIp } from '../../platform/http/client-ip.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { FieldErrors } from '../../platform/http/form-fields.ts';
import { reviewApplications } from './directory.policy.ts';
import { applicationParam, DeclineForm, parseApplicationForm, QuestionForm } from './directory.schemas.ts';
import * as pages from './applications.pages.ts';
import * as service from './applications.service.ts';
import {
  ApplicationPage,
  ApplicationsPage,
  ApproveApplicationPage,
  DeclineApplicationPage,
  JoinPage,
  JoinThanksPage,
} from './applications.views.tsx';

export function applicationRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const coordinator = { config: { access: access.network(reviewApplications) } };

    app.get('/join', open, async (req, reply) => sendPage(reply, <JoinPage ctx={ctx(req, reply)} />));

    app.post('/join', open, async (req, reply) => {
      const parsed = parseApplicationForm(req.body);
      const again = (errors: FieldErrors, status = 400) =>
        sendPage(reply, <JoinPage ctx={ctx(req, reply)} errors={errors} values={formValues(req.body)} />, status);
      if (!parsed.ok) return again(parsed.errors);
      try {
        await service.submitApplication(deps, parsed.data, { ip: clientIp(req) });
      } catch (err) {
        if (err instanceof AppError && (err.code === 'validation' || err.code === 'too_many_requests'))
          return again(err.fields, err.status);
        throw err;
      }
      return reply.redirect('/join/thank-you', 303);
    });

    app.get('/join/thank-you', open, async (req, reply) => sendPage(reply, <JoinThanksPage ctx={ctx(req, reply)} />));

    app.get('/network/applications', coordinator, async (req, reply) => {
      const { open: openRows, decided } = await pages.loadApplicationsPage(deps);
      return sendPage(reply, <ApplicationsPage ctx={ctx(req, reply)} open={openRows} decided={decided} />);
    });

    function applicationId(req: FastifyRequest): string {
      const parsed = applicationParam.safeParse(req.params);
      if (!parsed.success) throw notFound('application');
      return parsed.data.application;
    }

    const applicationView = (id: string) => pages.loadApplicationPage(deps, id);

    app.get('/network/applications/:application', coordinator, async (req, reply) =>
      sendPage(reply, <ApplicationPage ctx={ctx(req, reply)} view={await applicationView(applicationId(req))} />),
    );

    app.post('/network/applications/:application/question', coordinator, async (req, reply) => {
      const id = applicationId(req);
      const form = parseForm(QuestionForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <ApplicationPage
            ctx={ctx(req, reply)}
            view={await applicationView(id)}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      const a = await service.askApplicant(deps, personOf(req), id, form.data.message);
      setFlash(reply, { kind: 'success', text: `We've emailed your question to ${a.email}.` });
      return reply.redirect(`/network/applications/${id}`, 303);
    });

    // Approving and declining each ask first, on a page of their own (works without JavaScript).
    const openApplicationView = async (req: FastifyRequest) => {
      const view = await applicationView(applicationId(req));
      if (view.status !== 'waiting' && view.status !== 'questioned')
        throw new AppError(
          'conflict',
          'This application has already been decided, so there is nothing left to confirm.',
        );
      return view;
    };
    app.get('/network/applications/:application/approve', coordinator, async (req, reply) =>
      sendPage(reply, <ApproveApplicationPage ctx={ctx(req, reply)} view={await openApplicationView(req)} />),
    );
    app.get('/network/applications/:application/decline', coordinator, async (req, reply) =>
      sendPage(reply, <DeclineApplicationPage ctx={ctx(req, reply)} view={await openApplicationView(req)} />),
    );

    app.post('/network/applications/:application/decline', coordinator, async (req, reply) => {
      const id = applicationId(req);
      const form = parseForm(DeclineForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <DeclineApplicationPage
            ctx={ctx(req, reply)}
            view={await applicationView(id)}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      const a = await service.declineApplication(deps, personOf(req), id, form.data.reason);
      setFlash(reply, { kind: 'success', text: `Declined. We've emailed the reason to ${a.email}.` });
      return reply.redirect('/network/applications', 303);
    });

    app.post('/network/applications/:application/approve', coordinator, async (req, reply) => {
      const id = applicationId(req);
      const { app: a, orgSlug } = await service.approveApplication(deps, personOf(req), id);
      setFlash(reply, {
        kind: 'success',
        text: orgSlug
          ? `${a.org_name} is now a member. We've emailed ${a.email} an invitation to be its lead.`
          : `Approved. We've emailed ${a.email}.`,
      });
      return reply.redirect(orgSlug ? `/network/orgs/${orgSlug}` : '/network/applications', 303);
    });
  };
}
