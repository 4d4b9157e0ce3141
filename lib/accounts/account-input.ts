import { z } from 'zod';

/** What an admin enters to add a sendSMS account or replace its credential (zod at the route boundary). */

const httpUrl = z
  .string()
  .trim()
  .url('Enter the address as a URL')
  .refine((value) => /^https?:\/\//.test(value), 'The address must start with http:// or https://');

export const credentialInputSchema = z.object({
  credential: z.string().min(1, 'Enter the password or API key').max(500),
  credentialKind: z.enum(['PASSWORD', 'API_KEY']),
});

export const newAccountSchema = credentialInputSchema.extend({
  label: z.string().trim().min(1, 'Give the account a label').max(100),
  username: z.string().trim().min(1, 'Enter the sendSMS username').max(100),
  /** Empty: the configured upstream (SENDSMS_API_URL or the bundled sandbox). */
  apiBaseUrl: z.union([httpUrl, z.literal('')]).optional(),
});

export type NewAccountInput = z.infer<typeof newAccountSchema>;
export type CredentialInput = z.infer<typeof credentialInputSchema>;

export const accountIdSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'That is not an account id');
