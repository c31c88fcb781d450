// Coordinators' routes for the grants data: importing a funder's 360Giving file (checked in
// full before anything is written) and the keywords that flag a grant as recovery work.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access, personOf } from '../../../platform/http/access.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { normaliseKeyword } from '../domain/keywords.ts';
import { coordinateFunding } from '../funding.policy.ts';
import { ImportPage, KeywordsPage } from '../funding.views.tsx';
import { importGrants, listImportedSources } from './import-grants.service.ts';
import { addFundingKeyword, listFundingKeywords, removeFundingKeyword } from './keywords.service.ts';

export const MAX_GRANTS_FILE_BYTES = 50 * 1024 * 1024;

const Keyword = z.object({
  keyword: z.string().trim().min(2, 'Enter a keyword of 2 letters or more').max(60, 'Keep a keyword to 60 characters'),
});

export function grantsDataRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const coordinator = { config: { access: access.network(coordinateFunding) } };

    async function importPage(
      req: FastifyRequest,
      reply: FastifyReply,
      result?: Parameters<typeof ImportPage>[0]['result'],
      status = 200,
    ) {
      const sources = await listImportedSources(deps.db);
      return sendPage(reply, <ImportPage ctx={ctx(req, reply)} sources={sources} result={result} />, status);
    }
    app.get('/network/funding/import', coordinator, (req, reply) => importPage(req, reply));
    app.post('/network/funding/import', coordinator, async (req, reply) => {
      let form;
      try {
        form = await readMultipartForm(req, {
          maxFileBytes: MAX_GRANTS_FILE_BYTES,
          maxFields: 4,
          maxFieldBytes: 1000,
          fileFields: ['file'],
          requireFile: true,
          messages: {
            missing_file: 'Choose a file to import.',
            too_large: `The file is bigger than ${MAX_GRANTS_FILE_BYTES / 1024 / 1024} MB. Import it from the command line instead (connectors import grants FILE).`,
          },
        });
      } catch (err) {
        if (!(err instanceof UploadError) || err.problem === 'not_multipart') throw err;
        return importPage(req, reply, { ok: false, fileError: err.message, problems: [], problemCount: 1 }, err.status);
      }
      const file = form.files[0]!;
      if (file.bytes === 0)
        return importPage(
          req,
          reply,
          { ok: false, fileError: 'Choose a file to import.', problems: [], problemCount: 1 },
          400,
        );
      // Read from the temporary file, in pieces, once per pass (as `connectors import grants` does).
      const report = await importGrants(deps.db, {
        fileName: file.filename,
        open: () => createReadStream(file.path, { highWaterMark: 256 * 1024 }),
        publisherName: form.fields.publisher,
        licence: form.fields.licence,
        importedBy: personOf(req).personId,
      });
      if (!report.ok) return importPage(req, reply, report, 400);
      return importPage(req, reply, {
        ok: true,
        text: `${report.grants} grants from ${report.publisher}: ${report.added} new, ${report.changed} changed, ${report.unchanged} already here and unchanged.${report.ignoredColumns.length ? ` Columns not in the standard were left out: ${report.ignoredColumns.join(', ')}.` : ''}`,
      });
    });

    app.get('/network/funding/keywords', coordinator, async (req, reply) =>
      sendPage(reply, <KeywordsPage ctx={ctx(req, reply)} keywords={await listFundingKeywords(deps)} />),
    );
    app.post('/network/funding/keywords', coordinator, async (req, reply) => {
      const parsed = parseForm(Keyword, req.body);
      if (!parsed.ok)
        return sendPage(
          reply,
          <KeywordsPage
            ctx={ctx(req, reply)}
            keywords={await listFundingKeywords(deps)}
            errors={parsed.errors}
            values={parsed.values}
          />,
          400,
        );
      const keyword = normaliseKeyword(parsed.data.keyword);
      await addFundingKeyword(deps, keyword, personOf(req).personId);
      setFlash(reply, { kind: 'success', text: `"${keyword}" is added, and every grant is checked against it.` });
      return reply.redirect('/network/funding/keywords', 303);
    });
    app.post('/network/funding/keywords/remove', coordinator, async (req, reply) => {
      const keyword = normaliseKeyword(String((req.body as { keyword?: unknown } | undefined)?.keyword ?? ''));
      await removeFundingKeyword(deps, keyword);
      setFlash(reply, { kind: 'success', text: `"${keyword}" is removed.` });
      return reply.redirect('/network/funding/keywords', 303);
    });
  };
}
