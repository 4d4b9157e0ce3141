import type { KeyListQuery } from '@/lib/keys/list-query';

/** The one query-key factory for the keys pages: every cache entry and every invalidation goes through it. */
export const keysQueryKeys = {
  all: ['keys'] as const,
  account: (accountId: string) => [...keysQueryKeys.all, accountId] as const,
  lists: (accountId: string) => [...keysQueryKeys.account(accountId), 'list'] as const,
  list: (accountId: string, query: KeyListQuery) => [...keysQueryKeys.lists(accountId), query] as const,
  detail: (accountId: string, keyId: string) => [...keysQueryKeys.account(accountId), 'detail', keyId] as const,
};
