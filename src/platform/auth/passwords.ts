// Passwords: argon2id (OWASP's first choice) via @node-rs/argon2, with its default cost
// (19 MiB, 2 passes), which OWASP lists as a minimum configuration.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

// A short deny-list of the passwords people try first; length does the rest (NCSC advice:
// no composition rules, block the most common choices).
const COMMON = new Set([
  'password123',
  'password12',
  'password1234',
  '1234567890',
  'qwertyuiop',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'recovery123',
  'abcdefghij',
  '0123456789',
  'passw0rd12',
]);

/** Returns a message when the password is not acceptable, otherwise undefined. */
export function checkNewPassword(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. Three random words work well.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Use ${MAX_PASSWORD_LENGTH} characters or fewer.`;
  if (COMMON.has(password.toLowerCase())) return 'That password is too easy to guess. Try three random words.';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */ });
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    // Spend the same time as a real check so timing doesn't reveal who has a password.
    await hash(password, { algorithm: 2 });
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
