import { z } from 'zod';
import { idOf, plainText } from '@/lib/validation/text';
import { CredentialKind } from '@/lib/generated/prisma/enums';

/** What an admin enters to add a sendSMS account or replace its credential (zod at the route boundary). */

const httpUrl = plainText({ max: 500 })
  .trim()
  .url('Enter the address as a URL')
  .refine((value) => /^https?:\/\//.test(value), 'The address must start with http:// or https://');

export const credentialInputSchema = z.object({
  credential: plainText({ max: 500 }).min(1, 'Enter the password or API key'),
  credentialKind: z.enum(CredentialKind),
});

export const newAccountSchema = credentialInputSchema.extend({
  label: plainText({ max: 100 }).trim().min(1, 'Give the account a label'),
  username: plainText({ max: 100 }).trim().min(1, 'Enter the sendSMS username'),
  /** Empty: the configured upstream (SENDSMS_API_URL or the bundled sandbox). */
  apiBaseUrl: z.union([httpUrl, z.literal('')]).optional(),
});

export type NewAccountInput = z.infer<typeof newAccountSchema>;
export type CredentialInput = z.infer<typeof credentialInputSchema>;

export const accountIdSchema = idOf('an account');
