// Sign-in rate limits, as rules for the database counters (rate-limit.repository.ts). Each
// attempt is counted before the password is checked; a success is handed back afterwards.
// - per email and address: guessing one person's password from one place;
// - per email, slower, from anywhere: guessing spread over many addresses;
// - per address: one machine trying many accounts.
// Behind a reverse proxy the address is the visitor's only when TRUST_PROXY names the proxy.
// While any of these holds, the owner can still sign in with an emailed link.
import { rateKey, type RateRule } from './rate-limit.repository.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_EMAIL_AND_ADDRESS = 5;
export const MAX_ATTEMPTS_PER_EMAIL = 20;
export const EMAIL_WINDOW_MS = 60 * 60 * 1000;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;

export interface SignInRules {
  rules: RateRule[];
  /** Cleared when the sign-in succeeds. */
  pairKey: string;
  /** Handed one hit back when the sign-in succeeds. */
  otherKeys: string[];
}

export function signInRules(email: string, ip: string): SignInRules {
  const pair = {
    key: rateKey('sign-in:email+address', email, ip),
    limit: MAX_ATTEMPTS_PER_EMAIL_AND_ADDRESS,
    windowSeconds: THROTTLE_WINDOW_MS / 1000,
  };
  const byEmail = {
    key: rateKey('sign-in:email', email),
    limit: MAX_ATTEMPTS_PER_EMAIL,
    windowSeconds: EMAIL_WINDOW_MS / 1000,
  };
  const byAddress = {
    key: rateKey('sign-in:address', ip),
    limit: MAX_ATTEMPTS_PER_ADDRESS,
    windowSeconds: THROTTLE_WINDOW_MS / 1000,
  };
  return { rules: [pair, byEmail, byAddress], pairKey: pair.key, otherKeys: [byEmail.key, byAddress.key] };
}
