// The public Methods page.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/http/access.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { loadMethodsPage } from './methods.service.ts';
import { MethodsPage } from './methods.views.tsx';

export function methodsRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    app.get('/methods', { config: { access: access.public } }, async (req, reply) =>
      sendPage(
        reply,
        <MethodsPage ctx={pageContext(req, reply, deps.config.demo)} view={await loadMethodsPage(deps)} />,
      ),
    );
  };
}
