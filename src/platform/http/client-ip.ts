import type { FastifyRequest } from 'fastify';

/** The caller's address (Fastify honours X-Forwarded-For only when trustProxy is set). */
export function clientIp(request: FastifyRequest): string {
  return request.ip || 'unknown';
}
