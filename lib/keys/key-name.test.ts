import { describe, expect, it } from 'vitest';
import { generateKeyInput, renameKeyInput } from '@/lib/keys/inputs';
import { KEY_NAME_MESSAGES, keyNameProblem } from '@/lib/keys/key-name';

/** The sentences the server's schema answers for a name, as the one error mapper would show them. */
const serverSays = (name: string) =>
  renameKeyInput.safeParse({ name }).error?.issues.map((issue) => issue.message) ?? [];

describe('a key name', () => {
  it('refuses blank and whitespace-only names, in the browser and on the server alike', () => {
    for (const name of ['', '   ', '\u00a0\u2003 ']) {
      expect(keyNameProblem(name)).toBe('blank');
      expect(serverSays(name)).toEqual([KEY_NAME_MESSAGES.blank]);
    }
  });

  it('names a NUL character as the problem, alone', () => {
    expect(keyNameProblem('Shop\u0000key')).toBe('nul');
    expect(serverSays('Shop\u0000key')).toEqual([KEY_NAME_MESSAGES.nul]);
    expect(serverSays('\u0000')).toEqual([KEY_NAME_MESSAGES.nul]);
  });

  it('refuses other control characters and over-long names with the same sentences', () => {
    expect(keyNameProblem('Shop\u0007key')).toBe('controls');
    expect(serverSays('Shop\u0007key').map((message) => message.toLowerCase())).toEqual([
      KEY_NAME_MESSAGES.controls.toLowerCase(),
    ]);
    expect(keyNameProblem('x'.repeat(101))).toBe('tooLong');
    expect(serverSays('x'.repeat(101))).toEqual([KEY_NAME_MESSAGES.tooLong]);
  });

  it('takes an ordinary name, trimmed on the server', () => {
    expect(keyNameProblem('  Checkout server ')).toBeNull();
    expect(renameKeyInput.parse({ name: '  Checkout server ' })).toEqual({ name: 'Checkout server' });
    expect(generateKeyInput.parse({ name: 'Shop', kind: 'CLOUD', usageLabel: 'CLOUD' }).name).toBe('Shop');
  });
});
