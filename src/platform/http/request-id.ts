// Every request has an id that its log lines carry (pino's `reqId`) and that is sent back as
// `x-request-id`, so a person's report, the proxy's log and ours can be matched. An id from
// the proxy is kept when it is short and plain ([A-Za-z0-9._-], at most 64 characters);
// anything else (too long, spaces, newlines, two headers) is replaced by a fresh UUID, so what
// reaches the logs and the response header is always safe. It is for matching lines, not trust.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fastify's genReqId: the incoming id when it is safe, otherwise a new one. */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
}
