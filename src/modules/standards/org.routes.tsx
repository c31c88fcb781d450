// An organisation's standards pages and the public standards page.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { MAX_EVIDENCE_BYTES } from './domain/evidence-file.ts';
import { OrgAssessmentPage, OrgStandardsPage, PublicStandardsPage } from './org.views.tsx';
import { parseAnswers, sendEvidenceFile, validationFields } from './standards.http.ts';
import { loadOrgAssessmentPage, loadOrgStandardsPage, loadPublicStandardsPage } from './standards.pages.ts';
import { assessOrgStandards } from './standards.policy.ts';
import { AssessmentParams, ResponseForm, uuidParam } from './standards.schemas.ts';
import * as service from './self-assessment.service.ts';

export function orgStandardsRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(assessOrgStandards) } };

    app.get('/standards', { config: { access: access.public } }, async (req, reply) =>
      sendPage(reply, <PublicStandardsPage ctx={ctx(req, reply)} view={await loadPublicStandardsPage(deps)} />),
    );

    app.get('/orgs/:org/standards', rule, async (req, reply) =>
      sendPage(reply, <OrgStandardsPage ctx={ctx(req, reply)} view={await loadOrgStandardsPage(deps, orgOf(req))} />),
    );

    app.post('/orgs/:org/standards/assessments', rule, async (req, reply) => {
      const org = orgOf(req);
      const id = await service.startSelfAssessment(deps, personOf(req), org);
      return reply.redirect(`/orgs/${org.slug}/standards/assessments/${id}`, 303);
    });

    function assessmentId(req: FastifyRequest): string {
      const parsed = AssessmentParams.safeParse(req.params);
      if (!parsed.success) throw notFound('self-assessment');
      return parsed.data.assessment;
    }

    async function page(
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: FieldErrors,
      values?: Record<string, string>,
      errorStatus = 400,
    ) {
      const org = orgOf(req);
      const view = await loadOrgAssessmentPage(deps, org, assessmentId(req));
      const status = errors && Object.keys(errors).length ? errorStatus : 200;
      return sendPage(
        reply,
        <OrgAssessmentPage ctx={ctx(req, reply)} org={org} view={view} errors={errors} values={values} />,
        status,
      );
    }

    app.get('/orgs/:org/standards/assessments/:assessment', rule, (req, reply) => page(req, reply));

    app.post('/orgs/:org/standards/assessments/:assessment', rule, async (req, reply) => {
      const org = orgOf(req);
      const id = assessmentId(req);
      const view = await loadOrgAssessmentPage(deps, org, id);
      const parsed = parseAnswers(req.body, view.assessment.definition);
      if (!parsed.ok) return page(req, reply, parsed.errors, formValues(req.body));
      const submit = (req.body as { action?: unknown } | undefined)?.action === 'submit'; // no body: a multipart post
      try {
        await service.saveSelfAssessment(deps, personOf(req), org, id, parsed.answers, { submit });
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return page(req, reply, fields, formValues(req.body));
        throw err;
      }
      setFlash(reply, {
        kind: 'success',
        text: submit ? 'Sent for peer review. A coordinator will assign two peer researchers.' : 'Your draft is saved.',
      });
      return reply.redirect(`/orgs/${org.slug}/standards/assessments/${id}`, 303);
    });

    app.post('/orgs/:org/standards/assessments/:assessment/files', rule, async (req, reply) => {
      const org = orgOf(req);
      const id = assessmentId(req);
      let standardKey: string;
      let upload: { filename: string; data: Buffer } | undefined;
      try {
        const form = await readMultipartForm(req, {
          maxFileBytes: MAX_EVIDENCE_BYTES,
          maxFields: 3,
          maxFieldBytes: 100,
          fileFields: ['file'],
          messages: { too_large: 'The file must be 5 MB or smaller' },
        });
        standardKey = form.fields.standard ?? '';
        const file = form.file('file');
        // At most 5 MB, stored in the database; the type is sniffed from the whole file.
        if (file) upload = { filename: file.filename, data: await readFile(file.path) };
      } catch (err) {
        if (err instanceof UploadError && err.problem === 'not_multipart') throw err;
        if (err instanceof UploadError) return page(req, reply, { file: err.message }, undefined, err.status);
        throw err;
      }
      try {
        await service.addEvidenceFile(deps, personOf(req), org, id, {
          standardKey,
          filename: upload?.filename ?? '',
          data: upload?.data ?? Buffer.alloc(0),
        });
      } catch (err) {
        const fields = validationFields(err);
        if (fields) return page(req, reply, fields);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'The file is added.' });
      return reply.redirect(`/orgs/${org.slug}/standards/assessments/${id}`, 303);
    });

    app.get('/orgs/:org/standards/assessments/:assessment/files/:file', rule, async (req, reply) => {
      const file = uuidParam.safeParse((req.params as { file?: string }).file);
      if (!file.success) throw notFound('file');
      return sendEvidenceFile(reply, await service.readOrgEvidenceFile(deps, orgOf(req), assessmentId(req), file.data));
    });

    app.post('/orgs/:org/standards/assessments/:assessment/response', rule, async (req, reply) => {
      const org = orgOf(req);
      const id = assessmentId(req);
      const form = parseForm(ResponseForm, req.body);
      if (!form.ok) return page(req, reply, form.errors, form.values);
      await service.respondToDecision(deps, personOf(req), org, id, form.data.response);
      setFlash(reply, { kind: 'success', text: 'Your response is sent to the network.' });
      return reply.redirect(`/orgs/${org.slug}/standards/assessments/${id}`, 303);
    });
  };
}
