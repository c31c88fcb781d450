// Sending a self-completion link by email from the page that shows it once.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { recordEvidence } from '../evidence.policy.ts';
import { EmailLinkForm } from '../evidence.schemas.ts';
import * as pages from '../participants/participants.pages.ts';
import { LinkCreatedPage, LinkEmailedPage } from './assessments.views.tsx';
import { emailCompletionLink, loadLinkPageAgain, maskEmail } from './email-link.service.ts';

export function emailLinkRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const record = { config: { access: access.org(recordEvidence) } };

    app.post('/orgs/:org/participants/:participant/links/email', record, async (req, reply) => {
      const org = orgOf(req);
      const ctx = pageContext(req, reply, deps.config.demo);
      const p = await pages.findParticipantOrThrow(deps, org, req.params);
      const form = parseForm(EmailLinkForm, req.body);
      const token = String(formValues(req.body).token ?? '');
      if (!form.ok) {
        const link = await loadLinkPageAgain(deps, org, p.id, token);
        const view = { org, participant: { id: p.id, code: p.code }, ...link };
        return sendPage(
          reply,
          <LinkCreatedPage ctx={ctx} view={view} errors={form.errors} values={form.values} />,
          400,
        );
      }
      await emailCompletionLink(deps, personOf(req), org, p.id, form.data);
      const sentTo = maskEmail(form.data.email);
      return sendPage(
        reply,
        <LinkEmailedPage ctx={ctx} org={org} participant={{ id: p.id, code: p.code }} sentTo={sentTo} />,
      );
    });
  };
}
