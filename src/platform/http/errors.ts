// A small closed set of typed errors. Services throw them; one error handler turns them
// into a page or JSON with the right status. Users never see a stack trace.
export type ErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
};

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level messages for forms and API clients. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'page') =>
  new AppError('not_found', `We couldn't find that ${what}. It may have moved, or the address may be mistyped.`);
export const forbidden = (message = "You don't have permission to do that.") => new AppError('forbidden', message);
