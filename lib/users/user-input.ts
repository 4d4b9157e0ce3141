import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';

export const roleSchema = z.enum(Role);
export const userIdSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not a user id');
const accountIds = z.array(z.string().trim().min(1).max(64)).max(200);

export const newUserSchema = z.object({
  name: z.string().trim().min(1, 'enter a name').max(100),
  email: z.string().trim().toLowerCase().email('enter an email address').max(320),
  role: roleSchema,
  /** Absent: the user signs in only through single sign-on (an invitation). */
  password: z.string().min(12, 'use at least 12 characters').max(1000).optional(),
  accountIds: accountIds.default([]),
});

export const userChangeSchema = z
  .object({ role: roleSchema.optional(), accountIds: accountIds.optional(), disabled: z.boolean().optional() })
  .refine((change) => Object.values(change).some((value) => value !== undefined), 'change at least one of role, accountIds, disabled');

export type NewUserInput = z.infer<typeof newUserSchema>;
export type UserChange = z.infer<typeof userChangeSchema>;
