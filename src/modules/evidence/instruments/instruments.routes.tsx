// HTTP routes for instruments: an organisation's own measures (built with a form), and the
// network's instruments, where a coordinator installs a licensed one by uploading its
// definition file with the licence reference, and turns instruments on or off.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { networkPolicy } from '../../network/index.ts';
import { buildCustomMeasureDefinition } from '../domain/custom-measure.ts';
import { parseUploadedInstrumentDefinition } from '../domain/parse-uploaded-definition.ts';
import { manageMeasures } from '../evidence.policy.ts';
import { idParam, MeasureForm } from '../evidence.schemas.ts';
import * as repo from './instruments.repository.ts';
import { MeasuresPage, NetworkInstrumentsPage } from './instruments.views.tsx';

const MAX_DEFINITION_BYTES = 1024 * 1024;

export function instrumentRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DEFINITION_BYTES, files: 1, fields: 3, fieldSize: 1000, parts: 4 } });
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const measuresRule = { config: { access: access.org(manageMeasures) } };
    const coordinate = { config: { access: access.network(networkPolicy.coordinateNetwork) } };

    async function measuresPage(req: FastifyRequest, reply: FastifyReply, errors: Record<string, string> = {}, values: Record<string, string> = {}) {
      const org = orgOf(req);
      const rows = await repo.listOrgMeasures(deps.db, org.id);
      const measures = rows.map((r) => ({ name: r.definition.name, items: r.definition.items.length, scoring: r.definition.scoring.method, createdAt: r.createdAt }));
      return sendPage(reply, <MeasuresPage ctx={ctx(req, reply)} org={org} measures={measures} errors={errors} values={values} />, Object.keys(errors).length ? 400 : 200);
    }

    app.get('/orgs/:org/measures', measuresRule, async (req, reply) => measuresPage(req, reply));

    app.post('/orgs/:org/measures', measuresRule, async (req, reply) => {
      const org = orgOf(req);
      const f = parseForm(MeasureForm, req.body);
      const values = formValues(req.body);
      if (!f.ok) return measuresPage(req, reply, f.errors, values);
      const built = buildCustomMeasureDefinition({ organisation_name: org.name, ...f.data });
      if (!built.ok) return measuresPage(req, reply, Object.fromEntries(built.errors.map((e) => [e.field, e.message])), values);
      const definition = built.value;
      if (await repo.instrumentVersionExists(deps.db, org.id, definition.key, definition.version)) {
        return measuresPage(req, reply, { name: `You already have a measure called “${definition.name}”. Choose another name.` }, values);
      }
      const actor = personOf(req);
      await deps.db.transaction().execute(async (tx) => {
        await repo.insertInstrument(tx, { orgId: org.id, definition, origin: 'custom', licenceReference: '', installedBy: actor.personId });
        await recordAudit(tx, { orgId: org.id, actorId: actor.personId, action: 'measure.created', subjectType: 'instrument', subjectId: definition.key });
      });
      setFlash(reply, { kind: 'success', text: `“${definition.name}” is ready to use.` });
      return reply.redirect(`/orgs/${org.slug}/measures`, 303);
    });

    async function networkPage(req: FastifyRequest, reply: FastifyReply, problems: string[] = [], status = 200) {
      const rows = await repo.listNetworkInstruments(deps.db);
      const instruments = rows.map((r) => ({ id: r.id, name: r.definition.name, shortName: r.definition.short_name, version: r.version, origin: r.origin, enabled: r.enabled, licence: r.definition.licence.name, reference: r.licenceReference }));
      return sendPage(reply, <NetworkInstrumentsPage ctx={ctx(req, reply)} instruments={instruments} problems={problems} />, status);
    }

    app.get('/network/instruments', coordinate, async (req, reply) => networkPage(req, reply));

    app.post('/network/instruments', coordinate, async (req, reply) => {
      if (!req.isMultipart()) return networkPage(req, reply, ['Choose the definition file to upload.'], 400);
      let reference = '';
      let text: string | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'licence_reference') reference = String(part.value).trim().slice(0, 200);
          continue;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer); // at most 1 MB (the limit)
        if (part.file.truncated) return networkPage(req, reply, ['The definition file is larger than 1 MB.'], 400);
        text = Buffer.concat(chunks).toString('utf8');
      }
      if (!text) return networkPage(req, reply, ['Choose the definition file to upload.'], 400);
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        return networkPage(req, reply, ['The file is not valid JSON. Check it is the definition file you were given.'], 400);
      }
      if (reference && json && typeof json === 'object' && (json as { licence?: unknown }).licence && typeof (json as { licence: unknown }).licence === 'object') {
        (json as { licence: Record<string, unknown> }).licence.reference = reference;
      }
      const parsed = parseUploadedInstrumentDefinition(json);
      if (!parsed.ok) return networkPage(req, reply, parsed.errors.map((p) => `${p.path}: ${p.message}`), 400);
      const definition = parsed.value;
      if (definition.scope !== 'network') return networkPage(req, reply, ['scope: a network instrument must have scope "network".'], 400);
      if (await repo.instrumentVersionExists(deps.db, null, definition.key, definition.version)) {
        return networkPage(req, reply, [`${definition.short_name} version ${definition.version} is already installed. Change "version" in the file to install a new one.`], 409);
      }
      const actor = personOf(req);
      await deps.db.transaction().execute(async (tx) => {
        await repo.insertInstrument(tx, { orgId: null, definition, origin: 'licensed', licenceReference: definition.licence.reference ?? '', installedBy: actor.personId });
        await recordAudit(tx, { orgId: null, actorId: actor.personId, action: 'instrument.installed', subjectType: 'instrument', subjectId: `${definition.key}@${definition.version}`, detail: { licence_reference: definition.licence.reference ?? '' } });
      });
      setFlash(reply, { kind: 'success', text: `${definition.short_name} is installed and available to every organisation.` });
      return reply.redirect('/network/instruments', 303);
    });

    app.post('/network/instruments/:instrument/enabled', coordinate, async (req, reply) => {
      const parsed = idParam.safeParse({ id: (req.params as { instrument?: string }).instrument });
      const enabled = formValues(req.body).enabled === 'yes';
      if (!parsed.success || !(await repo.setNetworkInstrumentEnabled(deps.db, parsed.data.id, enabled))) throw notFound('instrument');
      setFlash(reply, { kind: 'success', text: enabled ? 'Turned on for every organisation.' : 'Turned off. Answers already recorded are kept.' });
      return reply.redirect('/network/instruments', 303);
    });
  };
}
