import { describe, expect, it } from 'vitest';

import { LOCALES } from '@/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { classifyAddress } from '@/lib/ip/address-range';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { ipProblemMessage } from '@/components/keys/ip-problem-text';
import { checkIpParameter } from './ip-messages';

const en = translatorFor('en', 'requestBuilder');
const ro = translatorFor('ro', 'requestBuilder');

/** An input for each refusal lib/ip makes, with the code it refuses it by. */
const REFUSED = [
  ['   ', 'empty'],
  ['1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26', 'tooLong'],
  ['fe80::1%eth0', 'zoneIndex'],
  ['2001:db8::/32', 'range'],
  ['203.0.113.7:8080', 'port'],
  ['example.com', 'notAnAddress'],
  ['1.2.3', 'ipv4Shape'],
  ['010.1.2.3', 'leadingZero'],
  ['300.1.2.3', 'over255'],
  ['2001:db8::zz', 'notIpv6'],
  ['0.0.0.0', 'notAuthorizable'],
  ['255.255.255.255', 'notAuthorizable'],
] as const;

describe('the ipaddr field', () => {
  it.each(REFUSED)('says why %j is refused, in English as lib/ip does and in Romanian', (input, code) => {
    const parsed = parseAuthorizableIp(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.code).toBe(code);
    // The English is lib/ip's own sentence, word for word (the end-to-end tests read it).
    expect(ipProblemMessage(en, parsed.problem)).toBe(parsed.reason);
    const romanian = ipProblemMessage(ro, parsed.problem);
    expect(romanian).not.toBe(parsed.reason);
    expect(romanian).not.toMatch(/[şţ]/);
  });

  it('warns about a private or special address in the reader’s language, naming its block', () => {
    expect(checkIpParameter(en, '10.0.0.5')).toEqual({
      error: null,
      warning:
        'sendSMS sees the public address your integration calls from; 10.0.0.5 is a private address, used only inside a local network (10.0.0.0/8).',
    });
    expect(checkIpParameter(ro, '10.0.0.5').warning).toBe(
      'sendSMS vede adresa publică de la care apelează integrarea dumneavoastră; 10.0.0.5 este o adresă privată, folosită doar într-o rețea locală (10.0.0.0/8).',
    );
    expect(checkIpParameter(ro, '2001:db8::1').warning).toContain('(2001:db8::/32)');
    expect(checkIpParameter(ro, '198.51.100.30').warning).toContain('rezervat documentației');
  });

  it('has nothing to say of an empty field or a public address', () => {
    for (const locale of LOCALES) {
      const t = translatorFor(locale, 'requestBuilder');
      expect(checkIpParameter(t, '')).toEqual({ error: null, warning: null });
      expect(checkIpParameter(t, '8.8.8.8')).toEqual({ error: null, warning: null });
    }
  });

  it('warns of every special range in both languages, naming the address and its block', () => {
    for (const address of [
      '10.0.0.5',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '203.0.113.9',
      '224.0.0.1',
      '240.0.0.1',
      '::1',
      'fe80::1',
      'fc00::1',
      'ff02::1',
      '::ffff:8.8.8.8',
    ]) {
      const parsed = parseAuthorizableIp(address);
      if (!parsed.ok) throw new Error(address);
      const { cidr } = classifyAddress(parsed.address, parsed.version);
      const english = checkIpParameter(en, address).warning;
      expect(english, address).toMatch(/^sendSMS sees the public address/);
      expect(english, address).toContain(`${parsed.address} `);
      expect(english, address).toContain(`(${cidr})`);
      expect(checkIpParameter(ro, address).warning, address).toMatch(/^sendSMS vede adresa publică/);
    }
  });
});
