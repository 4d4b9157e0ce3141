'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiError } from '@/components/api/api-client';
import { toast } from '@/components/ui/toast';
import { keysApi } from './keys-api';
import { keysQueryKeys } from './query-keys';

/** "Refresh": asks the server to refresh from sendSMS now, then reloads whatever of this account is on screen. */
export function useRefreshKeys(accountId: string, keyId?: string) {
  const queryClient = useQueryClient();
  return useMutation<Awaited<ReturnType<typeof keysApi.refresh>>, ApiError>({
    mutationFn: () => keysApi.refresh(accountId, keyId),
    onSuccess: (report) => {
      if (report.ipsDeferred > 0)
        toast({
          title: 'Some IP lists wait for the next refresh',
          description: `${report.ipsDeferred} within sendSMS's limit of ${report.budgetPerMinute ?? 'its'} queries a minute.`,
          tone: 'info',
        });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) }),
  });
}
