// Joining the network: a public expression of interest, then a coordinator asks a question,
// approves (creating the organisation as a member and inviting its lead) or declines with a
// reason. The applicant hears by email at every step.
import { hitRateLimits, rateKey } from '../../platform/auth/rate-limit.repository.ts';
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { insertOrganisation, inviteToOrganisation, slugExists } from '../network/index.ts';
import { slugify } from './domain/places.ts';
import * as edit from './edit/edit.repository.ts';
import { lookUpPlace } from './directory.service.ts';
import type { ApplicationInput } from './directory.schemas.ts';
import * as repo from './applications.repository.ts';

const SIGN_OFF = ['', 'With best wishes,', 'The Recovery Connectors network coordinators'];

/** Stores a valid expression of interest and tells the applicant we have it. */
/** Applications taken per address an hour, and from everyone together (a flood stops at this). */
export const JOIN_LIMITS = { perAddress: 5, overall: 100, windowSeconds: 60 * 60 };

export async function submitApplication(deps: Deps, input: ApplicationInput, from: { ip: string }): Promise<string> {
  const place = lookUpPlace(input.postcode);
  if (place.kind !== 'found') throw new AppError('validation', place.message, { postcode: place.message });
  // Counted and decided in one statement in the database, so it holds across instances and bursts.
  const allowed = await hitRateLimits(deps.db, [
    { key: rateKey('join:address', from.ip), limit: JOIN_LIMITS.perAddress, windowSeconds: JOIN_LIMITS.windowSeconds },
    { key: rateKey('join:all'), limit: JOIN_LIMITS.overall, windowSeconds: JOIN_LIMITS.windowSeconds },
  ]);
  if (!allowed) {
    const message =
      "We've had several applications from this connection in the last hour, so we can't take another just now. Please try again in an hour, or email the network's coordinators.";
    throw new AppError('too_many_requests', message, { form: message });
  }
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertApplication(tx, {
      kind: input.kind,
      org_name: input.kind === 'organisation' ? (input.org_name ?? '') : '',
      contact_name: input.contact_name,
      email: input.email,
      phone: input.phone ?? '',
      town: input.town ?? '',
      outcode: place.outcode,
      lad_code: place.place.ladCode,
      region: place.place.region,
      what_you_do: input.what_you_do,
      lived_experience: input.lived_experience ?? '',
      website: input.website ?? '',
    });
    await repo.addApplicationEvent(tx, id, 'submitted', null);
    return id;
  });
  await deps.mailer.send({
    to: input.email,
    subject: 'We have your expression of interest in Recovery Connectors',
    text: [
      `Hello ${input.contact_name},`,
      '',
      `Thank you for your interest in joining the Recovery Connectors network${input.kind === 'organisation' ? ` on behalf of ${input.org_name}` : ''}.`,
      'A network coordinator will read it and reply by email, usually within two weeks. They may ask you a question first.',
      ...SIGN_OFF,
    ].join('\n'),
  });
  await tellCoordinators(deps, id, input);
  return id;
}

/** Coordinators hear at once that someone has asked to join, with a link to the application. */
async function tellCoordinators(deps: Deps, id: string, input: ApplicationInput): Promise<void> {
  const who =
    input.kind === 'organisation' && input.org_name ? `${input.org_name} (${input.contact_name})` : input.contact_name;
  for (const to of await repo.coordinatorEmails(deps.db)) {
    await deps.mailer.send({
      to,
      subject: `New request to join the network: ${who}`,
      text: [
        'Hello,',
        '',
        `${who} has asked to join the Recovery Connectors network.`,
        `Read it, ask a question, approve or decline: ${deps.config.publicUrl}/network/applications/${id}`,
        '',
        'The Recovery Connectors platform',
      ].join('\n'),
    });
  }
}

async function openApplication(deps: Deps, id: string): Promise<repo.ApplicationRow> {
  const app = await repo.findApplication(deps.db, id);
  if (!app) throw notFound('application');
  if (app.status === 'approved' || app.status === 'declined') {
    throw new AppError('conflict', `This application was already ${app.status}.`);
  }
  return app;
}

export async function askApplicant(
  deps: Deps,
  actor: SignedInActor,
  id: string,
  message: string,
): Promise<repo.ApplicationRow> {
  const app = await openApplication(deps, id);
  await deps.db.transaction().execute(async (tx) => {
    await repo.addApplicationEvent(tx, id, 'question', actor.personId, message);
    await repo.setApplicationStatus(tx, id, 'questioned');
  });
  await deps.mailer.send({
    to: app.email,
    subject: 'A question about your expression of interest in Recovery Connectors',
    text: [
      `Hello ${app.contact_name},`,
      '',
      `${actor.displayName}, a network coordinator, has a question for you:`,
      '',
      message,
      '',
      'Please reply to this email, or to the coordinator who wrote to you.',
      ...SIGN_OFF,
    ].join('\n'),
  });
  return app;
}

export async function declineApplication(
  deps: Deps,
  actor: SignedInActor,
  id: string,
  reason: string,
): Promise<repo.ApplicationRow> {
  const app = await openApplication(deps, id);
  await deps.db.transaction().execute(async (tx) => {
    await repo.addApplicationEvent(tx, id, 'declined', actor.personId, reason);
    await repo.setApplicationStatus(tx, id, 'declined');
  });
  await deps.mailer.send({
    to: app.email,
    subject: 'Your expression of interest in Recovery Connectors',
    text: [
      `Hello ${app.contact_name},`,
      '',
      'Thank you for your interest in the network. We are sorry, but we cannot accept your application at the moment, for this reason:',
      '',
      reason,
      '',
      'You are welcome to get in touch again if things change.',
      ...SIGN_OFF,
    ].join('\n'),
  });
  return app;
}

async function freeSlug(deps: Deps, name: string): Promise<string> {
  const base = slugify(name).slice(0, 80).replace(/-+$/, '') || 'organisation';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await slugExists(deps.db, slug))) return slug;
  }
}

/**
 * Approves an application. For an organisation: creates it as a member with a profile from
 * the application, and invites the applicant as its lead. For a supporting individual: records
 * the approval and welcomes them (supporter accounts are not part of the platform yet).
 */
export async function approveApplication(
  deps: Deps,
  actor: SignedInActor,
  id: string,
): Promise<{ app: repo.ApplicationRow; orgSlug?: string }> {
  const app = await openApplication(deps, id);
  if (app.kind === 'individual') {
    await deps.db.transaction().execute(async (tx) => {
      await repo.addApplicationEvent(tx, id, 'approved', actor.personId);
      await repo.setApplicationStatus(tx, id, 'approved');
    });
    await deps.mailer.send({
      to: app.email,
      subject: 'Welcome to the Recovery Connectors network',
      text: [
        `Hello ${app.contact_name},`,
        '',
        'Your expression of interest has been approved: you are now a supporter of the network. We will keep you posted about events and ways to take part.',
        ...SIGN_OFF,
      ].join('\n'),
    });
    return { app };
  }
  const slug = await freeSlug(deps, app.org_name);
  const org = await deps.db.transaction().execute(async (tx) => {
    const org = await insertOrganisation(tx, {
      slug,
      name: app.org_name,
      status: 'member',
      summary: app.what_you_do.slice(0, 2000),
      town: app.town,
      region: app.region,
    });
    await edit.saveProfile(tx, org.id, {
      name: org.name,
      summary: app.what_you_do.slice(0, 2000),
      size_band: 'volunteers',
      founded_year: null,
      charity_number: '',
      company_number: '',
      website: app.website,
      email: '',
      phone: '',
      social_links: '',
      lived_experience: app.lived_experience,
    });
    if (app.lad_code) await edit.replaceOrgAreas(tx, org.id, [app.lad_code]);
    await repo.addApplicationEvent(tx, id, 'approved', actor.personId);
    await repo.setApplicationStatus(tx, id, 'approved', org.id);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'organisation.created_from_application',
      subjectType: 'application',
      subjectId: id,
    });
    return org;
  });
  await deps.mailer.send({
    to: app.email,
    subject: `${app.org_name} is now a member of Recovery Connectors`,
    text: [
      `Hello ${app.contact_name},`,
      '',
      `Good news: ${app.org_name} is now a member of the Recovery Connectors network.`,
      'You will get a separate email with a link to set up your account as its lead. Then you can add your services to the map.',
      ...SIGN_OFF,
    ].join('\n'),
  });
  await inviteToOrganisation(deps, actor, { ...org, status: 'member' }, { email: app.email, role: 'lead' });
  return { app, orgSlug: org.slug };
}
