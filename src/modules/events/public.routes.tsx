// Routes anyone may use: finding events, booking, calendars, and the emailed booking link.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import {
  AnswersForm,
  answersIn,
  eventParam,
  pictureParam,
  parseFeedbackForm,
  parseRegisterForm,
} from './events.schemas.ts';
import { loadFeedbackPage, submitFeedback } from './feedback.service.ts';
import { readGalleryImage } from './gallery.service.ts';
import { eventCalendarFile, feedCalendarFile, loadEventPage, loadEventsListPage } from './public.service.ts';
import { BookingPage, EventPage, EventsListPage, FeedbackPage, ThanksPage } from './public.views.tsx';
import {
  acceptOffer,
  cancelRegistration,
  changeMyPlaces,
  loadBookingPage,
  registerForEvent,
  updateMyAnswers,
} from './registration.service.ts';
import { registrationPath } from './registration-link.ts';

const str = (v: unknown, max = 100) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export function publicEventRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };

    app.get('/events', open, async (req, reply) => {
      const q = req.query as Record<string, unknown>;
      const view = await loadEventsListPage(deps, req.actor, {
        online: q.online === 'yes',
        org: str(q.org),
        area: str(q.area, 40),
        from: str(q.from, 10),
      });
      return sendPage(reply, <EventsListPage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/events/calendar.ics', open, async (req, reply) => {
      const org = str((req.query as Record<string, unknown>).org) || undefined;
      const body = await feedCalendarFile(deps, org);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
    });

    const eventId = (req: FastifyRequest) => {
      const p = eventParam.safeParse(req.params);
      if (!p.success) throw notFound('event');
      return p.data.event;
    };

    app.get('/events/:event', open, async (req, reply) => {
      const view = await loadEventPage(deps, req.actor, eventId(req));
      // Someone signed in books as themselves: their name and email are filled in.
      const values: Record<string, string> =
        req.actor.kind === 'person' ? { name: req.actor.displayName, email: req.actor.email } : {};
      return sendPage(reply, <EventPage ctx={ctx(req, reply)} view={view} pictures={view.pictures} values={values} />);
    });

    app.get('/events/:event/pictures/:image', open, async (req, reply) => {
      const p = pictureParam.safeParse(req.params);
      if (!p.success) throw notFound('picture');
      const img = await readGalleryImage(deps, req.actor, p.data.event, p.data.image);
      return reply
        .type(img.contentType)
        .header('cache-control', img.membersOnly ? 'private, no-store' : 'public, max-age=3600')
        .header('content-disposition', 'inline')
        .send(img.data);
    });

    app.get('/events/:event/calendar.ics', open, async (req, reply) => {
      const body = await eventCalendarFile(deps, req.actor, eventId(req));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="event.ics"')
        .send(body);
    });

    app.post('/events/:event/book', open, async (req, reply) => {
      const id = eventId(req);
      // The page is loaded again only to show a problem; a booking that goes through skips it.
      const again = async (errors: FieldErrors, status: number) => {
        const view = await loadEventPage(deps, req.actor, id);
        return sendPage(
          reply,
          <EventPage
            ctx={ctx(req, reply)}
            view={view}
            pictures={view.pictures}
            errors={errors}
            values={formValues(req.body)}
          />,
          status,
        );
      };
      const form = parseRegisterForm(req.body);
      if (!form.ok) return again(form.errors, 400);
      try {
        const { registration, token } = await registerForEvent(deps, req.actor, id, form.data);
        const said = {
          confirmed: "You're booked. We've emailed you the details and a calendar file.",
          requested: "Thanks. The organisers will confirm your place soon; we've emailed you.",
          waiting: "The event is full, so you're on the waiting list. We've emailed you.",
        } as Record<string, string>;
        setFlash(reply, { kind: 'success', text: said[registration.status] ?? 'Done.' });
        return reply.redirect(registrationPath(token), 303);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation')
          return again(Object.keys(err.fields).length ? err.fields : { form: err.message }, 400);
        if (err instanceof AppError && err.code === 'conflict') return again({ form: err.message }, 409);
        throw err;
      }
    });

    const token = (req: FastifyRequest) => str((req.params as { token?: string }).token, 200);

    // The booking link works without an account: the token in the path is the key. Never cached.
    app.get('/events/r/:token', open, async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const view = await loadBookingPage(deps, token(req));
      return sendPage(reply, <BookingPage ctx={ctx(req, reply)} view={view} />);
    });

    app.post('/events/r/:token/cancel', open, async (req, reply) => {
      const t = token(req);
      const { changed } = await cancelRegistration(deps, t);
      setFlash(reply, {
        kind: changed ? 'success' : 'info',
        text: changed
          ? 'Thanks for letting us know. Your place has gone to someone who was waiting.'
          : 'This booking was already cancelled. Nothing has changed.',
      });
      return reply.redirect(registrationPath(t), 303);
    });

    app.post('/events/r/:token/accept', open, async (req, reply) => {
      const t = token(req);
      try {
        await acceptOffer(deps, t);
      } catch (err) {
        if (err instanceof AppError && err.code === 'gone') {
          setFlash(reply, { kind: 'info', text: err.message });
          return reply.redirect(registrationPath(t), 303);
        }
        throw err;
      }
      setFlash(reply, {
        kind: 'success',
        text: "The place is yours. We've emailed you the details and a calendar file.",
      });
      return reply.redirect(registrationPath(t), 303);
    });

    app.post('/events/r/:token/places', open, async (req, reply) => {
      const t = token(req);
      const raw = formValues(req.body).places ?? '';
      const places = /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      const again = async (errors: FieldErrors, status: number) =>
        sendPage(
          reply,
          <BookingPage ctx={ctx(req, reply)} view={await loadBookingPage(deps, t)} errors={errors} placesValue={raw} />,
          status,
        );
      if (!Number.isInteger(places)) return again({ places: 'Enter a whole number of places, like 2.' }, 400);
      try {
        const { changed } = await changeMyPlaces(deps, t, places);
        setFlash(reply, {
          kind: changed ? 'success' : 'info',
          text: changed ? `Saved: ${places} ${places === 1 ? 'place' : 'places'}.` : 'Nothing has changed.',
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return again(err.fields, 400);
        if (err instanceof AppError && (err.code === 'conflict' || err.code === 'gone'))
          return again({ places: err.message }, 409);
        throw err;
      }
      return reply.redirect(registrationPath(t), 303);
    });

    app.post('/events/r/:token/answers', open, async (req, reply) => {
      const t = token(req);
      const form = parseForm(AnswersForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <BookingPage
            ctx={ctx(req, reply)}
            view={await loadBookingPage(deps, t)}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      await updateMyAnswers(deps, t, {
        access_needs: form.data.access_needs,
        dietary_needs: form.data.dietary_needs,
        custom_answers: answersIn(form.data),
      });
      setFlash(reply, { kind: 'success', text: 'Saved. The organisers will see your changes.' });
      return reply.redirect(registrationPath(t), 303);
    });

    app.get('/events/r/:token/feedback', open, async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const t = token(req);
      const page = await loadFeedbackPage(deps, t);
      const values: Record<string, string> = page.existing
        ? {
            rating: page.existing.rating ? String(page.existing.rating) : '',
            struck_chord: page.existing.struck_chord,
            could_be_better: page.existing.could_be_better,
            quote_consent: page.existing.quote_consent,
            first_name: page.existing.first_name,
          }
        : { first_name: page.firstName };
      return sendPage(
        reply,
        <FeedbackPage ctx={ctx(req, reply)} token={t} title={page.title} open={page.open} values={values} />,
      );
    });

    app.post('/events/r/:token/feedback', open, async (req, reply) => {
      const t = token(req);
      const form = parseFeedbackForm(req.body);
      if (!form.ok) {
        const page = await loadFeedbackPage(deps, t);
        return sendPage(
          reply,
          <FeedbackPage
            ctx={ctx(req, reply)}
            token={t}
            title={page.title}
            open={page.open}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      }
      await submitFeedback(deps, t, form.data);
      return sendPage(
        reply,
        <ThanksPage ctx={ctx(req, reply)} title="Thank you" text="Your words help shape what comes next." />,
      );
    });
  };
}
