// HTTP routes for imports: upload (streamed to a temporary file under DATA_DIR), choose
// columns with a preview, check (a dry run), then import in one transaction, or cancel.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf, type OrgTarget } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { importEvidence } from '../evidence.policy.ts';
import { idParam } from '../evidence.schemas.ts';
import { checkMapping, type ColumnMapping } from './engine/column-mapping.ts';
import type { ImportReport } from './engine/import-report.ts';
import type { ImportTarget } from './engine/target-schemas.ts';
import * as repo from './imports.repository.ts';
import { fileKindOf, IMPORT_TARGETS, importFile, previewFile, proposeMapping, targetSchema, type ImportFile } from './imports.service.ts';
import { ImportsPage, MappingPage, ReportPage, type MappingView } from './imports.views.tsx';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function importRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 } });
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(importEvidence) } };
    const uploadDir = path.join(deps.config.dataDir, 'imports');
    const fileOf = (run: { id: string; file_kind: string }): ImportFile => ({ path: path.join(uploadDir, `${run.id}.${run.file_kind}`), kind: run.file_kind as 'csv' | 'xlsx' });

    async function loadRun(req: FastifyRequest, waiting = true): Promise<repo.ImportRunRow> {
      const parsed = idParam.safeParse({ id: (req.params as { import?: string }).import });
      const run = parsed.success ? await repo.findImportRun(deps.db, orgOf(req).id, parsed.data.id) : undefined;
      if (!run || (waiting && run.status === 'cancelled') || (waiting && run.status === 'imported')) throw notFound('import');
      return run;
    }

    async function importsPage(req: FastifyRequest, reply: FastifyReply, error?: string) {
      const org = orgOf(req);
      const runs = (await repo.listImportRuns(deps.db, org.id)).map((r) => ({
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
      return sendPage(reply, <ImportsPage ctx={ctx(req, reply)} view={{ org, runs }} error={error} />, error ? 400 : 200);
    }

    async function mappingView(org: OrgTarget, run: repo.ImportRunRow, mapping?: ColumnMapping): Promise<MappingView> {
      const target = run.target as ImportTarget;
      const schema = await targetSchema(deps.db, org.id, target);
      const { headers, rows } = await previewFile(fileOf(run));
      const chosen = mapping ?? (run.mapping as ColumnMapping | null) ?? proposeMapping(headers, schema, await repo.findRememberedMapping(deps.db, org.id, target));
      return {
        org,
        runId: run.id,
        target,
        fileName: run.file_name,
        headers,
        preview: rows,
        fields: schema.fields.map((f) => ({ key: f.key, label: f.label, required: f.required })),
        mapping: chosen,
      };
    }

    app.get('/orgs/:org/imports', rule, async (req, reply) => importsPage(req, reply));

    app.post('/orgs/:org/imports', rule, async (req, reply) => {
      const org = orgOf(req);
      if (!req.isMultipart()) return importsPage(req, reply, 'Choose a file to upload');
      let target: ImportTarget = 'participants';
      let saved: { id: string; path: string } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'target' && IMPORT_TARGETS.includes(part.value as ImportTarget)) target = part.value as ImportTarget;
            continue;
          }
          const kind = fileKindOf(part.filename ?? '');
          if (!kind) {
            part.file.resume();
            return importsPage(req, reply, part.filename ? 'The file must be a CSV file or an Excel .xlsx file' : 'Choose a file to upload');
          }
          await mkdir(uploadDir, { recursive: true });
          const id = await repo.insertImportRun(deps.db, { orgId: org.id, target, fileName: part.filename.slice(0, 255), fileKind: kind, via: 'web', createdBy: personOf(req).personId });
          saved = { id, path: path.join(uploadDir, `${id}.${kind}`) };
          await pipeline(part.file, createWriteStream(saved.path, { mode: 0o600 }));
          if (part.file.truncated) {
            await rm(saved.path, { force: true });
            await repo.setImportRunStatus(deps.db, org.id, id, 'cancelled');
            return importsPage(req, reply, 'The file is larger than 100 MB. Split it into smaller files.');
          }
        }
      } catch (err) {
        if (saved) await rm(saved.path, { force: true });
        throw err;
      }
      if (!saved) return importsPage(req, reply, 'Choose a file to upload');
      return reply.redirect(`/orgs/${org.slug}/imports/${saved.id}`, 303);
    });

    app.get('/orgs/:org/imports/:import', rule, async (req, reply) => {
      const org = orgOf(req);
      const run = await loadRun(req);
      return sendPage(reply, <MappingPage ctx={ctx(req, reply)} view={await mappingView(org, run)} />);
    });

    app.post('/orgs/:org/imports/:import/check', rule, async (req, reply) => {
      const org = orgOf(req);
      const run = await loadRun(req);
      const target = run.target as ImportTarget;
      const values = formValues(req.body);
      const mapping: ColumnMapping = {};
      for (const [k, v] of Object.entries(values)) if (k.startsWith('map_') && v !== '') mapping[k.slice(4)] = v;
      const view = await mappingView(org, run, mapping);
      const problems = checkMapping(mapping, view.headers, await targetSchema(deps.db, org.id, target));
      if (problems.length > 0) return sendPage(reply, <MappingPage ctx={ctx(req, reply)} view={view} problems={problems} />, 400);
      await repo.saveRunMapping(deps.db, org.id, run.id, mapping);
      await repo.rememberMapping(deps.db, org.id, target, mapping);
      const report = await importFile(deps.db, { orgId: org.id, actorId: personOf(req).personId, target, file: fileOf(run), mapping, mode: 'all_or_nothing', dryRun: true });
      await repo.finishImportRun(deps.db, org.id, run.id, report, 'uploaded');
      return sendPage(reply, <ReportPage ctx={ctx(req, reply)} org={org} runId={run.id} fileName={run.file_name} report={report} final={false} />);
    });

    app.post('/orgs/:org/imports/:import/commit', rule, async (req, reply) => {
      const org = orgOf(req);
      const run = await loadRun(req);
      const mapping = run.mapping as ColumnMapping | null;
      if (!mapping) return reply.redirect(`/orgs/${org.slug}/imports/${run.id}`, 303);
      const mode = formValues(req.body).mode === 'skip_invalid' ? 'skip_invalid' : 'all_or_nothing';
      const actor = personOf(req);
      const report: ImportReport = await importFile(deps.db, { orgId: org.id, actorId: actor.personId, target: run.target as ImportTarget, file: fileOf(run), mapping, mode, dryRun: false });
      const imported = report.outcome === 'imported';
      await repo.finishImportRun(deps.db, org.id, run.id, report, imported ? 'imported' : 'uploaded');
      await recordAudit(deps.db, { orgId: org.id, actorId: actor.personId, action: 'import.committed', subjectType: 'import', subjectId: run.id, detail: { target: run.target, mode, imported: report.imported } });
      if (imported) await rm(fileOf(run).path, { force: true });
      return sendPage(reply, <ReportPage ctx={ctx(req, reply)} org={org} runId={run.id} fileName={run.file_name} report={report} final={imported} />, imported ? 200 : 400);
    });

    app.post('/orgs/:org/imports/:import/cancel', rule, async (req, reply) => {
      const org = orgOf(req);
      const run = await loadRun(req);
      await rm(fileOf(run).path, { force: true });
      await repo.setImportRunStatus(deps.db, org.id, run.id, 'cancelled');
      setFlash(reply, { kind: 'success', text: 'The upload has been deleted.' });
      return reply.redirect(`/orgs/${org.slug}/imports`, 303);
    });
  };
}
