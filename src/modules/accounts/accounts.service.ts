// Use cases for signing in and out, emailed links, passwords and accepting invitations.
import type { OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import {
  consumeEmailToken,
  issueEmailToken,
  peekEmailToken,
  voidCredentialLinks,
  type TokenState,
} from '../../platform/auth/email-tokens.repository.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import {
  createSession,
  deleteAllSessions,
  deleteOtherSessions,
  findSessionActor,
} from '../../platform/auth/session.store.ts';
import { landingPath } from './landing.ts';
import { signInRules } from '../../platform/auth/sign-in-throttle.ts';
import { clearRateLimits, hitRateLimits, refundRateLimits } from '../../platform/auth/rate-limit.repository.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import { upsertMembership } from '../network/index.ts';
import * as repo from './accounts.repository.ts';

/** At most this many sign-in or reset emails to one address an hour. */
const MAX_LINKS_PER_HOUR = 5;

export type SignInResult = { ok: true; sessionToken: string } | { ok: false; reason: 'invalid' | 'throttled' };

export async function signInWithPassword(
  deps: Deps,
  input: { email: string; password: string; ip: string; userAgent: string },
): Promise<SignInResult> {
  // Counted before the password is looked at, in one statement, so a burst of concurrent
  // guesses is cut off at the limit rather than all checked.
  const limits = signInRules(input.email, input.ip);
  if (!(await hitRateLimits(deps.db, limits.rules))) return { ok: false, reason: 'throttled' };
  const person = await repo.findPersonByEmail(deps.db, input.email);
  const valid = await verifyPassword(person?.password_hash ?? null, input.password);
  if (!valid || !person) return { ok: false, reason: 'invalid' };
  // The owner got in: their slate here is clean, and this attempt counts against nobody.
  await clearRateLimits(deps.db, [limits.pairKey]);
  await refundRateLimits(deps.db, limits.otherKeys);
  return { ok: true, sessionToken: await createSession(deps.db, person.id, input.userAgent) };
}

export const SEND_LINK_JOB = 'accounts.send-link';
export type LinkPurpose = 'sign_in' | 'reset_password';

/**
 * Asks for a sign-in link or a password reset. The request does the same work whoever the
 * address belongs to (it queues a job), so neither the answer nor its timing says who has an
 * account; the job looks the person up and sends the mail.
 */
export async function requestEmailedLink(deps: Deps, purpose: LinkPurpose, email: string): Promise<void> {
  await deps.jobs.send(SEND_LINK_JOB, { purpose, email });
}

/** The job: sends the link when the address belongs to someone, at most a few an hour. */
export async function sendEmailedLink(deps: Deps, payload: Record<string, unknown>): Promise<void> {
  const { purpose, email } = payload;
  if ((purpose !== 'sign_in' && purpose !== 'reset_password') || typeof email !== 'string') return;
  const person = await repo.findPersonByEmail(deps.db, email);
  if (!person || (await repo.recentTokenCount(deps.db, email, purpose)) >= MAX_LINKS_PER_HOUR) return;
  const token = await issueEmailToken(deps.db, { purpose, email, personId: person.id });
  await deps.mailer.send(
    purpose === 'sign_in'
      ? signInMail(deps, person.display_name, email, token)
      : resetMail(deps, person.display_name, email, token),
  );
}

function signInMail(deps: Deps, name: string, to: string, token: string) {
  return {
    to,
    subject: 'Your sign-in link for Recovery Connectors',
    text: [
      `Hello ${name},`,
      '',
      'Here is your link to sign in to Recovery Connectors. It works once, for the next 20 minutes:',
      `${deps.config.publicUrl}/sign-in/email/${token}`,
      '',
      "If you didn't ask for this, you can ignore this email. Nobody can sign in without the link.",
    ].join('\n'),
  };
}

function resetMail(deps: Deps, name: string, to: string, token: string) {
  return {
    to,
    subject: 'Reset your Recovery Connectors password',
    text: [
      `Hello ${name},`,
      '',
      'To choose a new password, open this link within the next hour. It works once:',
      `${deps.config.publicUrl}/password/reset/${token}`,
      '',
      "If you didn't ask for this, you can ignore this email: your password has not changed.",
    ].join('\n'),
  };
}

export class LinkNotUsable extends AppError {
  constructor(readonly state: Exclude<TokenState, 'valid'>) {
    super(
      'gone',
      state === 'used'
        ? 'This link has already been used. Each link works only once.'
        : state === 'expired'
          ? 'This link has expired. Links work for a limited time, to keep your account safe.'
          : "This link isn't right. It may have been copied only in part.",
    );
  }
}

export async function checkLink(deps: Deps, purpose: 'sign_in' | 'reset_password' | 'invitation', token: string) {
  const { state, row } = await peekEmailToken(deps.db, purpose, token);
  if (state !== 'valid' || !row) throw new LinkNotUsable(state === 'valid' ? 'unknown' : state);
  return row;
}

export async function signInWithLink(deps: Deps, token: string, userAgent: string): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await consumeEmailToken(tx, 'sign_in', token);
    if (!row?.person_id) throw new LinkNotUsable((await peekEmailToken(tx, 'sign_in', token)).state as 'used');
    return createSession(tx, row.person_id, userAgent);
  });
}

export async function resetPassword(deps: Deps, token: string, password: string, userAgent: string): Promise<string> {
  const passwordHash = await hashPassword(password); // slow on purpose: outside the transaction
  return deps.db.transaction().execute(async (tx) => {
    const row = await consumeEmailToken(tx, 'reset_password', token);
    if (!row?.person_id) throw new LinkNotUsable((await peekEmailToken(tx, 'reset_password', token)).state as 'used');
    await repo.setPasswordHash(tx, row.person_id, passwordHash);
    await deleteAllSessions(tx, row.person_id); // anyone else signed in as them is signed out
    await voidCredentialLinks(tx, row.person_id, row.email); // and other links mailed to them stop working
    return createSession(tx, row.person_id, userAgent);
  });
}

export async function changePassword(
  deps: Deps,
  actor: SignedInActor,
  current: string,
  password: string,
): Promise<void> {
  const person = await repo.findPersonById(deps.db, actor.personId);
  if (!person || !(await verifyPassword(person.password_hash, current))) {
    throw new AppError('validation', 'Your current password is not right', {
      current: 'Your current password is not right',
    });
  }
  const passwordHash = await hashPassword(password); // slow on purpose: outside the transaction
  // Whoever knew the old password, or holds a link mailed earlier, is signed out and shut out.
  await deps.db.transaction().execute(async (tx) => {
    await repo.setPasswordHash(tx, actor.personId, passwordHash);
    await deleteOtherSessions(tx, actor.personId, actor.sessionHash);
    await voidCredentialLinks(tx, actor.personId, person.email);
  });
}

/**
 * Accepts an invitation. The link proves the address can read mail, nothing more: someone who
 * already has an account must be signed in as that account to accept (the link never signs
 * them in); someone new chooses a name and password, and their new account is signed in.
 * The link is used up in the same transaction, so of two racing accepts only one wins.
 */
export async function acceptInvitation(
  deps: Deps,
  actor: SignedInActor | undefined,
  token: string,
  newAccount: { name: string; password: string } | undefined,
  userAgent: string,
): Promise<{ sessionToken: string | undefined; orgId: string }> {
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : null;
  return deps.db.transaction().execute(async (tx) => {
    const row = await consumeEmailToken(tx, 'invitation', token);
    if (!row || !row.org_id || !row.role) {
      throw new LinkNotUsable((await peekEmailToken(tx, 'invitation', token)).state as 'used');
    }
    let personId: string;
    let sessionToken: string | undefined;
    const existing = await repo.findPersonByEmail(tx, row.email);
    if (existing) {
      if (!actor) throw new AppError('unauthenticated', `Sign in as ${row.email} to accept this invitation.`);
      if (actor.personId !== existing.id) throw invitedSomeoneElse(row.email, actor.email);
      personId = existing.id;
    } else {
      if (!newAccount) throw new AppError('validation', 'Tell us your name and choose a password to join.');
      const created = await repo.insertPersonIfNew(tx, {
        email: row.email,
        displayName: newAccount.name,
        passwordHash,
      });
      if (!created)
        throw new AppError(
          'conflict',
          `An account for ${row.email} has just been made. Sign in as ${row.email}, then open the link again.`,
        );
      personId = created.id;
      sessionToken = await createSession(tx, personId, userAgent);
    }
    await upsertMembership(tx, row.org_id, personId, row.role as OrgRole);
    await recordAudit(tx, {
      orgId: row.org_id,
      actorId: personId,
      action: 'team.joined',
      subjectType: 'person',
      subjectId: personId,
      detail: { role: row.role },
    });
    return { sessionToken, orgId: row.org_id };
  });
}

export function invitedSomeoneElse(invited: string, signedInAs: string): AppError {
  return new AppError(
    'forbidden',
    `This invitation is for ${invited}, and you're signed in as ${signedInAs}. Sign out, then sign in as ${invited} to accept it.`,
  );
}

/** Where a person who just signed in has work waiting: the network, their organisation, or their account. */
export async function landingAfterSignIn(deps: Deps, sessionToken: string): Promise<string> {
  const actor = await findSessionActor(deps.db, sessionToken);
  return actor ? landingPath(actor) : '/account';
}
