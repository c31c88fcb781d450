// Sending a self-completion link by email from the page that shows it once. The address is used
// for this one message and not kept (the audit log says a link was emailed, not where). The
// link must be this participant's, unused and unexpired; an organisation sends at most 60 an
// hour, so the form can't be turned into a way of mailing strangers.
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { hitRateLimits, rateKey } from '../../../platform/auth/rate-limit.repository.ts';
import { looksLikeToken } from '../../../platform/auth/tokens.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findInstrumentForOrg } from '../instruments/instruments.repository.ts';
import * as repo from './assessments.repository.ts';
import { hashLinkToken, linkToShow } from './assessments.service.ts';

export const LINK_EMAILS_PER_HOUR = 60;

/** "sam.jones@example.com" → "s•••@example.com": enough to recognise, not to copy. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

const gone = () =>
  new AppError('gone', 'That link has been used or has run out, so it can’t be sent. Make a new one and send that.');

/** This participant's link, still open, with its questionnaire's short name; else 410. */
async function openLinkFor(deps: Deps, org: OrgTarget, participantId: string, token: string) {
  if (!looksLikeToken(token)) throw gone();
  const link = await repo.findCompletionLink(deps.db, hashLinkToken(token));
  if (!link || link.org_id !== org.id || link.participant_id !== participantId) throw gone();
  if (link.used_at || link.expires_at <= new Date()) throw gone();
  const instrument = await findInstrumentForOrg(deps.db, org.id, link.instrument_key, link.instrument_version);
  return { ...link, instrumentName: instrument?.definition.short_name ?? 'questionnaire' };
}

/** The once-only page again, for a mistyped address: only with the link's own secret. */
export async function loadLinkPageAgain(deps: Deps, org: OrgTarget, participantId: string, token: string) {
  const link = await openLinkFor(deps, org, participantId, token);
  return { instrumentName: link.instrumentName, ...(await linkToShow(deps.config.publicUrl, token, link.expires_at)) };
}

export async function emailCompletionLink(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  participantId: string,
  input: { token: string; email: string },
): Promise<void> {
  const link = await openLinkFor(deps, org, participantId, input.token);
  const allowed = await hitRateLimits(deps.db, [
    { key: rateKey('completion-link-email', org.id), limit: LINK_EMAILS_PER_HOUR, windowSeconds: 3600 },
  ]);
  if (!allowed) {
    throw new AppError(
      'too_many_requests',
      'Your organisation has sent a lot of links by email in the last hour. Please wait a while, or let them scan the code.',
    );
  }
  const until = link.expires_at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  await deps.mailer.send({
    to: input.email,
    subject: `A short questionnaire from ${org.name}`,
    text: [
      'Hello,',
      '',
      `${org.name} has sent you a short questionnaire (${link.instrumentName}). It takes a couple of minutes. Open this link on your phone or computer:`,
      '',
      `${deps.config.publicUrl}/complete/${input.token}`,
      '',
      `It works once, until ${until}. Your answers go only to ${org.name}.`,
      '',
      'If you weren’t expecting this, you can ignore it.',
    ].join('\n'),
  });
  await recordAudit(deps.db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'self_completion.link_emailed',
    subjectType: 'participant',
    subjectId: participantId,
    detail: { instrument: link.instrument_key },
  });
}
