import { z } from 'zod';
import { ORG_ROLES, type OrgRole } from '../../platform/auth/actor.ts';

import { emailField } from '../../platform/http/form-fields.ts';

export const roleField = z.enum(ORG_ROLES as [OrgRole, ...OrgRole[]], { error: 'Choose a role' });

export const InviteForm = z.object({ email: emailField, role: roleField });
export const RoleForm = z.object({ role: roleField });
export const StatusForm = z.object({
  status: z.enum(['applicant', 'member', 'lapsed'], { error: 'Choose a status' }),
});

export const OrgListQuery = z.object({
  status: z.enum(['applicant', 'member', 'lapsed']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).default(1).catch(1),
});

export const personParam = z.object({ person: z.uuid() });
