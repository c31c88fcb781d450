// HTTP routes for correcting volunteer hours: change them, delete them (asked first), put them
// back. Leads and workers only; volunteers record.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { correctActivities } from '../evidence.policy.ts';
import { VolunteerHoursForm, idParam } from '../evidence.schemas.ts';
import type { StoredHours } from './correct-activities.service.ts';
import { hoursValues, prefixed, unprefixed } from './record-values.ts';
import * as correct from './correct-activities.service.ts';
import {
  ChangeRecordPage,
  ConfirmDeleteRecordPage,
  RecordDeletedPage,
  hoursTarget,
} from './correct-activities.views.tsx';

export function correctHoursRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(correctActivities) } };
    const idOf = (req: FastifyRequest, what: string) => {
      const parsed = idParam.safeParse(req.params);
      if (!parsed.success) throw notFound(what);
      return parsed.data.id;
    };

    const changeHoursPage = (
      req: FastifyRequest,
      reply: FastifyReply,
      h: StoredHours,
      errors: FieldErrors,
      values: Record<string, string>,
    ) => {
      const org = orgOf(req);
      const page = (
        <ChangeRecordPage
          ctx={ctx(req, reply)}
          org={org}
          target={hoursTarget(org, h)}
          kind="hours"
          types={[]}
          errors={errors}
          values={values}
        />
      );
      return sendPage(reply, page, Object.keys(errors).length ? 400 : 200);
    };

    app.get('/orgs/:org/volunteer-hours/:id/edit', rule, async (req, reply) => {
      const h = await correct.loadVolunteerHours(deps, orgOf(req), idOf(req, 'volunteer hours'));
      return changeHoursPage(req, reply, h, {}, hoursValues(h));
    });

    app.post('/orgs/:org/volunteer-hours/:id', rule, async (req, reply) => {
      const org = orgOf(req);
      const h = await correct.loadVolunteerHours(deps, org, idOf(req, 'volunteer hours'));
      const form = parseForm(VolunteerHoursForm, unprefixed(req.body));
      if (!form.ok) return changeHoursPage(req, reply, h, prefixed(form.errors), prefixed(form.values));
      await correct.changeVolunteerHours(deps, personOf(req), org, h.id, form.data);
      setFlash(reply, { kind: 'success', text: 'Volunteer hours changed.' });
      return reply.redirect(`/orgs/${org.slug}/activities#hours`, 303);
    });

    app.get('/orgs/:org/volunteer-hours/:id/delete', rule, async (req, reply) => {
      const org = orgOf(req);
      const h = await correct.loadVolunteerHours(deps, org, idOf(req, 'volunteer hours'));
      return sendPage(
        reply,
        <ConfirmDeleteRecordPage ctx={ctx(req, reply)} org={org} target={hoursTarget(org, h)}>
          {h.note ? <p>{h.note}</p> : null}
        </ConfirmDeleteRecordPage>,
      );
    });

    app.post('/orgs/:org/volunteer-hours/:id/delete', rule, async (req, reply) => {
      const org = orgOf(req);
      const h = await correct.deleteVolunteerHours(deps, personOf(req), org, idOf(req, 'volunteer hours'));
      const restore = { action: `/orgs/${org.slug}/volunteer-hours`, fields: hoursValues(h) };
      return sendPage(
        reply,
        <RecordDeletedPage ctx={ctx(req, reply)} org={org} target={hoursTarget(org, h)} restore={restore}>
          <p>They no longer count in your figures.</p>
        </RecordDeletedPage>,
      );
    });
  };
}
