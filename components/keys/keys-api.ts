import { api } from '@/components/api/api-client';
import type { NewKeyResult } from '@/lib/keys/generate-service';
import type { AuthorizeIpResult } from '@/lib/keys/authorize-ip-service';
import type { DeleteResult } from '@/lib/keys/delete-service';
import type { RefreshReport } from '@/lib/keys/refresh-service';
import type { RenameResult } from '@/lib/keys/rename-service';
import type { KeyListQuery } from '@/lib/keys/list-query';
import { keyListSearchParams } from '@/lib/keys/list-query';
import type { KeyDetailView, KeyListView, KeyRowView, RefreshProgress } from '@/lib/keys/types';

/**
 * The keys endpoints, typed, through the one API client: a refusal is an ApiError with the server's sentence (the
 * contract's meaning when sendSMS said no), its field errors, and whether a retry may help.
 */

const base = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/keys`;

export const keysApi = {
  list: (accountId: string, query: KeyListQuery) =>
    api.get<KeyListView>(`${base(accountId)}?${keyListSearchParams(query).toString()}`),
  detail: (accountId: string, keyId: string) =>
    api.get<KeyDetailView>(`${base(accountId)}/${encodeURIComponent(keyId)}`),
  generate: (
    accountId: string,
    body: { name: string; kind: KeyRowView['kind']; usageLabel: KeyRowView['usageLabel'] },
  ) => api.post<NewKeyResult>(base(accountId), body),
  import: (
    accountId: string,
    body: { name: string; kind: KeyRowView['kind']; usageLabel: KeyRowView['usageLabel']; secret: string },
  ) => api.post<{ key: KeyRowView }>(`${base(accountId)}/import`, body),
  /** Says how far it has gone while it runs (the usage, then each IP list) through `onProgress`. */
  refresh: (accountId: string, keyId: string | undefined, onProgress: (progress: RefreshProgress) => void) =>
    api.postWithProgress<RefreshReport, RefreshProgress>(
      `${base(accountId)}/refresh`,
      keyId ? { keyId } : {},
      onProgress,
    ),
  rename: (accountId: string, keyId: string, name: string) =>
    api.patch<RenameResult>(`${base(accountId)}/${encodeURIComponent(keyId)}`, { name }),
  remove: (accountId: string, keyId: string, confirmName: string) =>
    api.delete<DeleteResult>(`${base(accountId)}/${encodeURIComponent(keyId)}`, { confirmName }),
  authorizeIp: (accountId: string, keyId: string, ip: string, confirmFirstUseLock?: boolean) =>
    api.post<AuthorizeIpResult>(`${base(accountId)}/${encodeURIComponent(keyId)}/ips`, { ip, confirmFirstUseLock }),
};
