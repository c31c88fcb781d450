// HTTP routes for instruments: an organisation's own measures (built with a form), and the
// network's instruments, where a coordinator installs a licensed one by uploading its
// definition file with the licence reference, and turns instruments on or off.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { networkPolicy } from '../../network/index.ts';
import { manageMeasures } from '../evidence.policy.ts';
import { idParam, MeasureForm } from '../evidence.schemas.ts';
import {
  createCustomMeasure,
  installLicensedInstrument,
  loadMeasuresPage,
  loadNetworkInstrumentsPage,
  setNetworkInstrumentEnabled,
} from './instruments.service.ts';
import { MeasuresPage, NetworkInstrumentsPage } from './instruments.views.tsx';

const MAX_DEFINITION_BYTES = 1024 * 1024;

export function instrumentRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const measuresRule = { config: { access: access.org(manageMeasures) } };
    const coordinate = { config: { access: access.network(networkPolicy.coordinateNetwork) } };

    async function measuresPage(
      req: FastifyRequest,
      reply: FastifyReply,
      errors: Record<string, string> = {},
      values: Record<string, string> = {},
    ) {
      const org = orgOf(req);
      const measures = await loadMeasuresPage(deps, org);
      return sendPage(
        reply,
        <MeasuresPage ctx={ctx(req, reply)} org={org} measures={measures} errors={errors} values={values} />,
        Object.keys(errors).length ? 400 : 200,
      );
    }

    app.get('/orgs/:org/measures', measuresRule, async (req, reply) => measuresPage(req, reply));

    app.post('/orgs/:org/measures', measuresRule, async (req, reply) => {
      const org = orgOf(req);
      const f = parseForm(MeasureForm, req.body);
      const values = formValues(req.body);
      if (!f.ok) return measuresPage(req, reply, f.errors, values);
      const created = await createCustomMeasure(deps, personOf(req), org, f.data);
      if (!created.ok) return measuresPage(req, reply, created.errors, values);
      const { definition } = created;
      setFlash(reply, { kind: 'success', text: `“${definition.name}” is ready to use.` });
      return reply.redirect(`/orgs/${org.slug}/measures`, 303);
    });

    async function networkPage(req: FastifyRequest, reply: FastifyReply, problems: string[] = [], status = 200) {
      const instruments = await loadNetworkInstrumentsPage(deps);
      return sendPage(
        reply,
        <NetworkInstrumentsPage ctx={ctx(req, reply)} instruments={instruments} problems={problems} />,
        status,
      );
    }

    app.get('/network/instruments', coordinate, async (req, reply) => networkPage(req, reply));

    app.post('/network/instruments', coordinate, async (req, reply) => {
      let reference: string;
      let text: string;
      try {
        const form = await readMultipartForm(req, {
          maxFileBytes: MAX_DEFINITION_BYTES,
          maxFields: 3,
          maxFieldBytes: 1000,
          requireFile: true,
          messages: {
            not_multipart: 'Choose the definition file to upload.',
            missing_file: 'Choose the definition file to upload.',
            too_large: 'The definition file is larger than 1 MB.',
          },
        });
        reference = (form.fields.licence_reference ?? '').slice(0, 200);
        text = await readFile(form.files[0]!.path, 'utf8'); // at most 1 MB; JSON.parse takes it whole
      } catch (err) {
        if (err instanceof UploadError) return networkPage(req, reply, [err.message], err.status);
        throw err;
      }
      if (!text) return networkPage(req, reply, ['Choose the definition file to upload.'], 400);
      const installed = await installLicensedInstrument(deps, personOf(req), { text, reference });
      if (!installed.ok) return networkPage(req, reply, installed.problems, installed.status);
      const { definition } = installed;
      setFlash(reply, {
        kind: 'success',
        text: `${definition.short_name} is installed and available to every organisation.`,
      });
      return reply.redirect('/network/instruments', 303);
    });

    app.post('/network/instruments/:instrument/enabled', coordinate, async (req, reply) => {
      const parsed = idParam.safeParse({ id: (req.params as { instrument?: string }).instrument });
      const enabled = formValues(req.body).enabled === 'yes';
      if (!parsed.success || !(await setNetworkInstrumentEnabled(deps, personOf(req), parsed.data.id, enabled)))
        throw notFound('instrument');
      setFlash(reply, {
        kind: 'success',
        text: enabled ? 'Turned on for every organisation.' : 'Turned off. Answers already recorded are kept.',
      });
      return reply.redirect('/network/instruments', 303);
    });
  };
}
