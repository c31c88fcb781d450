// Security headers for every response, worked out once at start and set with one call per
// request. (@fastify/helmet sets the same through a middleware adapter on every request, which
// measurably slowed the cached home page; see docs/BENCHMARKS.md.)
import type { Config } from '../config.ts';

export function securityHeaders(config: Pick<Config, 'secureCookies'>): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(config.secureCookies ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    // Public data feeds (/oruk, /api) are read by other sites' pages.
    'cross-origin-resource-policy': 'cross-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    ...(config.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
