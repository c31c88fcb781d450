// HTTP routes for correcting a session: change it, delete it (asked first), put it back.
// Leads and workers only; volunteers record.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { correctActivities } from '../evidence.policy.ts';
import { ActivityForm, idParam } from '../evidence.schemas.ts';
import type { StoredSession } from './correct-activities.service.ts';
import { sessionValues } from './record-values.ts';
import { listTypeNames } from './activities.service.ts';
import * as correct from './correct-activities.service.ts';
import {
  ChangeRecordPage,
  ConfirmDeleteRecordPage,
  RecordDeletedPage,
  sessionTarget,
} from './correct-activities.views.tsx';

export function correctSessionRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(correctActivities) } };
    const idOf = (req: FastifyRequest, what: string) => {
      const parsed = idParam.safeParse(req.params);
      if (!parsed.success) throw notFound(what);
      return parsed.data.id;
    };

    const changeSessionPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      s: StoredSession,
      errors: FieldErrors,
      values: Record<string, string>,
    ) => {
      const org = orgOf(req);
      const page = (
        <ChangeRecordPage
          ctx={ctx(req, reply)}
          org={org}
          target={sessionTarget(org, s)}
          kind="session"
          types={await listTypeNames(deps, org)}
          errors={errors}
          values={values}
        />
      );
      return sendPage(reply, page, Object.keys(errors).length ? 400 : 200);
    };

    app.get('/orgs/:org/activities/:id/edit', rule, async (req, reply) => {
      const s = await correct.loadSession(deps, orgOf(req), idOf(req, 'session'));
      return changeSessionPage(req, reply, s, {}, sessionValues(s));
    });

    app.post('/orgs/:org/activities/:id', rule, async (req, reply) => {
      const org = orgOf(req);
      const s = await correct.loadSession(deps, org, idOf(req, 'session'));
      const form = parseForm(ActivityForm, req.body);
      if (!form.ok) return changeSessionPage(req, reply, s, form.errors, form.values);
      const { type, saved } = await correct.changeSession(deps, personOf(req), org, s.id, form.data);
      if (!saved) {
        const clash = `A ${type} session is already recorded on that date. Change that one instead, or give this one a different name.`;
        return changeSessionPage(req, reply, s, { activity_type: clash }, formValues(req.body));
      }
      setFlash(reply, { kind: 'success', text: `${type} session changed.` });
      return reply.redirect(`/orgs/${org.slug}/activities`, 303);
    });

    app.get('/orgs/:org/activities/:id/delete', rule, async (req, reply) => {
      const org = orgOf(req);
      const s = await correct.loadSession(deps, org, idOf(req, 'session'));
      return sendPage(
        reply,
        <ConfirmDeleteRecordPage ctx={ctx(req, reply)} org={org} target={sessionTarget(org, s)}>
          <p>{`${s.attendance} came.`}</p>
        </ConfirmDeleteRecordPage>,
      );
    });

    app.post('/orgs/:org/activities/:id/delete', rule, async (req, reply) => {
      const org = orgOf(req);
      const s = await correct.deleteSession(deps, personOf(req), org, idOf(req, 'session'));
      const restore = { action: `/orgs/${org.slug}/activities`, fields: sessionValues(s) };
      return sendPage(
        reply,
        <RecordDeletedPage ctx={ctx(req, reply)} org={org} target={sessionTarget(org, s)} restore={restore}>
          <p>{`${s.attendance} came. It no longer counts in your figures.`}</p>
        </RecordDeletedPage>,
      );
    });
  };
}
