import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import compile from 'icu-minify/compile';
import { _createCache, _createIntlFormatters, type RichTranslationValues } from 'use-intl/core';
import formatCompiled from 'use-intl/format-message/format-only';
import formatRaw from 'use-intl/format-message';
import { describe, expect, it } from 'vitest';

import { FORMATS } from '@/i18n/formats';
import { LOCALES } from '@/i18n/locales';
import { MESSAGES } from '@/messages';

/**
 * The production build compiles every message at build time (next.config.js: next-intl's `precompile`) and formats
 * them with a small formatter that has no ICU parser; tests and the tsx scripts read the same JSON as text and format
 * it with the full one. Both must say the same thing: every message of both languages, formatted both ways with the
 * same values (each plural with 0, 1, 2, 5 and 21; each select with each of its options), gives the same text.
 */

type Tree = { [key: string]: string | Tree };
type Values = RichTranslationValues;

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

/** A formatted message as text: rich messages come back as an array of parts. */
const text = (result: unknown): string => (Array.isArray(result) ? result.map(text).join('') : String(result));

const COUNTS = [0, 1, 2, 5, 21];
const WHEN = new Date('2026-12-04T15:23:20Z');

/** One set of values per count and per select option, so every branch of the message is read at least once. */
function valueSets(elements: MessageFormatElement[]): Values[] {
  const base: Values = {};
  const plurals = new Set<string>();
  const selects = new Map<string, string[]>();
  const visit = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if (node.type === TYPE.argument) base[node.value] = `«${node.value}»`;
      else if (node.type === TYPE.number) base[node.value] = 1234.5;
      else if (node.type === TYPE.date || node.type === TYPE.time) base[node.value] = WHEN;
      else if (node.type === TYPE.tag) {
        base[node.value] = (chunks) => `<${node.value}>${text(chunks)}</${node.value}>`;
        visit(node.children);
      } else if (node.type === TYPE.plural) {
        plurals.add(node.value);
        for (const option of Object.values(node.options)) visit(option.value);
      } else if (node.type === TYPE.select) {
        selects.set(node.value, Object.keys(node.options));
        for (const option of Object.values(node.options)) visit(option.value);
      }
    }
  };
  visit(elements);
  const sets: Values[] = [];
  for (const count of plurals.size > 0 ? COUNTS : [0]) {
    const withCount = { ...base, ...Object.fromEntries([...plurals].map((name) => [name, count])) };
    if (selects.size === 0) sets.push(withCount);
    for (const [name, options] of selects) {
      for (const option of options) {
        const chosen = { ...withCount, [name]: option };
        // The other selects take their first option.
        for (const [other, otherOptions] of selects) if (other !== name) chosen[other] = otherOptions[0]!;
        sets.push(chosen);
      }
    }
  }
  return sets;
}

describe('precompiled messages', () => {
  for (const locale of LOCALES) {
    it(`read the same as the raw messages in ${locale}`, () => {
      const options = {
        cache: _createCache(),
        formatters: _createIntlFormatters(_createCache()),
        globalFormats: FORMATS,
        locale,
        timeZone: 'Europe/Bucharest',
      };
      const different: string[] = [];
      let compared = 0;
      for (const [key, message] of flatten(MESSAGES[locale] as unknown as Tree)) {
        const compiled = compile(message);
        for (const values of valueSets(parse(message))) {
          const raw = text(formatRaw(key, message, values, options));
          const precompiled = text(formatCompiled(key, compiled, values, options));
          compared += 1;
          if (raw !== precompiled) different.push(`${key} ${JSON.stringify(values)}: «${raw}» ≠ «${precompiled}»`);
        }
      }
      expect(different).toEqual([]);
      expect(compared).toBeGreaterThan(500);
    });
  }
});
