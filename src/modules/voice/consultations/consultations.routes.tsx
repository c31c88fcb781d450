// Consultation routes: list, take part, open one (coordinators, or a lead for their own
// people), moderate, close early, results.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { coordinateVoice, runOrgConsultations } from '../voice.policy.ts';
import { ConsultationForm, StatementForm, uuidParam } from './consultations.schemas.ts';
import * as service from './consultations.service.ts';
import { ManagePage, NewConsultationPage, ResultsPage, VotingPage } from './consultations.views.tsx';
import { loadResults } from './results.service.ts';

const cookieName = (id: string) => `rc_voice_${id.replace(/-/g, '').slice(0, 16)}`;

export function consultationRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const idOf = (req: FastifyRequest) => {
      const p = uuidParam.safeParse((req.params as { id?: string }).id);
      if (!p.success) throw notFound('consultation');
      return p.data;
    };
    /** Signed in: the person. Otherwise this browser's token for the consultation, made when first needed. */
    const voterOf = (
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      create: boolean,
    ): service.Voter | undefined => {
      if (req.actor.kind === 'person') return { personId: req.actor.personId };
      const existing = req.cookies[cookieName(id)];
      if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return { token: existing };
      if (!create) return undefined;
      const token = service.newParticipantToken();
      reply.setCookie(cookieName(id), token, {
        path: '/voice/consultations',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.publicUrl.startsWith('https:'),
        maxAge: 60 * 60 * 24 * 180,
      });
      return { token };
    };
    const statementQuery = (req: FastifyRequest) => {
      const s = uuidParam.safeParse((req.query as { statement?: string }).statement);
      return s.success ? s.data : undefined;
    };

    app.get('/voice/consultations/:id', open, async (req, reply) => {
      const id = idOf(req);
      return sendPage(
        reply,
        <VotingPage
          ctx={ctx(req, reply)}
          view={await service.loadVotingPage(deps, req.actor, id, voterOf(req, reply, id, false), {
            statement: statementQuery(req),
          })}
        />,
      );
    });

    app.post('/voice/consultations/:id/votes', open, async (req, reply) => {
      const id = idOf(req);
      const body = formValues(req.body);
      const statement = uuidParam.safeParse(body.statement);
      if (!statement.success) throw new AppError('validation', 'Choose agree, disagree or pass on a statement.');
      await service.castVote(deps, req.actor, id, voterOf(req, reply, id, true)!, {
        statementId: statement.data,
        choice: body.choice ?? '',
        address: clientIp(req),
      });
      return reply.redirect(`/voice/consultations/${id}#vote`, 303);
    });

    app.post('/voice/consultations/:id/statements', open, async (req, reply) => {
      const id = idOf(req);
      const form = parseForm(StatementForm, req.body);
      if (!form.ok) {
        const view = await service.loadVotingPage(deps, req.actor, id, voterOf(req, reply, id, false));
        return sendPage(reply, <VotingPage ctx={ctx(req, reply)} view={view} errors={form.errors} />, 400);
      }
      await service.proposeStatement(deps, req.actor, id, voterOf(req, reply, id, true)!, form.data.text);
      setFlash(reply, { kind: 'success', text: 'Thank you. Your statement will go up once someone has checked it.' });
      return reply.redirect(`/voice/consultations/${id}`, 303);
    });

    app.get('/voice/consultations/:id/results', open, async (req, reply) =>
      sendPage(reply, <ResultsPage ctx={ctx(req, reply)} view={await loadResults(deps, req.actor, idOf(req))} />),
    );

    const signedIn = { config: { access: access.signedIn } };
    app.get('/voice/consultations/:id/manage', signedIn, async (req, reply) => {
      const m = await service.loadModeration(deps, req.actor, idOf(req));
      return sendPage(
        reply,
        <ManagePage ctx={ctx(req, reply)} consultation={m.consultation} pending={m.pending} rejected={m.rejected} />,
      );
    });

    app.post('/voice/consultations/:id/statements/:statement/moderate', signedIn, async (req, reply) => {
      const id = idOf(req);
      const sid = uuidParam.safeParse((req.params as { statement?: string }).statement);
      if (!sid.success) throw notFound('statement');
      const body = formValues(req.body);
      await service.moderateStatement(deps, personOf(req), id, sid.data, {
        accept: body.decision === 'accept',
        reason: (body.reason ?? '').slice(0, 500),
      });
      setFlash(reply, {
        kind: 'success',
        text:
          body.decision === 'accept'
            ? 'Accepted: it is up for voting.'
            : 'Not used. The person who wrote it will see why.',
      });
      return reply.redirect(`/voice/consultations/${id}/manage`, 303);
    });

    app.post('/voice/consultations/:id/close', signedIn, async (req, reply) => {
      const id = idOf(req);
      await service.closeEarly(deps, personOf(req), id);
      setFlash(reply, { kind: 'success', text: 'Closed. The results are being worked out.' });
      return reply.redirect(`/voice/consultations/${id}`, 303);
    });

    // Opening one: coordinators for the network, leads for their own organisation.
    const newPage = (req: FastifyRequest, reply: FastifyReply, action: string, allowOrg: boolean) =>
      sendPage(reply, <NewConsultationPage ctx={ctx(req, reply)} action={action} allowOrg={allowOrg} />);
    const create = async (req: FastifyRequest, reply: FastifyReply, orgId: string | null, action: string) => {
      const form = parseForm(ConsultationForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <NewConsultationPage
            ctx={ctx(req, reply)}
            action={action}
            allowOrg={orgId !== null}
            values={form.values}
            errors={form.errors}
          />,
          400,
        );
      const id = await service.openConsultation(deps, personOf(req), orgId, form.data);
      setFlash(reply, {
        kind: 'success',
        text: 'Your consultation is set up. Share its address with the people it is for.',
      });
      return reply.redirect(`/voice/consultations/${id}`, 303);
    };
    app.get(
      '/network/voice/consultations/new',
      { config: { access: access.network(coordinateVoice) } },
      async (req, reply) => newPage(req, reply, '/network/voice/consultations/new', false),
    );
    app.post(
      '/network/voice/consultations/new',
      { config: { access: access.network(coordinateVoice) } },
      async (req, reply) => create(req, reply, null, '/network/voice/consultations/new'),
    );
    app.get('/orgs/:org/voice/new', { config: { access: access.org(runOrgConsultations) } }, async (req, reply) =>
      newPage(req, reply, `/orgs/${orgOf(req).slug}/voice/new`, true),
    );
    app.post('/orgs/:org/voice/new', { config: { access: access.org(runOrgConsultations) } }, async (req, reply) =>
      create(req, reply, orgOf(req).id, `/orgs/${orgOf(req).slug}/voice/new`),
    );
  };
}
