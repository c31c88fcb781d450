// Random tokens for cookies and emailed links. Only a token's SHA-256 is stored, so a copy
// of the database cannot be used to sign in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Has the shape of a token in a link (URL-safe, 20 to 100 characters): checked before hashing or a query. */
export function looksLikeToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(text);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
