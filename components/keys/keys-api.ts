import type { NewKeyResult } from '@/lib/keys/generate-service';
import type { AuthorizeIpResult } from '@/lib/keys/authorize-ip-service';
import type { DeleteResult } from '@/lib/keys/delete-service';
import type { RefreshReport } from '@/lib/keys/refresh-service';
import type { RenameResult } from '@/lib/keys/rename-service';
import type { KeyListQuery } from '@/lib/keys/list-query';
import { keyListSearchParams } from '@/lib/keys/list-query';
import type { KeyDetailView, KeyListView, KeyRowView } from '@/lib/keys/types';

/**
 * The browser's side of the keys endpoints. A refusal comes back as KeysApiError carrying the server's
 * plain-language message (the contract's meaning when sendSMS said no) and whether a retry may help.
 */

export class KeysApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly retryable: boolean,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'KeysApiError';
  }
}

async function request<T>(path: string, init?: { method: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch {
    throw new KeysApiError(
      'The dashboard could not be reached. Check your connection and try again.',
      0,
      'network',
      true,
      null,
    );
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message : `The request failed (HTTP ${response.status}).`;
    const retryable = typeof body?.retryable === 'boolean' ? body.retryable : response.status >= 500;
    throw new KeysApiError(
      message,
      response.status,
      typeof body?.error === 'string' ? body.error : 'error',
      retryable,
      typeof body?.field === 'string' ? body.field : null,
    );
  }
  return body as T;
}

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/keys`;

export const keysApi = {
  list: (accountId: string, query: KeyListQuery) =>
    request<KeyListView>(`${base(accountId)}?${keyListSearchParams(query).toString()}`),
  detail: (accountId: string, keyId: string) =>
    request<KeyDetailView>(`${base(accountId)}/${encodeURIComponent(keyId)}`),
  generate: (
    accountId: string,
    body: { name: string; kind: KeyRowView['kind']; usageLabel: KeyRowView['usageLabel'] },
  ) => request<NewKeyResult>(base(accountId), { method: 'POST', body }),
  import: (
    accountId: string,
    body: { name: string; kind: KeyRowView['kind']; usageLabel: KeyRowView['usageLabel']; secret: string },
  ) => request<{ key: KeyRowView }>(`${base(accountId)}/import`, { method: 'POST', body }),
  refresh: (accountId: string, keyId?: string) =>
    request<RefreshReport>(`${base(accountId)}/refresh`, { method: 'POST', body: keyId ? { keyId } : {} }),
  rename: (accountId: string, keyId: string, name: string) =>
    request<RenameResult>(`${base(accountId)}/${encodeURIComponent(keyId)}`, { method: 'PATCH', body: { name } }),
  remove: (accountId: string, keyId: string, confirmName: string) =>
    request<DeleteResult>(`${base(accountId)}/${encodeURIComponent(keyId)}`, {
      method: 'DELETE',
      body: { confirmName },
    }),
  authorizeIp: (accountId: string, keyId: string, ip: string, confirmFirstUseLock?: boolean) =>
    request<AuthorizeIpResult>(`${base(accountId)}/${encodeURIComponent(keyId)}/ips`, {
      method: 'POST',
      body: { ip, confirmFirstUseLock },
    }),
};
