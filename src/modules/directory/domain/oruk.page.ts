// The ORUK 3.0 paging envelope. Pages are numbered from 1: the ORUK validator
// asks for page=1 first and then reads total_pages to visit the last page.
import type { OrukPage } from './oruk.json-types.ts';

export interface PageRequest {
  /** 1-based. */
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;

/** Cleans page/per_page query values: whole numbers, page >= 1, 1 <= perPage <= MAX_PER_PAGE. */
export function normalisePageRequest(page: unknown, perPage: unknown): PageRequest {
  const whole = (value: unknown, fallback: number) => {
    const n =
      typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
    return Number.isInteger(n) ? n : fallback;
  };
  return {
    page: Math.max(1, whole(page, 1)),
    perPage: Math.min(MAX_PER_PAGE, Math.max(1, whole(perPage, DEFAULT_PER_PAGE))),
  };
}

/** Wraps one page of already-fetched items. `totalItems` counts every match, not just this page. */
export function orukPage<T>(contents: T[], totalItems: number, request: PageRequest): OrukPage<T> {
  // An empty result still has one (empty) page, so "last page" is always a real page to fetch.
  const totalPages = Math.max(1, Math.ceil(totalItems / request.perPage));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: request.page,
    size: contents.length,
    first_page: request.page === 1,
    last_page: request.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** Pages an in-memory list (e.g. the fixed taxonomy). */
export function paginate<T>(all: readonly T[], request: PageRequest): OrukPage<T> {
  const start = (request.page - 1) * request.perPage;
  return orukPage(all.slice(start, start + request.perPage), all.length, request);
}
