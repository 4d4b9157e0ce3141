import type { useTranslations } from 'next-intl';

import type { IpProblem } from '@/lib/ip/parse-ip';

/**
 * What is wrong with an IP address (lib/ip's `problem`), in the reader's language: the `requestBuilder` messages'
 * ip.*, which say it word for word as lib/ip's English `reason`. Read by the request builder's ipaddr field and by
 * the keys' "Authorize this IP" checks; it lives here, the folder the request builder already reads, so that
 * neither folder reads the other both ways.
 */

export type IpProblemTranslator = ReturnType<typeof useTranslations<'requestBuilder'>>;

/** An example address, as the sentences give one: not a word, kept out of messages. */
const EXAMPLE_IP = '203.0.113.7';

export function ipProblemMessage(t: IpProblemTranslator, problem: IpProblem): string {
  switch (problem.code) {
    case 'notText':
      return t('ip.notText', { example: EXAMPLE_IP });
    case 'empty':
      return t('ip.empty', { example: EXAMPLE_IP });
    case 'ipv4Shape':
      return t('ip.ipv4Shape', { example: EXAMPLE_IP });
    case 'tooLong':
    case 'zoneIndex':
    case 'range':
    case 'port':
      return t(`ip.${problem.code}`);
    case 'notAnAddress':
    case 'notIpv6':
      return t(`ip.${problem.code}`, { text: problem.text });
    case 'leadingZero':
    case 'over255':
      return t(`ip.${problem.code}`, { part: problem.part });
    case 'notAuthorizable':
      return t('ip.notAuthorizable', { address: problem.address, range: problem.range });
  }
}
