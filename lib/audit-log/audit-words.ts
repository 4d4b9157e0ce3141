import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';

/**
 * The audit log's words (messages/<language>/audit.json) in the reader's language. The page and the API routes know
 * the reader's language and pass it in; nothing here reads the request. One translator per language, made once:
 * an export of 10 000 lines asks for it 10 000 times.
 */

export type AuditTranslator = ReturnType<typeof translatorFor<'audit'>>;

const translators = new Map<Locale, AuditTranslator>();

export function auditWords(locale: Locale): AuditTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = translatorFor(locale, 'audit');
    translators.set(locale, t);
  }
  return t;
}
