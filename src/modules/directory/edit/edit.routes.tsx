// HTTP routes of a lead keeping their organisation's entry up to date: the profile, and the
// list, form and removal of its services. Each handler parses, calls edit.service.ts, renders.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { formValues } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { loadGeoData } from '../domain/geo.data.ts';
import { editOrgDirectory } from '../directory.policy.ts';
import { parseProfileForm, parseServiceForm, serviceParam } from '../directory.schemas.ts';
import * as service from './edit.service.ts';
import { ProfileEditPage, ServiceFormPage, ServicesPage } from './edit.views.tsx';

export function directoryEditRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const lead = { config: { access: access.org(editOrgDirectory) } };
    const knownAreas = new Set(loadGeoData().localAuthorities.map((la) => la.code));

    app.get('/orgs/:org/profile', lead, async (req, reply) => {
      const org = orgOf(req);
      return sendPage(
        reply,
        <ProfileEditPage
          ctx={ctx(req, reply)}
          org={org}
          values={await service.loadProfileFormValues(deps.db, org.id)}
          areasByRegion={service.areasByRegion()}
        />,
      );
    });

    app.post('/orgs/:org/profile', lead, async (req, reply) => {
      const org = orgOf(req);
      const form = parseProfileForm(req.body, knownAreas);
      if (!form.ok) {
        return sendPage(
          reply,
          <ProfileEditPage
            ctx={ctx(req, reply)}
            org={org}
            values={form.values}
            errors={form.errors}
            areasByRegion={service.areasByRegion()}
          />,
          400,
        );
      }
      await service.saveOrgProfile(deps.db, personOf(req), org, form.data);
      setFlash(reply, { kind: 'success', text: 'Your profile is saved.' });
      return reply.redirect(`/orgs/${org.slug}/profile`, 303);
    });

    app.get('/orgs/:org/services', lead, async (req, reply) => {
      const org = orgOf(req);
      const services = await service.listOwnServices(deps.db, org.id);
      return sendPage(reply, <ServicesPage ctx={ctx(req, reply)} org={org} services={services} />);
    });

    function serviceIdFrom(req: FastifyRequest): string {
      const parsed = serviceParam.safeParse(req.params);
      if (!parsed.success) throw notFound('service');
      return parsed.data.service;
    }

    async function saveFromForm(req: FastifyRequest, reply: FastifyReply, serviceId: string | undefined) {
      const org = orgOf(req);
      const form = parseServiceForm(req.body);
      const again = (values: Record<string, string>, errors: FieldErrors) =>
        sendPage(
          reply,
          <ServiceFormPage ctx={ctx(req, reply)} org={org} serviceId={serviceId} values={values} errors={errors} />,
          400,
        );
      if (!form.ok) return again(form.values, form.errors);
      try {
        await service.saveService(deps.db, personOf(req), org, serviceId, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return again(formValues(req.body), err.fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `${form.data.name} is saved.` });
      return reply.redirect(`/orgs/${org.slug}/services`, 303);
    }

    app.get('/orgs/:org/services/new', lead, async (req, reply) =>
      sendPage(reply, <ServiceFormPage ctx={ctx(req, reply)} org={orgOf(req)} serviceId={undefined} values={{}} />),
    );
    app.post('/orgs/:org/services/new', lead, async (req, reply) => saveFromForm(req, reply, undefined));

    app.get('/orgs/:org/services/:service', lead, async (req, reply) => {
      const org = orgOf(req);
      const id = serviceIdFrom(req);
      return sendPage(
        reply,
        <ServiceFormPage
          ctx={ctx(req, reply)}
          org={org}
          serviceId={id}
          values={await service.serviceFormValues(deps.db, org, id)}
        />,
      );
    });
    app.post('/orgs/:org/services/:service', lead, async (req, reply) => saveFromForm(req, reply, serviceIdFrom(req)));

    app.post('/orgs/:org/services/:service/delete', lead, async (req, reply) => {
      const org = orgOf(req);
      const name = await service.removeService(deps.db, personOf(req), org, serviceIdFrom(req));
      setFlash(reply, { kind: 'success', text: `${name} is removed.` });
      return reply.redirect(`/orgs/${org.slug}/services`, 303);
    });
  };
}
