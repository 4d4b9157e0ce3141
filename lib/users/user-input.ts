import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';
import { atLeast, filled, issueText } from '@/lib/validation/issue-text';
import { idOf, isEmail, plainText } from '@/lib/validation/text';

export const roleSchema = z.enum(Role);
export const userIdSchema = idOf('a user');
const MAX_ACCOUNTS = 200;
const accountIds = z
  .array(idOf('an account'))
  .refine((ids) => ids.length <= MAX_ACCOUNTS, issueText('users.tooManyAccounts', { max: MAX_ACCOUNTS }));

export const newUserSchema = z.object({
  name: plainText({ max: 100 }).trim().refine(filled, issueText('users.enterName')),
  email: plainText({ max: 320 }).trim().toLowerCase().refine(isEmail, issueText('users.enterEmail')),
  role: roleSchema,
  /** Absent: the user signs in only through single sign-on (an invitation). */
  password: plainText({ max: 1000 })
    .refine(atLeast(12), issueText('auth.passwordLength', { minimum: 12 }))
    .optional(),
  accountIds: accountIds.default([]),
});

export const userChangeSchema = z
  .object({ role: roleSchema.optional(), accountIds: accountIds.optional(), disabled: z.boolean().optional() })
  .refine((change) => Object.values(change).some((value) => value !== undefined), issueText('users.changeSomething'));

export type NewUserInput = z.infer<typeof newUserSchema>;
export type UserChange = z.infer<typeof userChangeSchema>;
