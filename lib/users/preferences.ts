import 'server-only';
import { z } from 'zod';

import { isLocale, isTimeZone, type Locale } from '@/i18n/locales';
import type { SessionUser } from '@/lib/auth/session-user';
import type { DatabaseDeps } from '@/lib/db/deps';
import { issueText } from '@/lib/validation/issue-text';

/**
 * A user's own language and time zone, kept on their account so that every browser they sign in from shows the
 * dashboard the same way. Either may be sent alone; null for the time zone goes back to the browser's own zone.
 * Not audited: it changes how the dashboard reads to them, nothing of an account's.
 */

export const preferencesSchema = z
  .object({
    locale: z
      .string()
      .refine(isLocale, issueText('preferences.chooseLanguage'))
      .transform((value) => value as Locale)
      .optional(),
    timeZone: z.string().max(64).refine(isTimeZone, issueText('preferences.chooseTimeZone')).nullable().optional(),
  })
  .strict()
  .refine(
    (value) => value.locale !== undefined || value.timeZone !== undefined,
    issueText('preferences.chooseSomething'),
  );

export type PreferencesChange = z.infer<typeof preferencesSchema>;

export interface SavedPreferences {
  locale: string | null;
  timeZone: string | null;
}

export async function saveOwnPreferences(
  deps: DatabaseDeps,
  user: SessionUser,
  change: PreferencesChange,
): Promise<SavedPreferences> {
  return deps.prisma.user.update({
    where: { id: user.id },
    data: { locale: change.locale, timeZone: change.timeZone },
    select: { locale: true, timeZone: true },
  });
}
