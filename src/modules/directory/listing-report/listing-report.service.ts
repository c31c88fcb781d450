// A member of the public tells an organisation its listing is wrong. It goes by email to the
// organisation's leads; nothing is stored, and the leads' addresses are never shown.
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/http/errors.ts';
import * as directory from '../directory.repository.ts';
import { listingRecipients } from './listing-report.repository.ts';
import { PROBLEMS, type ListingReportInput } from './listing-report.schemas.ts';

export async function loadListingReportPage(deps: Deps, slug: string): Promise<{ slug: string; name: string }> {
  const org = await directory.findMemberProfile(deps.db, slug);
  if (!org) throw notFound('organisation');
  return { slug: org.slug, name: org.name };
}

export async function reportListingProblem(deps: Deps, slug: string, input: ListingReportInput): Promise<string> {
  const org = await directory.findMemberProfile(deps.db, slug);
  if (!org) throw notFound('organisation');
  const text = [
    'Hello,',
    '',
    `Someone looking at ${org.name}'s listing on Recovery Connectors says something is wrong with it.`,
    '',
    `What is wrong: ${PROBLEMS[input.problem]}`,
    `What they said: ${input.details}`,
    input.reply_to ? `They would like a reply at: ${input.reply_to}` : 'They did not leave a way to reply.',
    '',
    `Check and change your listing: ${deps.config.publicUrl}/orgs/${org.slug}/services`,
    '',
    'The Recovery Connectors platform',
  ].join('\n');
  for (const to of await listingRecipients(deps.db, org.id)) {
    await deps.mailer.send({ to, subject: `A problem reported with your listing: ${org.name}`, text });
  }
  return org.name;
}
