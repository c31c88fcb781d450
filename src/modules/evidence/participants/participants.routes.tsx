// HTTP routes for participants, their consents, questionnaires and self-completion links.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { findBand } from '../domain/bands.ts';
import * as assessments from '../assessments/assessments.service.ts';
import { AssessmentEntryPage, LinkCreatedPage } from '../assessments/assessments.views.tsx';
import { eraseParticipant as eraseRule, exportEvidence, recordEvidence } from '../evidence.policy.ts';
import { AssessmentMetaForm, assessmentParam, ConsentForm, EraseForm, LinkForm, ListQuery, NewParticipantForm, participantParam, substancesFrom, timePointOf } from '../evidence.schemas.ts';
import { findInstrumentForOrg, listInstrumentsForOrg, type InstrumentRow } from '../instruments/instruments.repository.ts';
import * as repo from './participants.repository.ts';
import * as service from './participants.service.ts';
import { ErasePage, NewParticipantPage, ParticipantPage, ParticipantsPage, type ParticipantView } from './participants.views.tsx';

const PER_PAGE = 25;

export function participantRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const record = { config: { access: access.org(recordEvidence) } };

    // Personal data: never kept by a browser or proxy cache.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });

    async function loadParticipant(req: FastifyRequest): Promise<repo.ParticipantRow> {
      const parsed = participantParam.safeParse(req.params);
      const found = parsed.success ? await repo.findParticipant(deps.db, orgOf(req).id, parsed.data.participant) : undefined;
      if (!found) throw notFound('participant');
      return found;
    }

    async function loadInstrument(req: FastifyRequest, key: unknown): Promise<InstrumentRow> {
      const instrument = typeof key === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(key) ? await findInstrumentForOrg(deps.db, orgOf(req).id, key) : undefined;
      if (!instrument) throw notFound('questionnaire');
      return instrument;
    }

    async function participantView(req: FastifyRequest, p: repo.ParticipantRow): Promise<ParticipantView> {
      const org = orgOf(req);
      const actor = personOf(req);
      const [history, instruments] = await Promise.all([service.viewParticipant(deps.db, actor, org, p, req.ip), listInstrumentsForOrg(deps.db, org.id)]);
      const allVersions = new Map<string, InstrumentRow>();
      for (const a of history.assessments) {
        const k = `${a.instrument_key}@${a.instrument_version}`;
        if (!allVersions.has(k)) {
          const found = await findInstrumentForOrg(deps.db, org.id, a.instrument_key, a.instrument_version);
          if (found) allVersions.set(k, found);
        }
      }
      return {
        org,
        participant: {
          id: p.id,
          code: p.code,
          firstName: p.first_name,
          ageBand: p.age_band,
          gender: p.gender,
          ethnicity: p.ethnicity,
          substances: p.main_substances,
          localAuthority: p.local_authority,
          consent: { record: p.consent_record, network: p.consent_network, contact: p.consent_contact },
          addedOn: p.created_at,
        },
        consents: history.consents.map((c) => ({
          kind: c.kind as repo.ConsentKind,
          given: c.given,
          decidedOn: c.decided_on,
          wordingVersion: c.wording_version,
          recordedBy: c.recorded_by_name ?? 'Imported or no longer here',
        })),
        assessments: history.assessments.map((a) => {
          const def = allVersions.get(`${a.instrument_key}@${a.instrument_version}`)?.definition;
          const scores = a.scores as Record<string, number>;
          return {
            id: a.id,
            instrument: def?.short_name ?? a.instrument_key,
            date: a.assessed_on,
            timePoint: a.time_point,
            source: a.source,
            scores: Object.entries(scores).map(([key, score]) => {
              const measure = def?.measures.find((m) => m.key === key);
              return { name: measure?.name ?? key, score, band: measure ? (findBand(measure, score)?.label ?? null) : null, lowerIsBetter: measure?.direction === 'lower_is_better' };
            }),
          };
        }),
        instruments: instruments.map((i) => ({ key: i.key, name: i.definition.short_name })),
        links: history.links.map((l) => ({ instrument: instruments.find((i) => i.key === l.instrument_key)?.definition.short_name ?? l.instrument_key, createdAt: l.created_at, expiresAt: l.expires_at, usedAt: l.used_at })),
        canErase: eraseRule.allows(actor, org),
        canExport: exportEvidence.allows(actor, org),
      };
    }

    app.get('/orgs/:org/participants', record, async (req, reply) => {
      const org = orgOf(req);
      const q = ListQuery.parse(req.query ?? {});
      const list = await repo.listParticipants(deps.db, org.id, { q: q.q, page: q.page, perPage: PER_PAGE });
      const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
      const view = {
        org,
        rows: list.rows.map((r) => ({ id: r.id, code: r.code, firstName: r.first_name, consentRecord: r.consent_record, consentNetwork: r.consent_network, lastAssessedOn: (r.last_assessed_on as string | null) ?? null })),
        page: Math.min(q.page, pages),
        pages,
        total: list.total,
        q: q.q,
      };
      return sendPage(reply, <ParticipantsPage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/orgs/:org/participants/new', record, async (req, reply) => sendPage(reply, <NewParticipantPage ctx={ctx(req, reply)} org={orgOf(req)} />));

    app.post('/orgs/:org/participants', record, async (req, reply) => {
      const org = orgOf(req);
      const substances = substancesFrom(req.body);
      const form = parseForm(NewParticipantForm, req.body);
      if (!form.ok) return sendPage(reply, <NewParticipantPage ctx={ctx(req, reply)} org={org} errors={form.errors} values={form.values} substances={substances} />, 400);
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
          return sendPage(reply, <NewParticipantPage ctx={ctx(req, reply)} org={org} errors={err.fields} values={formValues(req.body)} substances={substances} />, 409);
        }
        throw err;
      }
    });

    app.get('/orgs/:org/participants/:participant', record, async (req, reply) => {
      const p = await loadParticipant(req);
      return sendPage(reply, <ParticipantPage ctx={ctx(req, reply)} view={await participantView(req, p)} />);
    });

    async function pageWithErrors(req: FastifyRequest, reply: FastifyReply, p: repo.ParticipantRow, errors: FieldErrors, status: number) {
      return sendPage(reply, <ParticipantPage ctx={ctx(req, reply)} view={await participantView(req, p)} errors={errors} values={formValues(req.body)} />, status);
    }

    app.post('/orgs/:org/participants/:participant/consents', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const form = parseForm(ConsentForm, req.body);
      if (!form.ok) return pageWithErrors(req, reply, p, form.errors, 400);
      try {
        await service.decideConsent(deps.db, personOf(req), org, p, { kind: form.data.kind, given: form.data.decision === 'given', decidedOn: form.data.decided_on });
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
        return sendPage(reply, <ErasePage ctx={ctx(req, reply)} org={org} participant={p} error={`Type ${p.code} exactly to confirm`} />, 400);
      }
      await service.eraseParticipant(deps.db, personOf(req), org, p.id);
      setFlash(reply, { kind: 'success', text: `${p.code} and everything about them has been erased.` });
      return reply.redirect(`/orgs/${org.slug}/participants`, 303);
    });

    app.get('/orgs/:org/participants/:participant/export', { config: { access: access.org(exportEvidence) } }, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const data = await service.exportParticipant(deps.db, personOf(req), org, p, req.ip);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${org.slug}-${p.code.replace(/[^A-Z0-9_-]/g, '_')}.json"`)
        .send(JSON.stringify(data, null, 2));
    });

    app.get('/orgs/:org/participants/:participant/assessments/new', record, async (req, reply) => {
      const p = await loadParticipant(req);
      const instrument = await loadInstrument(req, (req.query as { instrument?: unknown }).instrument);
      if (!p.consent_record) throw new AppError('conflict', `${p.code} has not agreed to a record being kept, so answers can't be recorded.`);
      return sendPage(reply, <AssessmentEntryPage ctx={ctx(req, reply)} view={{ org: orgOf(req), participant: { id: p.id, code: p.code, firstName: p.first_name }, definition: instrument.definition }} />);
    });

    app.post('/orgs/:org/participants/:participant/assessments', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const instrument = await loadInstrument(req, (req.query as { instrument?: unknown }).instrument);
      const view = { org, participant: { id: p.id, code: p.code, firstName: p.first_name }, definition: instrument.definition };
      const values = formValues(req.body);
      const meta = parseForm(AssessmentMetaForm, req.body);
      const answers = assessments.readResponses(instrument.definition, values);
      if (!meta.ok || Object.keys(answers.errors).length > 0) {
        const errors = { ...(meta.ok ? {} : meta.errors), ...answers.errors };
        return sendPage(reply, <AssessmentEntryPage ctx={ctx(req, reply)} view={view} errors={errors} values={values} />, 400);
      }
      try {
        const scored = await assessments.recordAssessment(deps.db, personOf(req), org, p, instrument, { assessedOn: meta.data.assessed_on, timePoint: timePointOf(meta.data), form: values });
        const summary = scored.measures.map((m) => `${m.measure_name} ${m.score}`).join(', ');
        setFlash(reply, { kind: 'success', text: `${instrument.definition.short_name} saved for ${p.code}: ${summary}.` });
      } catch (err) {
        if (err instanceof AppError && (err.code === 'conflict' || err.code === 'validation') && Object.keys(err.fields).length > 0) {
          return sendPage(reply, <AssessmentEntryPage ctx={ctx(req, reply)} view={view} errors={err.fields} values={values} />, err.status);
        }
        throw err;
      }
      return reply.redirect(`/orgs/${org.slug}/participants/${p.id}#history`, 303);
    });

    app.post('/orgs/:org/participants/:participant/assessments/:assessment/delete', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const parsed = assessmentParam.safeParse(req.params);
      if (!parsed.success) throw notFound('assessment');
      await assessments.removeAssessment(deps.db, personOf(req), org, p, parsed.data.assessment);
      setFlash(reply, { kind: 'success', text: `The questionnaire has been deleted from ${p.code}'s record.` });
      return reply.redirect(`/orgs/${org.slug}/participants/${p.id}#history`, 303);
    });

    app.post('/orgs/:org/participants/:participant/links', record, async (req, reply) => {
      const org = orgOf(req);
      const p = await loadParticipant(req);
      const form = parseForm(LinkForm, req.body);
      if (!form.ok) return pageWithErrors(req, reply, p, form.errors, 400);
      const instrument = await loadInstrument(req, form.data.instrument);
      const link = await assessments.createCompletionLink(deps.db, deps.config.publicUrl, personOf(req), org, p, instrument, timePointOf(form.data));
      const view = { org, participant: { id: p.id, code: p.code }, instrumentName: instrument.definition.short_name, ...link };
      return sendPage(reply, <LinkCreatedPage ctx={ctx(req, reply)} view={view} />);
    });
  };
}
