// GET /metrics for Prometheus, behind a bearer token (METRICS_TOKEN), and the hook that counts
// every answered request by its route pattern. Without a token configured there is no route,
// so /metrics is an ordinary 404. A wrong or missing token gets a bare 401: no body, no cookie.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE, type AppMetrics } from '../metrics/metrics.ts';
import { access } from './access.ts';

export const METRICS_PATH = '/metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
export function hasBearerToken(request: FastifyRequest, expected: Buffer): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
  // Comparing digests keeps the time independent of where, or whether, the lengths differ.
  return timingSafeEqual(digest(match?.[1] ?? ''), expected) && match !== null;
}

/**
 * Counts every answered request, labelled by the route's pattern (`/orgs/:org`, never the
 * address itself, so no slug, id or postcode becomes a label) and `unmatched` for 404s no
 * route matched. Add it before the routes and the not-found handler.
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: AppMetrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/** The scrape endpoint; after the access layer, so it is in the route table like any other. */
export function registerMetricsRoute(app: FastifyInstance, metrics: AppMetrics, token: string): void {
  const expected = digest(token);
  app.get(METRICS_PATH, { config: { access: access.public } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!hasBearerToken(request, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send('');
    }
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
