// The logo: a lead's page to upload or remove it, and the public PNG for member organisations.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { readMultipartForm, registerMultipartForms, UploadError } from '../../../platform/http/multipart-form.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { editOrgDirectory } from '../directory.policy.ts';
import { LOGO_LIMITS } from './prepare-logo.ts';
import { changeOrgLogo, findOrgLogo, findPublicOrgLogo, removeOrgLogo } from './logo.service.ts';
import { LogoPage } from './logo.views.tsx';

const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export function logoRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await registerMultipartForms(app, deps.config);
    const lead = { config: { access: access.org(editOrgDirectory) } };
    const page = async (req: FastifyRequest, reply: FastifyReply, error?: string, status = 200) => {
      const org = orgOf(req);
      const logo = await findOrgLogo(deps, org.id);
      return sendPage(
        reply,
        <LogoPage
          ctx={pageContext(req, reply, deps.config.demo)}
          org={org}
          logo={logo && { width: logo.width, height: logo.height, updatedAt: logo.updated_at }}
          error={error}
        />,
        status,
      );
    };

    app.get('/orgs/:org/profile/logo', lead, async (req, reply) => page(req, reply));

    app.post('/orgs/:org/profile/logo', lead, async (req, reply) => {
      let upload: Buffer;
      try {
        const form = await readMultipartForm(req, {
          maxFileBytes: LOGO_LIMITS.bytes,
          maxFields: 2,
          maxFieldBytes: 200,
          fileFields: ['logo'],
          requireFile: true,
          messages: {
            too_large: 'The logo must be 2 MB or smaller.',
            // Not a form, a body the parser can't read, no file: as if no file came.
            not_multipart: 'Choose a logo to upload.',
            unreadable: 'Choose a logo to upload.',
            missing_file: 'Choose a logo to upload.',
          },
        });
        upload = await readFile(form.files[0]!.path); // at most 2 MB, and sharp reads it whole
      } catch (err) {
        if (err instanceof UploadError) return page(req, reply, err.message, err.status);
        throw err;
      }
      if (upload.length === 0) return page(req, reply, 'Choose a logo to upload.', 400);
      try {
        await changeOrgLogo(deps, personOf(req), orgOf(req), upload);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return page(req, reply, err.message, 400);
        throw err;
      }
      setFlash(reply, { kind: 'success', text: 'Your logo is saved.' });
      return reply.redirect(`/orgs/${orgOf(req).slug}/profile/logo`, 303);
    });

    app.post('/orgs/:org/profile/logo/remove', lead, async (req, reply) => {
      await removeOrgLogo(deps, personOf(req), orgOf(req));
      setFlash(reply, { kind: 'success', text: 'Your logo is removed.' });
      return reply.redirect(`/orgs/${orgOf(req).slug}/profile/logo`, 303);
    });

    app.get('/organisations/:slug/logo.png', { config: { access: access.public } }, async (req, reply) => {
      const parsed = slugParam.safeParse(req.params);
      if (!parsed.success) throw notFound('logo');
      const logo = await findPublicOrgLogo(deps, parsed.data.slug);
      if (!logo) throw notFound('logo');
      return reply
        .type('image/png')
        .header('cache-control', 'public, max-age=3600')
        .header('content-security-policy', "default-src 'none'")
        .header('last-modified', logo.updated_at.toUTCString())
        .send(logo.png);
    });
  };
}
