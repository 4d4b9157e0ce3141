import { z } from 'zod';

/** What an admin enters to add a sendSMS account or replace its credential (zod at the route boundary). */

const httpUrl = z
  .string()
  .trim()
  .url('must be a URL')
  .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL');

export const credentialInputSchema = z.object({
  credential: z.string().min(1, 'enter the password or API key').max(500),
  credentialKind: z.enum(['PASSWORD', 'API_KEY']),
});

export const newAccountSchema = credentialInputSchema.extend({
  label: z.string().trim().min(1, 'enter a label').max(100),
  username: z.string().trim().min(1, 'enter the sendSMS username').max(100),
  /** Empty: the configured upstream (SENDSMS_API_URL or the bundled sandbox). */
  apiBaseUrl: z.union([httpUrl, z.literal('')]).optional(),
});

export type NewAccountInput = z.infer<typeof newAccountSchema>;
export type CredentialInput = z.infer<typeof credentialInputSchema>;

export const accountIdSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not an account id');
