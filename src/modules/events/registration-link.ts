// The link in every email that lets a person see, change or cancel their registration without
// an account: an HMAC of the registration's id under the app's secret, so any later email can
// carry it again, while the database keeps only its SHA-256 for looking it up.
import { createHmac } from 'node:crypto';
import { hashToken } from '../../platform/auth/tokens.ts';

export function registrationToken(secret: string, registrationId: string): string {
  return createHmac('sha256', secret).update(`event-registration:${registrationId}`).digest('base64url');
}

export function registrationTokenHash(secret: string, registrationId: string): string {
  return hashToken(registrationToken(secret, registrationId));
}

export const registrationPath = (token: string) => `/events/r/${token}`;
