// One-time links sent by email: sign-in links, password resets and invitations. The link
// holds a random token; the table holds its hash, an expiry and when it was used.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { OrgRole } from './actor.ts';
import { hashToken, newToken } from './tokens.ts';

export type EmailTokenPurpose = 'sign_in' | 'reset_password' | 'invitation';

export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  sign_in: 20 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  invitation: 72 * 60 * 60 * 1000,
};

export interface NewEmailToken {
  purpose: EmailTokenPurpose;
  email: string;
  personId?: string | null;
  orgId?: string | null;
  role?: OrgRole | null;
  invitedBy?: string | null;
}

export async function issueEmailToken(db: Kysely<DB>, t: NewEmailToken): Promise<string> {
  const token = newToken();
  await db
    .insertInto('email_tokens')
    .values({
      token_hash: hashToken(token),
      purpose: t.purpose,
      email: t.email,
      person_id: t.personId ?? null,
      org_id: t.orgId ?? null,
      role: t.role ?? null,
      invited_by: t.invitedBy ?? null,
      expires_at: new Date(Date.now() + TOKEN_LIFETIME_MS[t.purpose]),
    })
    .execute();
  return token;
}

export type TokenState = 'valid' | 'expired' | 'used' | 'unknown';

export async function peekEmailToken(db: Kysely<DB>, purpose: EmailTokenPurpose, token: string) {
  const row = await db
    .selectFrom('email_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  const state: TokenState = !row
    ? 'unknown'
    : row.used_at
      ? 'used'
      : row.expires_at <= new Date()
        ? 'expired'
        : 'valid';
  return { state, row };
}

/**
 * Marks a token used, atomically: of two requests racing with the same link, only one
 * gets the row back. Call inside the transaction that acts on it.
 */
export async function consumeEmailToken(db: Kysely<DB>, purpose: EmailTokenPurpose, token: string) {
  return db
    .updateTable('email_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Voids every outstanding sign-in and reset link for a person (after a password change or
 * reset), so a link mailed earlier, perhaps to someone reading their mail, no longer works.
 */
export async function voidCredentialLinks(db: Kysely<DB>, personId: string, email: string): Promise<void> {
  await db
    .updateTable('email_tokens')
    .set({ used_at: new Date() })
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('email', '=', email)]))
    .where('purpose', 'in', ['sign_in', 'reset_password'])
    .where('used_at', 'is', null)
    .execute();
}
