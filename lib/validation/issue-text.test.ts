import { describe, expect, it } from 'vitest';
import { invalidRequest } from '@/lib/errors/refusals';
import { appErrorBody } from '@/lib/errors/app-error';
import { newAccountSchema } from '@/lib/accounts/account-input';
import { keySearchSchema } from '@/lib/key-search/search-query';
import { authorizeIpInput, generateKeyInput } from '@/lib/keys/inputs';
import { newUserSchema } from '@/lib/users/user-input';
import { calendarDate } from '@/lib/validation/calendar-date';
import { idOf } from '@/lib/validation/text';

/** The schemas' sentences: English on the issue as before, and the same in Romanian when the refusal is answered. */

function answered(result: { success: boolean; error?: { issues: unknown[] } }, locale: 'en' | 'ro') {
  expect(result.success).toBe(false);
  const body = appErrorBody(invalidRequest(result.error!.issues as Parameters<typeof invalidRequest>[0]), locale);
  return body.issues!.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('schema sentences', () => {
  it('keep their English on the issue itself', () => {
    expect(newUserSchema.safeParse({ name: ' ', email: 'x', role: 'LEAD' }).error?.issues[0]?.message).toBe(
      'Enter a name',
    );
    expect(keySearchSchema.safeParse({ q: 'ab' }).error?.issues[0]?.message).toMatch(/^Type at least 3 characters/);
  });

  it('are answered in Romanian to a Romanian reader', () => {
    expect(answered(newUserSchema.safeParse({ name: ' ', email: 'x', role: 'LEAD', password: 'short' }), 'ro')).toEqual(
      [
        'name: Introduceți un nume',
        'email: Introduceți o adresă de e-mail',
        'password: Folosiți cel puțin 12 caractere',
      ],
    );
    expect(answered(generateKeyInput.safeParse({ name: '  ', kind: 'CLOUD', usageLabel: 'CLOUD' }), 'ro')).toEqual([
      'name: Dați cheii un nume',
    ]);
    expect(answered(authorizeIpInput.safeParse({ ip: '1.2.3' }), 'ro')).toEqual([
      'ip: O adresă IPv4 are patru numere separate prin puncte, de exemplu 203.0.113.7',
    ]);
    expect(answered(authorizeIpInput.safeParse({ ip: '1.2.3' }), 'en')).toEqual([
      'ip: An IPv4 address has four numbers separated by dots, like 203.0.113.7',
    ]);
    expect(answered(keySearchSchema.safeParse({ q: 'x'.repeat(201) }), 'ro')).toEqual([
      'q: O căutare are cel mult 200 de caractere: ultimele caractere ale cheii, un nume, o adresă IP sau un nume de utilizator.',
    ]);
    expect(
      answered(
        newAccountSchema.safeParse({
          credential: '',
          credentialKind: 'PASSWORD',
          label: 'x',
          username: 'u',
          apiBaseUrl: 'ftp://x',
        }),
        'ro',
      ),
    ).toEqual([
      'credential: Introduceți parola sau cheia API',
      'apiBaseUrl: Adresa trebuie să înceapă cu http:// sau https://',
    ]);
    expect(answered(calendarDate.safeParse('2026-02-30'), 'ro')).toEqual([
      ': Nu este o zi din calendar (verificați luna și ziua)',
    ]);
    expect(answered(idOf('an account').safeParse('a b'), 'ro')).toEqual([': Acesta nu este un id de cont.']);
    expect(answered(idOf('an account').safeParse('a b'), 'en')).toEqual([': That is not an account id.']);
  });

  it('say zod’s own defaults in Romanian too, numbers written the Romanian way', () => {
    expect(
      answered(generateKeyInput.safeParse({ name: 'Shop', kind: 'X', usageLabel: 'CLOUD', extra: 1 }), 'ro'),
    ).toEqual(['kind: Alegeți una dintre: DEFAULT, CLOUD.', ': Acest request nu acceptă "extra".']);
  });
});
