import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import {
  asSentenceText,
  errorText,
  inBothLanguages,
  literalText,
  say,
  statusText,
  type ErrorKey,
} from '@/lib/errors/text/localized-text';
import { MESSAGES } from '@/messages';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

/** A value for each placeholder a message takes: a count for a plural, the other case for a select. */
function valuesFor(elements: MessageFormatElement[], into: Record<string, string | number> = {}) {
  for (const element of elements) {
    if (element.type === TYPE.plural) into[element.value] = 3;
    else if (element.type === TYPE.select) into[element.value] = 'other';
    else if (element.type === TYPE.argument || element.type === TYPE.number) into[element.value] ??= 'x';
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) valuesFor(option.value, into);
  }
  return into;
}

describe('say', () => {
  it('says every errors message in both languages, none left as its key', () => {
    for (const key of keysOf(MESSAGES.en.errors as unknown as Tree)) {
      const values = valuesFor(parse(lookup(key)));
      for (const locale of LOCALES) {
        const said = say(errorText(key as ErrorKey, values), locale);
        expect(said, `${locale} ${key}`).not.toContain(`errors.${key}`);
        expect(said.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('says a sentence inside a sentence in the same language, and a fragment as a sentence', () => {
    const meaning = statusText('authentication_failed', -8);
    expect(inBothLanguages(errorText('accounts.credentialsRefused', { meaning }))).toEqual({
      en: `sendSMS refused these credentials: ${MESSAGES.en.status.authentication_failed}`,
      ro: `sendSMS a refuzat aceste date de autentificare: ${MESSAGES.ro.status.authentication_failed}`,
    });
    expect(say(asSentenceText(errorText('validation.textTooLong', { max: 1000 })), 'en')).toBe(
      'At most 1,000 characters',
    );
    expect(say(asSentenceText(errorText('validation.textTooLong', { max: 1000 })), 'ro')).toBe(
      'Cel mult 1.000 de caractere',
    );
    expect(say(statusText('unknown_error', -99999), 'en')).toContain('(-99999)');
    expect(say(literalText('As it is'), 'ro')).toBe('As it is');
  });
});

function lookup(key: string): string {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], MESSAGES.en.errors) as string;
}
