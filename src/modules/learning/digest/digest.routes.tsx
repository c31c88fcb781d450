// Unsubscribing from the weekly digest, without signing in: the link's token is the key.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { Button, CsrfField } from '../../../ui/components.tsx';
import { Layout } from '../../../ui/layout.tsx';
import * as service from './digest.service.ts';

const tokenOf = (req: FastifyRequest) => {
  const t = (req.params as { token: string }).token;
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(t)) throw notFound('link');
  return t;
};

export function digestRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };

    // The link in the email shows one button; a POST does the change, so a mail scanner
    // following links never unsubscribes anyone.
    app.get('/learning/unsubscribe/:token', open, async (req, reply) => {
      const token = tokenOf(req);
      const { subscribed } = await service.checkUnsubscribeToken(deps, token);
      const c = ctx(req, reply);
      return sendPage(
        reply,
        <Layout ctx={c} title="Weekly emails">
          <h1>Weekly emails from the network</h1>
          {subscribed ? (
            <form method="post" action={`/learning/unsubscribe/${token}`}>
              <CsrfField token={c.csrfToken()} />
              <p>You get a short email each week about what groups are sharing.</p>
              <Button>Stop the weekly emails</Button>
            </form>
          ) : (
            <p>You won’t get the weekly emails any more.</p>
          )}
        </Layout>,
      );
    });

    app.post('/learning/unsubscribe/:token', open, async (req, reply) => {
      await service.unsubscribeFromDigest(deps, tokenOf(req));
      return sendPage(
        reply,
        <Layout ctx={ctx(req, reply)} title="Unsubscribed">
          <h1>You’re unsubscribed</h1>
          <p>You won’t get the weekly emails any more. Everything is still in the library whenever you want it.</p>
        </Layout>,
      );
    });
  };
}
