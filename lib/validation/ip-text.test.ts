import { describe, expect, it } from 'vitest';
import { asSentenceText, say } from '@/lib/errors/text/localized-text';
import { parseAuthorizableIp } from '@/lib/ip/authorizable-ip';
import { ipProblemText } from '@/lib/validation/ip-text';

const REFUSED = [
  '',
  '256.1.1.1',
  '1.2.3',
  '010.0.0.1',
  '203.0.113.7:8080',
  '203.0.113.0/24',
  'fe80::1%eth0',
  '2001:db8::g',
  'localhost',
  'x'.repeat(100),
  '0.0.0.0',
  '255.255.255.255',
  '::',
  '::ffff:0.0.0.0',
];

describe('ipProblemText', () => {
  it.each(REFUSED)('says %j in English as lib/ip says it, and in Romanian', (input) => {
    const parsed = parseAuthorizableIp(input);
    if (parsed.ok) throw new Error(`${input} was accepted`);
    const text = ipProblemText(parsed.problem);
    expect(say(text, 'en')).toBe(parsed.reason);
    const romanian = say(asSentenceText(text), 'ro');
    expect(romanian).not.toBe(say(asSentenceText(text), 'en'));
    expect(romanian).toMatch(/^[A-ZĂÂÎȘȚ„0-9:]/);
  });

  it('names what was typed in Romanian too', () => {
    const parsed = parseAuthorizableIp('256.1.1.1');
    expect(!parsed.ok && say(asSentenceText(ipProblemText(parsed.problem)), 'ro')).toBe(
      '„256” este mai mare decât 255, cel mai mare număr dintr-o adresă IPv4',
    );
  });
});
