// Bearer tokens for the read-only API (/api/v1): `Authorization: Bearer rcapi_…`. Made and
// revoked on the API tokens pages (src/modules/api); checked here, for the access layer.
// - Only the token's SHA-256 is stored (tokens.ts), so the database holds nothing usable.
// - The header is read strictly: one "Bearer" and one token of the shape newApiToken makes;
//   anything else (two tokens, a NUL, a megabyte) is an invalid token, never a database query.
// - Each use is counted against the token's own limit in the shared rate-limit counters
//   (rate-limit.repository.ts): one statement, so a concurrent burst lets exactly the limit through.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hitRateLimits, rateKey } from './rate-limit.repository.ts';
import { useLiveApiToken, type LiveApiToken } from './api-tokens.repository.ts';
import { hashToken, newToken } from './tokens.ts';

export type ApiScope = LiveApiToken['scope'];
export const API_SCOPES: readonly ApiScope[] = ['public', 'org', 'network'];
/** Requests a token may make in a window of API_RATE_WINDOW_SECONDS. */
export const API_REQUESTS_PER_WINDOW = 120;
export const API_RATE_WINDOW_SECONDS = 60;

const PREFIX = 'rcapi_';
const HEADER = /^Bearer ([A-Za-z0-9_-]{20,100})$/i;

/** A new token to hand out once: a prefix that says what it is, then 256 random bits. */
export function newApiToken(): string {
  return `${PREFIX}${newToken()}`;
}

/** The token in an Authorization header, or undefined when the header is not one well-formed bearer token. */
export function bearerTokenOf(header: unknown): string | undefined {
  if (typeof header !== 'string' || header.length > 200) return undefined;
  const token = HEADER.exec(header)?.[1];
  return token?.startsWith(PREFIX) ? token : undefined;
}

export type ApiCaller = LiveApiToken;

export type BearerCheck =
  | { ok: true; caller: ApiCaller }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** Who is calling with this Authorization header: a live token within its limit, or why not. */
export async function checkBearer(db: Kysely<DB>, header: unknown): Promise<BearerCheck> {
  const token = bearerTokenOf(header);
  if (!token) return { ok: false, reason: 'invalid' };
  const caller = await useLiveApiToken(db, hashToken(token));
  if (!caller) return { ok: false, reason: 'invalid' };
  const within = await hitRateLimits(db, [
    { key: rateKey('api-token', caller.id), limit: API_REQUESTS_PER_WINDOW, windowSeconds: API_RATE_WINDOW_SECONDS },
  ]);
  if (!within) return { ok: false, reason: 'rate_limited', retryAfterSeconds: API_RATE_WINDOW_SECONDS };
  return { ok: true, caller };
}
