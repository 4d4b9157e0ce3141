import { errorText, type LocalizedText } from '@/lib/errors/text/localized-text';
import type { IpProblem } from '@/lib/ip/parse-ip';

/**
 * What is wrong with an IP address (lib/ip's `problem`), as a sentence of the `errors` messages (ip.*): a fragment,
 * "enter an IP address, like 203.0.113.7", that the caller makes a sentence of. Its English is lib/ip's `reason`,
 * word for word (lib/validation/ip-text.test.ts).
 */
export function ipProblemText(problem: IpProblem): LocalizedText {
  const { code, ...values } = problem;
  return errorText(`ip.${code}`, values);
}
