// HTTP routes for participants: the list, adding one, their page, consent, erasure and subject
// access export, deleting a questionnaire. Recording questionnaires and self-completion links are in
// ../assessments/recording.routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import * as assessments from '../assessments/assessments.service.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../platform/http/form-fields.ts';
import {
  deleteAssessments,
  eraseParticipant as eraseRule,
  exportEvidence,
  recordEvidence,
} from '../evidence.policy.ts';
import {
  assessmentParam,
  ConsentForm,
  EraseForm,
  ListQuery,
  NewParticipantForm,
  substancesFrom,
} from '../evidence.schemas.ts';
import * as pages from './participants.pages.ts';
import * as service from './participants.service.ts';
import {
  DeleteAssessmentPage,
  ErasePage,
  NewParticipantPage,
  ParticipantPage,
  ParticipantsPage,
} from './participants.views.tsx';

export function participantRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const record = { config: { access: access.org(recordEvidence) } };

    // Personal data: never kept by a browser or proxy cache.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });

    const loadParticipant = (req: FastifyRequest) => pages.findParticipantOrThrow(deps, orgOf(req), req.params);
    const participantView = (req: FastifyRequest, p: pages.ParticipantRow) =>
      pages.loadParticipantPage(deps, personOf(req), orgOf(req), p, req.ip);

    app.get('/orgs/:org/participants', record, async (req, reply) => {
      const view = await pages.loadParticipantsPage(deps, orgOf(req), ListQuery.parse(req.query ?? {}));
      return sendPage(reply, <ParticipantsPage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/orgs/:org/participants/new', record, async (req, reply) =>
      sendPage(reply, <NewParticipantPage ctx={ctx(req, reply)} org={orgOf(req)} />),
    );

    app.post('/orgs/:org/participants', record, async (req, reply) => {
      const org = orgOf(req);
      const substances = substancesFrom(req.body);
      const form = parseForm(NewParticipantForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <NewParticipantPage
            ctx={ctx(req, reply)}
            org={org}
            errors={form.errors}
            values={form.values}
            substances={substances}
          />,
          400,
        );
      const f = form.data;
      try {
        const added = await service.addParticipant(deps.db, personOf(req), org, {
          code: f.code,
          firstName: f.first_name,
          ageBand: f.age_band,
          gender: f.gender,
          ethnicity: f.ethnicity,
          mainSubstances: substances,
          localAuthority: f.local_authority,
          consentNetwork: f.consent_network,
          consentContact: f.consent_contact,
          consentDate: f.consent_date,
        });
        setFlash(reply, { kind: 'success', text: `${added.code} has been added.` });
        return reply.redirect(`/orgs/${org.slug}/participants/${added.id}`, 303);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') {
          return sendPage(
            reply,
            <NewParticipantPage
              ctx={ctx(req, reply)}
              org={org}
              errors={err.fields}
              values={formValues(req.body)}
              substances={substances}
            />,
            409,
          );
        }
        throw err;
      }
    });

    app.get('/orgs/:org/participants/:participant', record, async (req, reply) => {
      const p = await loadParticipant(req);
      return sendPage(reply, <ParticipantPage ctx={ctx(req, reply)} view={await participantView(req, p)} />);
    });

    async function pageWithErrors(
      req: FastifyRequest,
      reply: FastifyReply,
      p: pages.ParticipantRow,
      errors: FieldErrors,
      status: number,
    ) {
      return sendPage(
        reply,
        <ParticipantPage
          ctx={ctx(req, reply)}
          view={await participantView(req, p)}
          errors={errors}
          values={formValues(req.body)}
        />,
        status,
      );
    }

    app.post('/orgs/:org/participants/:participant/consents', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const form = parseForm(ConsentForm, req.body);
      if (!form.ok) return pageWithErrors(req, reply, p, form.errors, 400);
      try {
        await service.decideConsent(deps.db, personOf(req), org, p, {
          kind: form.data.kind,
          given: form.data.decision === 'given',
          decidedOn: form.data.decided_on,
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return pageWithErrors(req, reply, p, err.fields, 400);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `Consent decision saved for ${p.code}.` });
      return reply.redirect(`/orgs/${org.slug}/participants/${p.id}#consent`, 303);
    });

    const erase = { config: { access: access.org(eraseRule) } };
    app.get('/orgs/:org/participants/:participant/erase', erase, async (req, reply) => {
      const p = await loadParticipant(req);
      return sendPage(reply, <ErasePage ctx={ctx(req, reply)} org={orgOf(req)} participant={p} />);
    });

    app.post('/orgs/:org/participants/:participant/erase', erase, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const form = parseForm(EraseForm, req.body);
      if (!form.ok || form.data.confirm_code !== p.code) {
        return sendPage(
          reply,
          <ErasePage ctx={ctx(req, reply)} org={org} participant={p} error={`Type ${p.code} exactly to confirm`} />,
          400,
        );
      }
      await service.eraseParticipant(deps.db, personOf(req), org, p.id);
      setFlash(reply, { kind: 'success', text: `${p.code} and everything about them has been erased.` });
      return reply.redirect(`/orgs/${org.slug}/participants`, 303);
    });

    app.get(
      '/orgs/:org/participants/:participant/export',
      { config: { access: access.org(exportEvidence) } },
      async (req, reply) => {
        const org = orgOf(req);
        const p = await loadParticipant(req);
        const data = await service.exportParticipant(deps.db, personOf(req), org, p, req.ip);
        return reply
          .type('application/json; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${org.slug}-${p.code.replace(/[^A-Z0-9_-]/g, '_')}.json"`,
          )
          .send(JSON.stringify(data, null, 2));
      },
    );

    const remove = { config: { access: access.org(deleteAssessments) } };
    const assessmentIdOf = (req: FastifyRequest) => {
      const parsed = assessmentParam.safeParse(req.params);
      if (!parsed.success) throw notFound('questionnaire');
      return parsed.data.assessment;
    };

    // A page that asks first, so one click never deletes a questionnaire (and it works without JavaScript).
    app.get('/orgs/:org/participants/:participant/assessments/:assessment/delete', remove, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const found = await assessments.findAssessmentToDelete(deps.db, org, p, assessmentIdOf(req));
      const instrument = await pages.instrumentNameFor(deps, org, found.instrument_key, found.instrument_version);
      return sendPage(
        reply,
        <DeleteAssessmentPage
          ctx={ctx(req, reply)}
          org={org}
          participant={p}
          assessment={{ id: found.id, instrument, date: found.assessed_on, timePoint: found.time_point }}
        />,
      );
    });

    app.post('/orgs/:org/participants/:participant/assessments/:assessment/delete', remove, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      await assessments.removeAssessment(deps.db, personOf(req), org, p, assessmentIdOf(req));
      setFlash(reply, {
        kind: 'success',
        text: `The questionnaire has been deleted from ${p.code}'s record. You can restore it from this page for 30 days.`,
      });
      return reply.redirect(`/orgs/${org.slug}/participants/${p.id}#deleted`, 303);
    });

    app.post('/orgs/:org/participants/:participant/assessments/:assessment/restore', remove, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      await assessments.restoreAssessment(deps.db, personOf(req), org, p, assessmentIdOf(req));
      setFlash(reply, { kind: 'success', text: `The questionnaire is back on ${p.code}'s record and counts again.` });
      return reply.redirect(`/orgs/${org.slug}/participants/${p.id}#history`, 303);
    });
  };
}
