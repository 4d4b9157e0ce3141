import 'server-only';
import type { ListedKey } from '@/lib/sendsms/actions';
import type { Capabilities } from '@/lib/sendsms/capabilities';
import type { AccountRef, SendsmsClient } from '@/lib/sendsms/client';
import { sendsmsErrorOf } from '@/lib/sendsms/errors';
import type { KeyKind } from '@/lib/generated/prisma/enums';

/**
 * The key operations the API-keys page needs, each with the contract's fallback for when the account lacks the
 * assumed action (an answer of -2, recorded by the client so later calls skip straight to the fallback):
 *   no token_generate: the documented three-step flow (authorize an application, allow it from the account, fetch
 *                      its key); the kind the user chose is then only a label, "set on the hub";
 *   no token_list:     the dashboard's own registry is the list; usage is "not reported by the API";
 *   no token_delete:   the key leaves the registry and the page sends the user to the hub to revoke it.
 */

export const HUB_API_KEYS_URL = 'https://hub.sendsms.ro/';

export interface GeneratedKey {
  secret: string;
  name: string;
  kind: KeyKind;
  /** True when sendSMS could not be told the kind (three-step flow): the user must set it on the hub. */
  kindSetOnHub: boolean;
  via: 'token_generate' | 'authorize_application';
}

export async function generateKey(
  client: SendsmsClient,
  account: AccountRef,
  request: { name: string; kind: KeyKind },
): Promise<GeneratedKey> {
  try {
    const generated = await client.call('token_generate', {
      account,
      params: { name: request.name, type: request.kind === 'DEFAULT' ? 'default' : 'cloud' },
    });
    return {
      secret: generated.details.secret,
      name: request.name,
      kind: generated.details.kind ?? request.kind,
      kindSetOnHub: false,
      via: 'token_generate',
    };
  } catch (error) {
    if (!sendsmsErrorOf(error, 'unsupported')) throw error;
  }
  const authorization = await client.call('user_authorize_application', { params: { application_name: request.name } });
  const requestKey = authorization.details.request_key;
  await client.call('user_allow_token_request', { account, params: { request_key: requestKey } });
  const issued = await client.call('user_get_api_key', { params: { request_key: requestKey } });
  return {
    secret: issued.details.key,
    name: request.name,
    kind: request.kind,
    kindSetOnHub: true,
    via: 'authorize_application',
  };
}

export type KeyListing = { reported: true; keys: ListedKey[] } | { reported: false };

export async function listKeys(client: SendsmsClient, account: AccountRef): Promise<KeyListing> {
  try {
    return { reported: true, keys: (await client.call('token_list', { account })).details };
  } catch (error) {
    if (sendsmsErrorOf(error, 'unsupported')) return { reported: false };
    throw error;
  }
}

export type KeyDeletion = { revokedUpstream: true } | { revokedUpstream: false; revokeAt: string };

export async function deleteKey(client: SendsmsClient, account: AccountRef, secret: string): Promise<KeyDeletion> {
  try {
    await client.call('token_delete', { account, params: { token: secret } });
    return { revokedUpstream: true };
  } catch (error) {
    if (sendsmsErrorOf(error, 'unsupported')) return { revokedUpstream: false, revokeAt: HUB_API_KEYS_URL };
    throw error;
  }
}

/**
 * Probes what can be probed without side effects: token_list (a read). token_generate and token_delete are
 * learned on first use instead: a probe of either could create or remove a key on an API whose rules we guess.
 */
export async function probeCapabilities(client: SendsmsClient, account: AccountRef): Promise<Capabilities> {
  await listKeys(client, account);
  return client.capabilities.get({ apiBaseUrl: client.baseUrl, username: account.username });
}
