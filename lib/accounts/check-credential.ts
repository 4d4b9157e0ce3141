import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { errorText } from '@/lib/errors/text/localized-text';
import { appErrorFromUpstream } from '@/lib/errors/upstream-error';
import { isSendsmsError, isUpstreamStatus } from '@/lib/sendsms/errors';
import { STATUS_CODES } from '@/lib/sendsms/status-codes';
import { getSendsmsClient } from '@/lib/sendsms/server-client';
import { credentialsRefused } from '@/lib/errors/refusals';

/**
 * Asks sendSMS for the balance with a credential before it is stored: a wrong username, password or key (-8) is
 * refused here (422), with sendSMS's own meaning (in the reader's language; `explanation` has it in English and
 * Romanian), instead of failing later on a key page.
 * sendSMS being busy, throttled or unreachable says nothing about the credential: that is a 503 (or a 429 with
 * Retry-After), saying that nothing was saved, so the admin tries again rather than doubting what they typed.
 */
export async function checkAccountCredential(
  apiBaseUrl: string,
  username: string,
  credential: string,
): Promise<{ balance: number; upstreamStatus: number }> {
  try {
    const result = await getSendsmsClient(apiBaseUrl).call('user_get_balance', { account: { username, credential } });
    return { balance: result.details, upstreamStatus: result.status };
  } catch (error) {
    if (!isSendsmsError(error)) throw error;
    if (isUpstreamStatus(error, STATUS_CODES.authentication_failed.status)) {
      throw credentialsRefused('accounts.credentialsRefused', {
        values: { meaning: error.text },
        upstreamStatus: error.status,
        field: 'credential',
        details: { explanation: error.explanation },
      });
    }
    const answer = appErrorFromUpstream(error);
    const busy = answer.httpStatus === 429 || answer.httpStatus === 503;
    const sentence = busy ? 'accounts.credentialsUnchecked' : 'accounts.credentialsCheckFailed';
    throw new AppError(answer.code, errorText(sentence, { meaning: error.text }), {
      ...answer.options,
      details: { explanation: error.explanation },
    });
  }
}
