import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueText } from '@/lib/validation/issue-text';
import { idOf, idParam, isPlainText, PLAIN_TEXT_MESSAGE, plainText } from '@/lib/validation/text';

describe('plainText refuses what PostgreSQL cannot store and no person types', () => {
  it.each([
    ['a NUL', 'Shop\u0000'],
    ['a lone high surrogate', 'Shop \uD800'],
    ['a lone low surrogate', '\uDC00 Shop'],
    ['a backspace', 'Sh\u0008op'],
    ['an escape', '\u001B[31mred'],
    ['a delete', 'Shop\u007F'],
    ['a line feed in a one-line field', 'Shop\nTwo'],
  ])('%s', (_, value) => {
    const parsed = plainText({ max: 100 }).safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(PLAIN_TEXT_MESSAGE);
  });

  it.each([['Demo shop'], ['Magazin de flori – Brașov'], ['emoji 📱 pairs are whole'], ['quotes "\' and ;--']])(
    'keeps %j',
    (value) => {
      expect(plainText({ max: 100 }).parse(value)).toBe(value);
    },
  );

  it('allows line breaks and tabs, or every control character, only where asked, and never a NUL', () => {
    expect(isPlainText('one\ttwo\r\nthree', 'lines')).toBe(true);
    expect(isPlainText('one\u0001two', 'lines')).toBe(false);
    expect(isPlainText('one\u0001\ttwo', 'all')).toBe(true);
    for (const controls of ['none', 'lines', 'all'] as const) {
      expect(isPlainText('one\u0000two', controls)).toBe(false);
      expect(isPlainText('one\uD800two', controls)).toBe(false);
    }
  });

  it('says how long a field may be', () => {
    expect(plainText({ max: 5 }).safeParse('toolong').error?.issues[0]?.message).toBe('at most 5 characters');
    expect(
      plainText({ max: 5, tooLong: issueText('keys.nameTooLong', { max: 5 }) }).safeParse('toolong').error?.issues[0]
        ?.message,
    ).toBe('A name is at most 5 characters');
  });

  it('never lets a string with a NUL or a lone surrogate through (2,000 random strings)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom('\u0000', '\uD800', '\uDFFF'),
        fc.nat(40),
        (text, bad, at) => {
          const value = `${text.slice(0, at)}${bad}${text.slice(at)}`;
          const withoutPair =
            bad === '\u0000' || !/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
          if (withoutPair) return;
          expect(plainText({ max: 100 }).safeParse(value).success).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
    // 2,000 zod parses take a second alone and several on a loaded two-core machine: a timeout here is not a finding.
  }, 30_000);
});

describe('ids', () => {
  it.each([[''], ['%E0%A4%A'], ['abc\u0000'], ['a'.repeat(65)], ['../etc'], ['a b']])('refuses %j', (value) => {
    expect(idParam.safeParse(value).success).toBe(false);
  });

  it('names the kind of id it expected', () => {
    expect(idOf('an account').safeParse('x y').error?.issues[0]?.message).toBe('That is not an account id.');
    expect(idOf('a user').safeParse('x y').error?.issues[0]?.message).toBe('That is not a user id.');
  });
});
