// HTTP routes for imports: upload, choose columns with a preview, check (a dry run), then import
// in one transaction, or cancel. Each route parses, calls one service step and renders.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf, type OrgTarget } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues } from '../../../platform/http/forms.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { importEvidence } from '../evidence.policy.ts';
import { idParam } from '../evidence.schemas.ts';
import type { ColumnMapping } from './engine/column-mapping.ts';
import { IMPORT_LIMITS } from './engine/import-limits.ts';
import type { ImportTarget } from './engine/target-schemas.ts';
import {
  cancelImport,
  checkImport,
  commitImport,
  IMPORT_TARGETS,
  listImports,
  loadImportPage,
  receiveUpload,
  type ImportActor,
  type ImportPage,
} from './imports.service.ts';
import { ImportsPage, MappingPage, ReportPage, type MappingView } from './imports.views.tsx';

export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.uploadBytes;

export function importRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(importEvidence) } };
    const actorOf = (req: FastifyRequest): ImportActor => ({ personId: personOf(req).personId, via: 'web' });
    const runIdOf = (req: FastifyRequest): string => {
      const parsed = idParam.safeParse({ id: (req.params as { import?: string }).import });
      if (!parsed.success) throw notFound('import');
      return parsed.data.id;
    };

    async function importsPage(req: FastifyRequest, reply: FastifyReply, error?: string, status = 400) {
      const org = orgOf(req);
      const runs = (await listImports(deps, org)).map((r) => ({
        id: r.id,
        target: r.target as ImportTarget,
        fileName: r.file_name,
        status: r.status,
        rowsRead: r.rows_read,
        imported: r.imported,
        invalid: r.invalid_rows,
        by: r.via === 'cli' ? 'Command line' : (r.by_name ?? 'Someone no longer here'),
        at: r.created_at,
      }));
      return sendPage(
        reply,
        <ImportsPage ctx={ctx(req, reply)} view={{ org, runs }} error={error} />,
        error ? status : 200,
      );
    }

    const mappingView = (org: OrgTarget, page: ImportPage): MappingView => ({
      org,
      runId: page.run.id,
      target: page.target,
      fileName: page.run.file_name,
      headers: page.headers,
      headingRow: page.headingRow,
      preview: page.preview,
      fields: page.fields,
      mapping: page.mapping,
    });

    app.get('/orgs/:org/imports', rule, async (req, reply) => importsPage(req, reply));

    app.post('/orgs/:org/imports', rule, async (req, reply) => {
      const org = orgOf(req);
      let form;
      try {
        form = await readMultipartForm(req, {
          maxFileBytes: MAX_UPLOAD_BYTES,
          maxFields: 5,
          maxFieldBytes: 1000,
          requireFile: true,
          messages: {
            not_multipart: 'Choose a file to upload',
            missing_file: 'Choose a file to upload',
            unreadable: "We couldn't read the upload. Please choose the file and send it again",
            too_large: `The file is larger than ${Math.round(MAX_UPLOAD_BYTES / (1024 * 1024))} MB. Split it into smaller files.`,
          },
        });
      } catch (err) {
        if (err instanceof UploadError) return importsPage(req, reply, err.message, err.status);
        throw err;
      }
      const file = form.files[0]!;
      if (!file.filename) return importsPage(req, reply, 'Choose a file to upload');
      const target = IMPORT_TARGETS.find((t) => t === form.fields.target) ?? 'participants';
      const result = await receiveUpload(deps, actorOf(req), org, {
        target,
        fileName: file.filename,
        bytes: createReadStream(file.path),
      });
      if (!result.ok) return importsPage(req, reply, result.problem, result.busy ? 503 : 400);
      return reply.redirect(`/orgs/${org.slug}/imports/${result.runId}`, 303);
    });

    app.get('/orgs/:org/imports/:import', rule, async (req, reply) => {
      const org = orgOf(req);
      const page = await loadImportPage(deps, org, runIdOf(req));
      const problems = page.fileProblem ? [{ row: null, column: null, problem: page.fileProblem, howToFix: '' }] : [];
      return sendPage(
        reply,
        <MappingPage ctx={ctx(req, reply)} view={mappingView(org, page)} problems={problems} />,
        page.fileProblem ? 422 : 200,
      );
    });

    app.post('/orgs/:org/imports/:import/check', rule, async (req, reply) => {
      const org = orgOf(req);
      const mapping: ColumnMapping = {};
      for (const [k, v] of Object.entries(formValues(req.body)))
        if (k.startsWith('map_') && v !== '') mapping[k.slice(4)] = v;
      const result = await checkImport(deps, actorOf(req), org, { runId: runIdOf(req), mapping });
      if (result.kind === 'columns')
        return sendPage(
          reply,
          <MappingPage ctx={ctx(req, reply)} view={mappingView(org, result.page)} problems={result.problems} />,
          400,
        );
      return sendPage(
        reply,
        <ReportPage
          ctx={ctx(req, reply)}
          org={org}
          runId={result.run.id}
          fileName={result.run.file_name}
          report={result.report}
          final={false}
        />,
      );
    });

    app.post('/orgs/:org/imports/:import/commit', rule, async (req, reply) => {
      const org = orgOf(req);
      const mode = formValues(req.body).mode === 'skip_invalid' ? 'skip_invalid' : 'all_or_nothing';
      const result = await commitImport(deps, actorOf(req), org, { runId: runIdOf(req), mode, onFailure: 'keep' });
      if ('notChecked' in result) return reply.redirect(`/orgs/${org.slug}/imports/${result.run.id}`, 303);
      const imported = result.report.outcome === 'imported';
      return sendPage(
        reply,
        <ReportPage
          ctx={ctx(req, reply)}
          org={org}
          runId={result.run.id}
          fileName={result.run.file_name}
          report={result.report}
          final={imported}
        />,
        imported ? 200 : 400,
      );
    });

    app.post('/orgs/:org/imports/:import/cancel', rule, async (req, reply) => {
      const org = orgOf(req);
      await cancelImport(deps, actorOf(req), org, { runId: runIdOf(req) });
      setFlash(reply, { kind: 'success', text: 'The upload has been deleted.' });
      return reply.redirect(`/orgs/${org.slug}/imports`, 303);
    });
  };
}
