// Use cases for organisations and their teams. Access has been checked by the route's rule;
// these enforce the rules about the data itself (an organisation always keeps a lead).
import { ORG_ROLE_LABEL, type OrgRole, type SignedInActor } from '../../platform/auth/actor.ts';
import { issueEmailToken } from '../../platform/auth/email-tokens.repository.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as repo from './network.repository.ts';

export async function inviteToOrganisation(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  input: { email: string; role: OrgRole },
): Promise<void> {
  const existing = await repo.findMembershipByEmail(deps.db, org.id, input.email);
  if (existing) {
    throw new AppError('conflict', `${input.email} is already part of ${org.name}.`, {
      email: `${input.email} is already part of ${org.name}.`,
    });
  }
  const token = await issueEmailToken(deps.db, {
    purpose: 'invitation',
    email: input.email,
    orgId: org.id,
    role: input.role,
    invitedBy: actor.personId,
  });
  await recordAudit(deps.db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'team.invite',
    subjectType: 'email',
    subjectId: input.email,
    detail: { role: input.role },
  });
  const link = `${deps.config.publicUrl}/invitations/${token}`;
  await deps.mailer.send({
    to: input.email,
    subject: `You're invited to join ${org.name} on Recovery Connectors`,
    text: [
      `Hello,`,
      ``,
      `${actor.displayName} has invited you to join ${org.name} on Recovery Connectors, as ${ORG_ROLE_LABEL[input.role].toLowerCase()}.`,
      ``,
      `To accept, open this link within 72 hours:`,
      link,
      ``,
      `If you weren't expecting this, you can ignore this email and nothing will happen.`,
    ].join('\n'),
  });
}

export async function changeMemberRole(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  personId: string,
  role: OrgRole,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const member = await repo.findMembership(tx, org.id, personId);
    if (!member) throw notFound('person');
    if (member.role === 'lead' && role !== 'lead' && (await repo.countLeads(tx, org.id)) <= 1) {
      throw new AppError('conflict', `${org.name} needs at least one lead. Make someone else a lead first.`, {
        role: `${org.name} needs at least one lead. Make someone else a lead first.`,
      });
    }
    await repo.setMemberRole(tx, org.id, personId, role);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'team.role_changed',
      subjectType: 'person',
      subjectId: personId,
      detail: { from: member.role, to: role },
    });
  });
}

export async function removeMember(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  personId: string,
): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const member = await repo.findMembership(tx, org.id, personId);
    if (!member) throw notFound('person');
    if (member.role === 'lead' && (await repo.countLeads(tx, org.id)) <= 1) {
      throw new AppError('conflict', `${org.name} needs at least one lead, so the last lead can't be removed.`);
    }
    await repo.deleteMembership(tx, org.id, personId);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'team.removed',
      subjectType: 'person',
      subjectId: personId,
    });
    return member.display_name;
  });
}

export async function changeOrganisationStatus(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  status: repo.OrgStatus,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await repo.setOrgStatus(tx, org.id, status);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'organisation.status_changed',
      subjectType: 'organisation',
      subjectId: org.id,
      detail: { from: org.status, to: status },
    });
  });
}
