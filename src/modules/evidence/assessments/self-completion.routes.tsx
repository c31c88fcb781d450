// The public pages a participant reaches with their one-time link: no account, no name shown.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/http/access.ts';
import { formValues } from '../../../platform/http/forms.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { completeByLink, keepKeyOf, openCompletionLink } from './assessments.service.ts';
import { showOwnProgress } from './own-progress.service.ts';
import { loadHelpNow } from '../../directory/index.ts';
import { CompleteDonePage, CompletePage, CompleteRefusedPage } from './assessments.views.tsx';
import { todayInUk } from '../../../platform/time.ts';

const STATUS = { used: 410, expired: 410, missing: 404 } as const;

export function selfCompletionRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const tokenOf = (req: FastifyRequest) => String((req.params as { token?: string }).token ?? '');

    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });

    app.get('/complete/:token', { config: { access: access.public } }, async (req, reply) => {
      const token = tokenOf(req);
      const link = await openCompletionLink(deps.db, token);
      if (link.state !== 'open')
        return sendPage(reply, <CompleteRefusedPage ctx={ctx(req, reply)} state={link.state} />, STATUS[link.state]);
      return sendPage(
        reply,
        <CompletePage
          ctx={ctx(req, reply)}
          token={token}
          keepKey={keepKeyOf(token)}
          orgName={link.orgName}
          definition={link.definition}
          helpNow={await loadHelpNow(deps.db)}
        />,
      );
    });

    app.post('/complete/:token', { config: { access: access.public } }, async (req, reply) => {
      const token = tokenOf(req);
      const values = formValues(req.body);
      const link = await openCompletionLink(deps.db, token);
      if (link.state !== 'open')
        return sendPage(reply, <CompleteRefusedPage ctx={ctx(req, reply)} state={link.state} />, STATUS[link.state]);
      const result = await completeByLink(deps.db, token, values, todayInUk());
      if (typeof result === 'object') {
        return sendPage(
          reply,
          <CompletePage
            ctx={ctx(req, reply)}
            token={token}
            keepKey={keepKeyOf(token)}
            orgName={link.orgName}
            definition={link.definition}
            helpNow={await loadHelpNow(deps.db)}
            errors={result.errors}
            values={values}
          />,
          400,
        );
      }
      if (result !== 'done')
        return sendPage(reply, <CompleteRefusedPage ctx={ctx(req, reply)} state={result} />, STATUS[result]);
      return sendPage(
        reply,
        <CompleteDonePage
          ctx={ctx(req, reply)}
          orgName={link.orgName}
          keepKey={keepKeyOf(token)}
          helpNow={await loadHelpNow(deps.db)}
          progress={values.show_progress === 'yes' ? await showOwnProgress(deps.db, token) : undefined}
        />,
      );
    });
  };
}
