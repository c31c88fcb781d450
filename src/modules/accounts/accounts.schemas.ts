import { z } from 'zod';
import { checkNewPassword } from '../../platform/auth/passwords.ts';
import { emailField } from '../../platform/http/form-fields.ts';

export const SignInForm = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200, 'Enter your password'),
  next: z.string().optional(),
});

export const EmailOnlyForm = z.object({ email: emailField });

const newPassword = z
  .string({ error: 'Enter a new password' })
  .min(1, 'Enter a new password')
  .superRefine((v, ctx) => {
    const problem = checkNewPassword(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const NewPasswordForm = z
  .object({ password: newPassword, confirm: z.string().optional() })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The two passwords are not the same' });

export const ChangePasswordForm = z
  .object({
    current: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
    password: newPassword,
    confirm: z.string().optional(),
  })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The two passwords are not the same' });

export const AcceptInvitationForm = z
  .object({
    name: z
      .string({ error: 'Enter your name' })
      .min(1, 'Enter your name, or the name you like to be called')
      .max(120, 'Your name must be 120 characters or fewer'),
    password: newPassword,
    confirm: z.string().optional(),
  })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The two passwords are not the same' });
