// A tiny Result type so callers must handle failure explicitly instead of catching exceptions:
// invalid definitions, answers and import rows are expected, everyday situations, not crashes.

export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E[] };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(errors: E[]): { ok: false; errors: E[] } {
  return { ok: false, errors };
}
