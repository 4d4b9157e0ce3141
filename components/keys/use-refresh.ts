'use client';

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import type { ApiError } from '@/components/api/api-client';
import { toast } from '@/components/ui/toast';
import type { RefreshProgress } from '@/lib/keys/types';
import { keysApi } from './keys-api';
import { keysQueryKeys } from './query-keys';

/**
 * "Refresh": asks the server to refresh from sendSMS now, then reloads whatever of this account is on screen.
 * `progress` is how far the refresh has gone while it runs (null before its first step and after it ends).
 */
export function useRefreshKeys(accountId: string, keyId?: string) {
  const t = useTranslations('keys.freshness');
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<RefreshProgress | null>(null);
  const mutation = useMutation<Awaited<ReturnType<typeof keysApi.refresh>>, ApiError>({
    mutationFn: () => keysApi.refresh(accountId, keyId, setProgress),
    onMutate: () => setProgress(null),
    onSuccess: (report) => {
      if (report.ipsDeferred > 0)
        toast({
          title: t('ipsDeferredTitle'),
          description:
            report.budgetPerMinute === null || report.budgetPerMinute === undefined
              ? t('ipsDeferredNoBudget', { count: report.ipsDeferred })
              : t('ipsDeferred', { count: report.ipsDeferred, budget: report.budgetPerMinute }),
          tone: 'info',
        });
    },
    onSettled: () => {
      setProgress(null);
      return queryClient.invalidateQueries({ queryKey: keysQueryKeys.account(accountId) });
    },
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}
