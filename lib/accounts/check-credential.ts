import { RequestRefusedError } from '@/lib/auth/access-denied';
import { isSendsmsError } from '@/lib/sendsms/errors';
import { getSendsmsClient } from '@/lib/sendsms/server-client';

/**
 * Asks sendSMS for the balance with a credential before it is stored: a wrong username, password or key is
 * refused here, with sendSMS's own meaning in English and Romanian, instead of failing later on a key page.
 */
export async function checkAccountCredential(apiBaseUrl: string, username: string, credential: string): Promise<{ balance: number; upstreamStatus: number }> {
  try {
    const result = await getSendsmsClient(apiBaseUrl).call('user_get_balance', { account: { username, credential } });
    return { balance: result.details, upstreamStatus: result.status };
  } catch (error) {
    // By kind, not instanceof: the server's client may have been made by another module copy.
    if (isSendsmsError(error) && error.kind === 'status') {
      throw new RequestRefusedError(422, `sendSMS refused these credentials: ${error.explanation.en}`, {
        upstreamStatus: error.status,
        explanation: error.explanation,
      });
    }
    if (isSendsmsError(error)) {
      throw new RequestRefusedError(502, `sendSMS could not be asked: ${error.explanation.en}`, { explanation: error.explanation });
    }
    throw error;
  }
}
