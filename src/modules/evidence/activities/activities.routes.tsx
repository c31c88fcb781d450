// HTTP routes for sessions and volunteer hours.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import * as repo from './activities.repository.ts';
import { ActivitiesPage, type ActivitiesView } from './activities.views.tsx';
import { recordActivities } from '../evidence.policy.ts';
import { ActivityForm, ListQuery, VolunteerHoursForm } from '../evidence.schemas.ts';
import { activityKey } from '../imports/engine/natural-keys.ts';

const PER_PAGE = 25;
const prefixed = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`vh_${k}`, v]));

export function activityRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(recordActivities) } };

    async function view(req: FastifyRequest): Promise<ActivitiesView> {
      const org = orgOf(req);
      const q = ListQuery.parse(req.query ?? {});
      const [types, list, hours] = await Promise.all([repo.listActivityTypes(deps.db, org.id), repo.listActivities(deps.db, org.id, q.page, PER_PAGE), repo.listVolunteerHours(deps.db, org.id)]);
      return {
        org,
        types: types.map((t) => t.name),
        sessions: list.rows.map((r) => ({ date: r.held_on, type: r.type_name, attendance: r.attendance, firstTimers: r.first_time_attendees, volunteers: r.volunteers, volunteerHours: r.volunteer_hours })),
        page: q.page,
        pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
        hours: hours.map((h) => ({ date: h.worked_on, who: h.volunteer_label, volunteers: h.volunteers, hours: h.hours, note: h.note })),
      };
    }

    const page = async (req: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, values: Record<string, string> = {}) =>
      sendPage(reply, <ActivitiesPage ctx={ctx(req, reply)} view={await view(req)} errors={errors} values={values} />, Object.keys(errors).length ? 400 : 200);

    app.get('/orgs/:org/activities', rule, async (req, reply) => page(req, reply));

    app.post('/orgs/:org/activities', rule, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(ActivityForm, req.body);
      if (!form.ok) return page(req, reply, form.errors, form.values);
      const f = form.data;
      const type = f.activity_type.replace(/\s+/g, ' ');
      const added = await deps.db.transaction().execute(async (tx) => {
        const types = await repo.ensureActivityTypes(tx, org.id, [type]);
        const record = { date: f.held_on, activity_type: type, attendance: f.attendance, first_time_attendees: f.first_time_attendees ?? null, volunteers: f.volunteers ?? null, volunteer_hours: f.volunteer_hours ?? null };
        return repo.insertActivities(tx, org.id, [
          {
            activityTypeId: types.get(type.toLowerCase())!,
            heldOn: f.held_on,
            attendance: f.attendance,
            firstTimeAttendees: record.first_time_attendees,
            volunteers: record.volunteers,
            volunteerHours: record.volunteer_hours,
            naturalKey: activityKey(record),
            source: 'staff',
            recordedBy: personOf(req).personId,
          },
        ]);
      });
      if (added === 0) return page(req, reply, { activity_type: `A ${type} session is already recorded on that date. Give a second session a different name, like “${type} (evening)”.` }, formValues(req.body));
      setFlash(reply, { kind: 'success', text: `${type} session saved.` });
      return reply.redirect(`/orgs/${org.slug}/activities`, 303);
    });

    app.post('/orgs/:org/volunteer-hours', rule, async (req, reply) => {
      const org = orgOf(req);
      // The fields are named vh_… so their errors never clash with the session form's.
      const body = Object.fromEntries(Object.entries(formValues(req.body)).map(([k, v]) => [k.replace(/^vh_/, ''), v]));
      const form = parseForm(VolunteerHoursForm, body);
      if (!form.ok) return page(req, reply, prefixed(form.errors), prefixed(form.values));
      const f = form.data;
      await repo.insertVolunteerHours(deps.db, org.id, { workedOn: f.worked_on, volunteerLabel: f.volunteer_label, volunteers: f.volunteers, hours: f.hours, note: f.note, recordedBy: personOf(req).personId });
      setFlash(reply, { kind: 'success', text: `${f.hours} volunteer hours saved.` });
      return reply.redirect(`/orgs/${org.slug}/activities#hours`, 303);
    });
  };
}
