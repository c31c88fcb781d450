// The organiser's routes, the same for an organisation (/orgs/:org/events) and for the network's
// own events (/network/events); only the access rule and the host differ.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf, type Access } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import {
  CancelEventForm,
  eventParam,
  parseEventForm,
  parseMoveForm,
  pictureParam,
  registrationParam,
  WalkInForm,
} from './events.schemas.ts';
import { manageNetworkEvents, manageOrgEvents } from './events.policy.ts';
import { MAX_IMAGE_BYTES } from './domain/images.ts';
import { addGalleryImage, listGallery, removeGalleryImage } from './gallery.service.ts';
import * as organiser from './organiser.service.ts';
import type { Host } from './organiser.service.ts';
import {
  AttendancePage,
  EventFormPage,
  eventFormValues,
  HostedEventsPage,
  MoveEventPage,
  moveFormValues,
  NEW_EVENT_VALUES,
  OrganiserEventPage,
  type HostFrame,
} from './organiser.views.tsx';

interface HostRoutes {
  prefix: string;
  access: Access;
  host(req: FastifyRequest): Host;
}

function frameOf(host: Host): HostFrame {
  return host.kind === 'org'
    ? {
        base: organiser.hostBase(host),
        name: host.org.name,
        home: { href: `/orgs/${host.org.slug}`, label: host.org.name },
      }
    : { base: organiser.hostBase(host), name: 'the network', home: { href: '/network', label: 'The network' } };
}

function hostRoutes(deps: Deps, h: HostRoutes) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const cfg = { config: { access: h.access } };
    const p = h.prefix;
    const eventId = (req: FastifyRequest) => {
      const r = eventParam.safeParse(req.params);
      if (!r.success) throw notFound('event');
      return r.data.event;
    };

    app.get(p, cfg, async (req, reply) => {
      const host = h.host(req);
      return sendPage(
        reply,
        <HostedEventsPage
          ctx={ctx(req, reply)}
          host={frameOf(host)}
          rows={await organiser.loadHostedEvents(deps, host)}
        />,
      );
    });

    app.get(`${p}/new`, cfg, async (req, reply) => {
      const host = h.host(req);
      const places = await organiser.placesFor(deps, host);
      return sendPage(
        reply,
        <EventFormPage
          ctx={ctx(req, reply)}
          host={frameOf(host)}
          action={`${frameOf(host).base}/new`}
          heading="Create an event"
          places={places}
          values={NEW_EVENT_VALUES}
        />,
      );
    });

    app.post(`${p}/new`, cfg, async (req, reply) => {
      const host = h.host(req);
      const places = await organiser.placesFor(deps, host);
      const form = parseEventForm(req.body, places);
      if (!form.ok)
        return sendPage(
          reply,
          <EventFormPage
            ctx={ctx(req, reply)}
            host={frameOf(host)}
            action={`${frameOf(host).base}/new`}
            heading="Create an event"
            places={places}
            values={form.values}
            errors={form.errors}
          />,
          400,
        );
      const id = await organiser.createEvent(deps, personOf(req), host, form.data);
      setFlash(reply, {
        kind: 'success',
        text: 'Your event is published. People can book now (or when booking opens).',
      });
      return reply.redirect(`${frameOf(host).base}/${id}`, 303);
    });

    const eventPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      galleryErrors?: Record<string, string>,
      galleryValues?: Record<string, string>,
      errorStatus = 400,
    ) => {
      const host = h.host(req);
      const view = await organiser.loadOrganiserEventPage(deps, personOf(req), host, id);
      const pictures = await listGallery(deps, id);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <OrganiserEventPage
          ctx={ctx(req, reply)}
          host={frameOf(host)}
          view={view}
          pictures={pictures}
          galleryErrors={galleryErrors}
          galleryValues={galleryValues}
        />,
        galleryErrors ? errorStatus : 200,
      );
    };

    app.get(`${p}/:event`, cfg, async (req, reply) => eventPage(req, reply, eventId(req)));

    app.post(`${p}/:event/pictures`, cfg, async (req, reply) => {
      const host = h.host(req);
      const id = eventId(req);
      await organiser.hostedEvent(deps, host, id);
      let fields: Record<string, string>;
      let data: Buffer = Buffer.alloc(0);
      try {
        const form = await readMultipartForm(req, {
          maxFileBytes: MAX_IMAGE_BYTES,
          maxFields: 5,
          maxFieldBytes: 1000,
          fileFields: ['picture'],
          messages: {
            not_multipart: 'Send the picture with the form on the page.',
            too_large: 'The picture must be 5 MB or smaller.',
          },
        });
        fields = form.fields;
        const picture = form.file('picture');
        // At most 5 MB, stored in the database; the type is sniffed from its bytes.
        if (picture) data = await readFile(picture.path);
      } catch (err) {
        if (err instanceof UploadError && err.problem !== 'not_multipart')
          return eventPage(req, reply, id, { picture: err.message }, err.values, err.status);
        throw err;
      }
      try {
        await addGalleryImage(deps, personOf(req), host, id, {
          kind: fields.kind ?? '',
          altText: fields.alt_text ?? '',
          caption: fields.caption ?? '',
          consent: fields.consent ?? '',
          data,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return eventPage(req, reply, id, err.fields, fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'The picture is added. It shows on the event page.' });
      return reply.redirect(`${frameOf(host).base}/${id}#pictures`, 303);
    });

    app.post(`${p}/:event/pictures/:image/delete`, cfg, async (req, reply) => {
      const host = h.host(req);
      const params = pictureParam.safeParse(req.params);
      if (!params.success) throw notFound('picture');
      await removeGalleryImage(deps, personOf(req), host, params.data.event, params.data.image);
      setFlash(reply, { kind: 'success', text: 'The picture is removed.' });
      return reply.redirect(`${frameOf(host).base}/${params.data.event}#pictures`, 303);
    });

    app.get(`${p}/:event/edit`, cfg, async (req, reply) => {
      const host = h.host(req);
      const e = await organiser.hostedEvent(deps, host, eventId(req));
      const places = await organiser.placesFor(deps, host);
      return sendPage(
        reply,
        <EventFormPage
          ctx={ctx(req, reply)}
          host={frameOf(host)}
          action={`${frameOf(host).base}/${e.id}/edit`}
          heading="Change the event"
          places={places}
          values={eventFormValues(e)}
        />,
      );
    });

    app.post(`${p}/:event/edit`, cfg, async (req, reply) => {
      const host = h.host(req);
      const e = await organiser.hostedEvent(deps, host, eventId(req));
      const places = await organiser.placesFor(deps, host);
      const form = parseEventForm(req.body, places);
      const again = (errors: Record<string, string>, status: number) =>
        sendPage(
          reply,
          <EventFormPage
            ctx={ctx(req, reply)}
            host={frameOf(host)}
            action={`${frameOf(host).base}/${e.id}/edit`}
            heading="Change the event"
            places={places}
            values={formValues(req.body)}
            errors={errors}
          />,
          status,
        );
      if (!form.ok) return again(form.errors, 400);
      try {
        const { told } = await organiser.updateEvent(deps, personOf(req), host, e.id, form.data);
        setFlash(reply, {
          kind: 'success',
          text: told
            ? `Saved. We've emailed the ${told} ${told === 1 ? 'person' : 'people'} booked or waiting.`
            : 'Saved.',
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation')
          return again(Object.keys(err.fields).length ? err.fields : { form: err.message }, 400);
        if (err instanceof AppError && err.code === 'conflict') return again({ form: err.message }, 409);
        throw err;
      }
      return reply.redirect(`${frameOf(host).base}/${e.id}`, 303);
    });

    app.get(`${p}/:event/move`, cfg, async (req, reply) => {
      const host = h.host(req);
      const e = await organiser.hostedEvent(deps, host, eventId(req));
      return sendPage(
        reply,
        <MoveEventPage ctx={ctx(req, reply)} host={frameOf(host)} event={e} values={moveFormValues(e)} />,
      );
    });

    app.post(`${p}/:event/move`, cfg, async (req, reply) => {
      const host = h.host(req);
      const e = await organiser.hostedEvent(deps, host, eventId(req));
      const again = (errors: Record<string, string>, status: number) =>
        sendPage(
          reply,
          <MoveEventPage
            ctx={ctx(req, reply)}
            host={frameOf(host)}
            event={e}
            values={formValues(req.body)}
            errors={errors}
          />,
          status,
        );
      const form = parseMoveForm(req.body);
      if (!form.ok) return again(form.errors, 400);
      try {
        const { told } = await organiser.postponeEvent(deps, personOf(req), host, e.id, form.data);
        setFlash(reply, {
          kind: 'success',
          text: `The event has its new date. We've emailed ${told} ${told === 1 ? 'person' : 'people'}, and their calendars will update.`,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return again(err.fields, 400);
        if (err instanceof AppError && err.code === 'conflict') return again({ form: err.message }, 409);
        throw err;
      }
      return reply.redirect(`${frameOf(host).base}/${e.id}`, 303);
    });

    app.post(`${p}/:event/cancel`, cfg, async (req, reply) => {
      const host = h.host(req);
      const id = eventId(req);
      const form = parseForm(CancelEventForm, req.body);
      if (!form.ok) throw new AppError('validation', form.errors.reason ?? 'Check the reason.', form.errors);
      const { told } = await organiser.cancelEvent(deps, personOf(req), host, id, form.data.reason);
      setFlash(reply, {
        kind: 'success',
        text: `The event is cancelled. We've emailed ${told} ${told === 1 ? 'person' : 'people'}.`,
      });
      return reply.redirect(`${frameOf(host).base}/${id}`, 303);
    });

    for (const decision of ['approve', 'decline'] as const) {
      app.post(`${p}/:event/bookings/:registration/${decision}`, cfg, async (req, reply) => {
        const host = h.host(req);
        const r = registrationParam.safeParse(req.params);
        if (!r.success) throw notFound('booking');
        await organiser.hostedEvent(deps, host, r.data.event);
        await organiser.decideRequest(deps, r.data.event, r.data.registration, decision === 'approve');
        setFlash(reply, {
          kind: 'success',
          text:
            decision === 'approve'
              ? "Confirmed. We've emailed them."
              : "Declined. We've emailed them, and offered the place on.",
        });
        return reply.redirect(`${frameOf(host).base}/${r.data.event}`, 303);
      });
    }

    app.get(`${p}/:event/attendance`, cfg, async (req, reply) => {
      const host = h.host(req);
      const q =
        typeof (req.query as { q?: unknown }).q === 'string' ? (req.query as { q: string }).q.slice(0, 100) : '';
      const view = await organiser.loadAttendancePage(deps, personOf(req), host, eventId(req), q);
      reply.header('cache-control', 'no-store');
      return sendPage(reply, <AttendancePage ctx={ctx(req, reply)} host={frameOf(host)} view={view} />);
    });

    app.post(`${p}/:event/attendance/walk-in`, cfg, async (req, reply) => {
      const host = h.host(req);
      const id = eventId(req);
      await organiser.hostedEvent(deps, host, id);
      const form = parseForm(WalkInForm, req.body);
      if (!form.ok) {
        const view = await organiser.loadAttendancePage(deps, personOf(req), host, id, '');
        return sendPage(
          reply,
          <AttendancePage
            ctx={ctx(req, reply)}
            host={frameOf(host)}
            view={view}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      }
      const e = await organiser.hostedEvent(deps, host, id);
      await organiser.addWalkIn(
        deps,
        id,
        form.data.name,
        form.data.places,
        e.kind === 'online' ? 'online' : 'in_person',
      );
      setFlash(reply, { kind: 'success', text: `${form.data.name} is on the register and marked here.` });
      return reply.redirect(`${frameOf(host).base}/${id}/attendance`, 303);
    });

    app.post(`${p}/:event/attendance/:registration`, cfg, async (req, reply) => {
      const host = h.host(req);
      const r = registrationParam.safeParse(req.params);
      if (!r.success) throw notFound('booking');
      const body = formValues(req.body);
      await organiser.markAttendance(deps, host, r.data.event, r.data.registration, body.attended === 'yes');
      const q = body.q ? `?q=${encodeURIComponent(body.q)}` : '';
      return reply.redirect(`${frameOf(host).base}/${r.data.event}/attendance${q}`, 303);
    });

    app.get(`${p}/:event/register.csv`, cfg, async (req, reply) => {
      const host = h.host(req);
      const { filename, csv } = await organiser.exportRegisterCsv(deps, personOf(req), host, eventId(req));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });
  };
}

export function organiserEventRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(
      hostRoutes(deps, {
        prefix: '/orgs/:org/events',
        access: access.org(manageOrgEvents),
        host: (req) => ({ kind: 'org', org: orgOf(req) }),
      }),
    );
    await app.register(
      hostRoutes(deps, {
        prefix: '/network/events',
        access: access.network(manageNetworkEvents),
        host: () => ({ kind: 'network' }),
      }),
    );
  };
}
