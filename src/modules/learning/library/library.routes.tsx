// The library's routes: public search and reading, an organisation's own list and forms,
// uploads, and the coordinators' story review.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { MAX_ATTACHMENT_BYTES } from '../domain/file-type.ts';
import { contributeLearning, coordinateLearning } from '../learning.policy.ts';
import { parseLearningForm } from '../learning.forms.ts';
import { ResourceForm, SearchQuery, StoryDecisionForm, StoryForm, uuidParam } from './library.schemas.ts';
import * as service from './library.service.ts';
import {
  LibraryPage,
  OrgLibraryPage,
  ResourceFormPage,
  ResourcePage,
  StoriesReviewPage,
  StoryFormPage,
} from './library.views.tsx';
import { attachmentDisposition } from '../../../platform/http/download.ts';

export function libraryRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const contributor = { config: { access: access.org(contributeLearning) } };
    const coordinator = { config: { access: access.network(coordinateLearning) } };
    const idOf = (req: FastifyRequest, key: string) => {
      const parsed = uuidParam.safeParse((req.params as Record<string, string>)[key]);
      if (!parsed.success) throw notFound('resource');
      return parsed.data;
    };

    app.get('/learning/library', open, async (req, reply) => {
      const query = SearchQuery.parse(req.query ?? {});
      return sendPage(
        reply,
        <LibraryPage ctx={ctx(req, reply)} view={await service.loadLibraryPage(deps, req.actor, query)} />,
      );
    });

    // Type-ahead for the search box: titles only, never members-only ones to the public.
    app.get('/learning/library/suggest', open, async (req, reply) => {
      const q = typeof (req.query as { q?: unknown }).q === 'string' ? (req.query as { q: string }).q : '';
      reply.header('cache-control', 'no-store');
      return { suggestions: await service.suggestResourceTitles(deps, req.actor, q) };
    });

    app.get('/learning/library/:resource', open, async (req, reply) =>
      sendPage(
        reply,
        <ResourcePage
          ctx={ctx(req, reply)}
          view={await service.loadResourcePage(deps, req.actor, idOf(req, 'resource'))}
        />,
      ),
    );

    app.get('/learning/library/:resource/files/:file', open, async (req, reply) => {
      const file = await service.loadAttachment(deps, req.actor, idOf(req, 'resource'), idOf(req, 'file'));
      // Always a download, of the type we found in the bytes, so a file never runs as a page.
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.data);
    });

    app.get('/orgs/:org/learning', contributor, async (req, reply) => {
      const org = orgOf(req);
      return sendPage(
        reply,
        <OrgLibraryPage ctx={ctx(req, reply)} org={org} rows={await service.listOrgLibrary(deps, org)} />,
      );
    });

    app.get('/orgs/:org/learning/new', contributor, async (req, reply) =>
      sendPage(reply, <ResourceFormPage ctx={ctx(req, reply)} org={orgOf(req)} />),
    );

    app.post('/orgs/:org/learning/new', contributor, async (req, reply) => {
      const org = orgOf(req);
      const form = parseLearningForm(ResourceForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <ResourceFormPage ctx={ctx(req, reply)} org={org} values={form.values} errors={form.errors} />,
          400,
        );
      const id = await service.createResource(deps, personOf(req), org, form.data);
      setFlash(reply, { kind: 'success', text: 'Thank you. It is in the library now.' });
      return reply.redirect(`/learning/library/${id}`, 303);
    });

    app.get('/orgs/:org/learning/stories/new', contributor, async (req, reply) =>
      sendPage(reply, <StoryFormPage ctx={ctx(req, reply)} org={orgOf(req)} />),
    );

    app.post('/orgs/:org/learning/stories/new', contributor, async (req, reply) => {
      const org = orgOf(req);
      const form = parseLearningForm(StoryForm, req.body);
      if (!form.ok)
        return sendPage(
          reply,
          <StoryFormPage ctx={ctx(req, reply)} org={org} values={form.values} errors={form.errors} />,
          400,
        );
      await service.submitStory(deps, personOf(req), org, form.data);
      setFlash(reply, {
        kind: 'success',
        text: 'Thank you for sharing your story. A coordinator will read it and let you know.',
      });
      return reply.redirect(`/orgs/${org.slug}/learning`, 303);
    });

    app.post('/orgs/:org/learning/:resource/reviewed', contributor, async (req, reply) => {
      const org = orgOf(req);
      await service.markResourceReviewed(deps, personOf(req), org, idOf(req, 'resource'));
      setFlash(reply, { kind: 'success', text: 'Marked as checked today.' });
      return reply.redirect(`/orgs/${org.slug}/learning`, 303);
    });

    app.post('/orgs/:org/learning/:resource/files', contributor, async (req, reply) => {
      const org = orgOf(req);
      const resourceId = idOf(req, 'resource');
      const again = async (message: string, status: number) =>
        sendPage(
          reply,
          <OrgLibraryPage
            ctx={ctx(req, reply)}
            org={org}
            rows={await service.listOrgLibrary(deps, org)}
            uploadError={{ id: resourceId, message }}
          />,
          status,
        );
      let file;
      try {
        const form = await readMultipartForm(req, {
          maxFileBytes: MAX_ATTACHMENT_BYTES,
          maxFields: 2,
          maxFieldBytes: 200,
          requireFile: true,
          messages: { not_multipart: 'Choose a file to upload.', missing_file: 'Choose a file to upload.' },
        });
        file = form.files[0]!;
      } catch (err) {
        if (err instanceof UploadError) return again(err.message, err.status);
        throw err;
      }
      // At most 5 MB, stored in the database; the type is sniffed from the whole file.
      const bytes = await readFile(file.path);
      const result = await service.attachFile(deps, personOf(req), org, resourceId, file.filename, bytes);
      if (!result.ok) return again(result.message, new AppError(result.code, '').status);
      setFlash(reply, { kind: 'success', text: 'The file is attached.' });
      return reply.redirect(`/orgs/${org.slug}/learning`, 303);
    });

    app.get('/network/learning/stories', coordinator, async (req, reply) =>
      sendPage(reply, <StoriesReviewPage ctx={ctx(req, reply)} stories={await service.listStoriesToReview(deps)} />),
    );

    app.post('/network/learning/stories/:resource', coordinator, async (req, reply) => {
      const id = idOf(req, 'resource');
      const form = parseLearningForm(StoryDecisionForm, req.body);
      if (!form.ok) throw new AppError('validation', Object.values(form.errors)[0] ?? 'Check the form', form.errors);
      const story = await service.decideStory(
        deps,
        personOf(req),
        id,
        form.data.decision === 'publish',
        form.data.note,
      );
      setFlash(reply, {
        kind: 'success',
        text:
          form.data.decision === 'publish'
            ? `“${story.title}” is in the library.`
            : `“${story.title}” was sent back with your note.`,
      });
      return reply.redirect('/network/learning/stories', 303);
    });
  };
}
