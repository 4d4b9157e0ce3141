import type { Locale } from '@/i18n/locales';
import { deniedText } from '@/lib/auth/denied-text';
import { PERMISSIONS, ROLE_PERMISSIONS } from '@/lib/auth/permissions';
import { say, type LocalizedText } from '@/lib/errors/text/localized-text';
import type { Role } from '@/lib/generated/prisma/enums';
import { conditionOfMessage, conditionText } from '@/lib/keys/refresh-problem';

/**
 * A sentence an audit row kept in English when it was written (why a request was refused, why sendSMS failed a
 * refresh), said again in the reader's language when it is one the dashboard knows: the refusals of the permission
 * table and sendSMS's conditions (read back by lib/keys/refresh-problem.ts, the one place that does). Anything else,
 * a sentence of another origin or an older version, is shown as it was kept.
 */
export function restated(text: string, locale: Locale): string {
  if (locale === 'en' || text === '') return text;
  const condition = conditionOfMessage(text);
  if (condition) return say(conditionText(condition), locale);
  const endsWithStop = text.endsWith('.');
  const refusal = refusalsByEnglish().get(endsWithStop ? text.slice(0, -1) : text);
  if (refusal) return `${say(refusal, locale)}${endsWithStop ? '.' : ''}`;
  return text;
}

let refusals: Map<string, LocalizedText> | undefined;

/** Every refusal the permission table can say, by its English: each role without each permission, and "not a member". */
function refusalsByEnglish(): Map<string, LocalizedText> {
  if (refusals) return refusals;
  refusals = new Map();
  for (const role of Object.keys(ROLE_PERMISSIONS) as Role[]) {
    for (const permission of PERMISSIONS) {
      const text = deniedText({ role, accountIds: [] }, permission, 'an-account-of-no-one');
      if (text) refusals.set(say(text, 'en'), text);
    }
  }
  return refusals;
}
