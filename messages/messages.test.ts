import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

import { LOCALES } from '@/i18n/locales';
import { MESSAGES } from '@/messages';

/**
 * The two languages say the same things: every key in one is in the other, each message is valid ICU syntax, and
 * both take the same placeholders (a Romanian sentence that dropped "{count}" would read wrong without failing).
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(MESSAGES[locale] as unknown as Tree)]));

describe('messages', () => {
  it('has the same keys in every language', () => {
    for (const locale of LOCALES) {
      for (const other of LOCALES) {
        const missing = [...flat[locale]!.keys()].filter((key) => !flat[other]!.has(key));
        expect(missing, `in ${locale} but not in ${other}`).toEqual([]);
      }
    }
  });

  it('has no empty message', () => {
    for (const locale of LOCALES) {
      const empty = [...flat[locale]!].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, `empty in ${locale}`).toEqual([]);
    }
  });

  it('parses every message and gives both languages the same placeholders', () => {
    const mismatched: string[] = [];
    for (const [key, english] of flat.en!) {
      const romanian = flat.ro!.get(key);
      if (romanian === undefined) continue;
      const en = [...argumentsOf(parse(english))].sort();
      const ro = [...argumentsOf(parse(romanian))].sort();
      if (en.join() !== ro.join()) mismatched.push(`${key}: en {${en.join(', ')}} ro {${ro.join(', ')}}`);
    }
    expect(mismatched).toEqual([]);
  });
});
