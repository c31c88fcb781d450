// Erased people stay erased: when a participant is erased, a keyed hash of their code is kept
// (no personal data: the key is the organisation's own random secret), and imports refuse rows
// whose code hashes to one of them.
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { erasedCodeHashes, erasureSecret, insertErasedCode } from './imports.repository.ts';

const hashOf = (secret: string, code: string) =>
  createHmac('sha256', secret).update(code.trim().toUpperCase()).digest('base64url');

/** Called in the erasure's transaction, before the record goes. */
export async function rememberErasedCode(tx: Kysely<DB>, orgId: string, code: string): Promise<void> {
  const secret = await erasureSecret(tx, orgId, randomBytes(32).toString('base64url'));
  await insertErasedCode(tx, orgId, hashOf(secret, code));
}

/** Which of these (upper-case) codes belong to erased people. */
export async function erasedCodesAmong(db: Kysely<DB>, orgId: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const secret = await erasureSecret(db, orgId, randomBytes(32).toString('base64url'));
  const byHash = new Map(codes.map((c) => [hashOf(secret, c), c]));
  const found = await erasedCodeHashes(db, orgId, [...byHash.keys()]);
  return new Set([...found].map((h) => byHash.get(h)!));
}
