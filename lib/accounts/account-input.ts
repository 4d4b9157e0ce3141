import { z } from 'zod';
import { filled, issueText } from '@/lib/validation/issue-text';
import { idOf, isUrl, plainText } from '@/lib/validation/text';
import { CredentialKind } from '@/lib/generated/prisma/enums';

/** What an admin enters to add a sendSMS account or replace its credential (zod at the route boundary). */

const httpUrl = plainText({ max: 500 })
  .trim()
  .refine(isUrl, issueText('accounts.enterUrl'))
  .refine((value) => /^https?:\/\//.test(value), issueText('accounts.urlScheme'));

export const credentialInputSchema = z.object({
  credential: plainText({ max: 500 }).refine(filled, issueText('accounts.enterCredential')),
  credentialKind: z.enum(CredentialKind),
});

export const newAccountSchema = credentialInputSchema.extend({
  label: plainText({ max: 100 }).trim().refine(filled, issueText('accounts.enterLabel')),
  username: plainText({ max: 100 }).trim().refine(filled, issueText('accounts.enterUsername')),
  /** Empty: the configured upstream (SENDSMS_API_URL or the bundled sandbox). */
  apiBaseUrl: z.union([httpUrl, z.literal('')]).optional(),
});

export type NewAccountInput = z.infer<typeof newAccountSchema>;
export type CredentialInput = z.infer<typeof credentialInputSchema>;

export const accountIdSchema = idOf('an account');
