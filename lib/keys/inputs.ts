import { z } from 'zod';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { idParam, plainText } from '@/lib/validation/text';
import { KeyKind, KeyUsageLabel } from '@/lib/generated/prisma/enums';
import { asSentenceText } from '@/lib/errors/text/localized-text';
import { KEY_NAME_MAX } from '@/lib/keys/key-name';
import { issueOf, issueText } from '@/lib/validation/issue-text';
import { ipProblemText } from '@/lib/validation/ip-text';

/**
 * The bodies the keys endpoints accept, one schema each. withPermission parses the body with them; a refusal becomes
 * a 422 in the one error mapper (lib/errors/error-response.ts), whose issues the dialogs show beside their fields
 * (components/api/form-error.tsx). The dialogs do not import these: they would bring zod into the keys page's
 * first-load JavaScript.
 */

// A NUL is named first, and alone: "no control characters" would leave the user looking for one they cannot see.
// The sentences are those of the rename dialog's own check (lib/keys/key-name.ts), as messages.
const keyName = z
  .string()
  .refine((value) => !value.includes('\u0000'), { ...issueText('keys.nameNul'), abort: true })
  .pipe(
    plainText({ max: KEY_NAME_MAX, tooLong: issueText('keys.nameTooLong', { max: KEY_NAME_MAX }) })
      .trim()
      .refine((value) => value.length > 0, issueText('keys.nameBlank')),
  );

export const generateKeyInput = z
  .object({
    name: keyName,
    /** Fixed IP → Default Key (locked to the first IP that uses it); dynamic IP → Cloud (no restriction). */
    kind: z.enum(KeyKind),
    usageLabel: z.enum(KeyUsageLabel),
  })
  .strict();

export const importKeyInput = generateKeyInput
  .extend({
    secret: plainText({ max: 200, tooLong: issueText('keys.secretTooLong') })
      .trim()
      .refine((value) => value.length >= 8, issueText('keys.secretTooShort')),
  })
  .strict();

export const renameKeyInput = z.object({ name: keyName }).strict();

// The name as it is stored, which may hold whatever sendSMS gave it (but never a NUL: see lib/db/storable.ts).
export const deleteKeyInput = z
  .object({ confirmName: plainText({ max: 200, tooLong: issueText('keys.confirmNameTooLong'), controls: 'all' }) })
  .strict();

export const authorizeIpInput = z
  .object({
    // The one IP parser (lib/ip): every ordinary notation accepted, stored in its normal form, refusals explained;
    // an address that is no machine's (0.0.0.0, ::, 255.255.255.255) is refused too.
    ip: plainText({ max: 100, tooLong: issueText('keys.ipTooLong') }).transform((value, context) => {
      const parsed = parseAuthorizableIp(value);
      if (parsed.ok) return parsed.address;
      context.addIssue({ code: 'custom', ...issueOf(asSentenceText(ipProblemText(parsed.problem))) });
      return z.NEVER;
    }),
    /** 'key' sends the key itself as the password, as an integration would; 'account' (the default) does not use the key. */
    sendAs: z.enum(['account', 'key']).optional(),
    /** The user agreed that a never-used Default key may lock to the dashboard's own IP (only asked when unavoidable). */
    confirmFirstUseLock: z.boolean().optional(),
  })
  .strict();

export const refreshKeysInput = z.object({ keyId: idParam.optional() }).strict();

export type GenerateKeyInput = z.output<typeof generateKeyInput>;
export type ImportKeyInput = z.output<typeof importKeyInput>;
export type AuthorizeIpInput = z.output<typeof authorizeIpInput>;

export { USAGE_PRESETS } from '@/lib/keys/inputs-presets';
