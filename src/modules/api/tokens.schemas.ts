// The form for a new API token. Messages are written to be shown to people as they are.
import { z } from 'zod';
import type { ApiScope as TokenScope } from '../../platform/auth/api-tokens.ts';

export const EXPIRY_DAYS = ['30', '90', '365'] as const;

export function newTokenForm(scopes: readonly TokenScope[]) {
  return z.object({
    name: z
      .string({ error: 'Give the token a name, so you know later what it is for.' })
      .trim()
      .min(1, 'Give the token a name, so you know later what it is for.')
      .max(80, 'Keep the name to 80 characters or fewer.'),
    scope: z.enum(scopes as [TokenScope, ...TokenScope[]], { error: 'Choose what the token may read.' }),
    expires_in_days: z.enum(EXPIRY_DAYS, { error: 'Choose how long the token lasts.' }).transform(Number),
  });
}
export type NewTokenInput = z.infer<ReturnType<typeof newTokenForm>>;

/** A token's id in an address: anything else is simply not found. */
export const isTokenId = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
