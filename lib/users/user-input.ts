import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';
import { idOf, plainText } from '@/lib/validation/text';

export const roleSchema = z.enum(Role);
export const userIdSchema = idOf('a user');
const accountIds = z.array(idOf('an account')).max(200, 'Choose at most 200 accounts.');

export const newUserSchema = z.object({
  name: plainText({ max: 100 }).trim().min(1, 'Enter a name'),
  email: plainText({ max: 320 }).trim().toLowerCase().email('Enter an email address'),
  role: roleSchema,
  /** Absent: the user signs in only through single sign-on (an invitation). */
  password: plainText({ max: 1000 }).min(12, 'Use at least 12 characters').optional(),
  accountIds: accountIds.default([]),
});

export const userChangeSchema = z
  .object({ role: roleSchema.optional(), accountIds: accountIds.optional(), disabled: z.boolean().optional() })
  .refine(
    (change) => Object.values(change).some((value) => value !== undefined),
    'change at least one of role, accountIds, disabled',
  );

export type NewUserInput = z.infer<typeof newUserSchema>;
export type UserChange = z.infer<typeof userChangeSchema>;
