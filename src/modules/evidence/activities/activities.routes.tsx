// HTTP routes for sessions and volunteer hours.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { loadActivitiesPage, recordSession, recordVolunteerHours } from './activities.service.ts';
import { ActivitiesPage } from './activities.views.tsx';
import { prefixed, unprefixed } from './record-values.ts';
import { recordActivities } from '../evidence.policy.ts';
import { ActivityForm, ListQuery, VolunteerHoursForm } from '../evidence.schemas.ts';

export function activityRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(recordActivities) } };

    const page = async (
      req: FastifyRequest,
      reply: FastifyReply,
      errors: FieldErrors = {},
      values: Record<string, string> = {},
    ) =>
      sendPage(
        reply,
        <ActivitiesPage
          ctx={ctx(req, reply)}
          view={await loadActivitiesPage(deps, personOf(req), orgOf(req), ListQuery.parse(req.query ?? {}).page)}
          errors={errors}
          values={values}
        />,
        Object.keys(errors).length ? 400 : 200,
      );

    app.get('/orgs/:org/activities', rule, async (req, reply) => page(req, reply));

    app.post('/orgs/:org/activities', rule, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(ActivityForm, req.body);
      if (!form.ok) return page(req, reply, form.errors, form.values);
      const { type, saved } = await recordSession(deps, personOf(req), org, form.data);
      if (!saved)
        return page(
          req,
          reply,
          {
            activity_type: `A ${type} session is already recorded on that date. Give a second session a different name, like “${type} (evening)”.`,
          },
          formValues(req.body),
        );
      setFlash(reply, { kind: 'success', text: `${type} session saved.` });
      return reply.redirect(`/orgs/${org.slug}/activities`, 303);
    });

    app.post('/orgs/:org/volunteer-hours', rule, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(VolunteerHoursForm, unprefixed(req.body));
      if (!form.ok) return page(req, reply, prefixed(form.errors), prefixed(form.values));
      const f = form.data;
      await recordVolunteerHours(deps, personOf(req), org, f);
      setFlash(reply, { kind: 'success', text: `${f.hours} volunteer hours saved.` });
      return reply.redirect(`/orgs/${org.slug}/activities#hours`, 303);
    });
  };
}
