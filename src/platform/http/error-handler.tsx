// One error handler: typed errors become a friendly page or a JSON body with a stable code.
// Anything unexpected is logged and shown as a plain 500, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError, type ErrorCode } from './errors.ts';
import { pageContext, type PageContext } from './page-context.ts';
import { sendPage } from './render.ts';

export function wantsJson(request: FastifyRequest): boolean {
  const url = request.url;
  return url.startsWith('/api/') || url.startsWith('/oruk') || url === '/healthz';
}

/** Maps framework and plugin errors onto our small set of codes. */
function classify(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError(
        'payload_too_large',
        'What you sent was larger than we accept. Please send something smaller.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'unsupported_media_type',
        'We could not read that: it was sent in a format we do not accept.',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'We could not read what was sent. Please try again.');
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return new AppError(
        'forbidden',
        'This form has expired or did not come from this site. Please go back, reload the page and try again.',
      );
  }
  // Any other client error keeps its status where we have a code for it.
  const byStatus: Partial<Record<number, AppError>> = {
    404: new AppError('not_found', "We couldn't find that."),
    413: new AppError('payload_too_large', 'What you sent was larger than we accept.'),
    415: new AppError('unsupported_media_type', 'We could not read that: it was sent in a format we do not accept.'),
    429: new AppError('too_many_requests', 'Too many requests. Please wait a moment and try again.'),
  };
  return (
    byStatus[err.statusCode ?? 400] ??
    new AppError('bad_request', 'We could not read what was sent. Please check it and try again.')
  );
}

/** The page an error is shown on; the app passes ui/'s, so platform/ never imports ui/. */
export type ErrorPageComponent = (props: { ctx: PageContext; status: number; message: string }) => VNode;

export function registerErrorHandling(app: FastifyInstance, demo: boolean, ErrorPage: ErrorPageComponent): void {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const known =
      err instanceof AppError ||
      (err.statusCode !== undefined && err.statusCode < 500) ||
      err.code?.startsWith('FST_CSRF');
    if (!known) {
      request.log.error({ err }, 'unhandled error');
      return respond(request, reply, 500, 'internal', 'Sorry, something went wrong on our side.', {}, demo, ErrorPage);
    }
    const appErr = classify(err);
    if (appErr.code === 'unauthenticated' && request.method === 'GET' && !wantsJson(request)) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    return respond(request, reply, appErr.status, appErr.code, appErr.message, appErr.fields, demo, ErrorPage);
  });

  app.setNotFoundHandler(async (request, reply) =>
    respond(
      request,
      reply,
      404,
      'not_found',
      'It may have moved, or the address may be mistyped. Check the address, or start again from the home page.',
      {},
      demo,
      ErrorPage,
    ),
  );
}

function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode | 'internal',
  message: string,
  fields: Record<string, string>,
  demo: boolean,
  ErrorPage: ErrorPageComponent,
) {
  if (wantsJson(request)) {
    return reply.code(status).send({ error: { code, message, ...(Object.keys(fields).length ? { fields } : {}) } });
  }
  return sendPage(
    reply,
    <ErrorPage ctx={pageContext(request, reply, demo)} status={status} message={message} />,
    status,
  );
}
