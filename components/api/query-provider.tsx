'use client';

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';

import { setClientWords } from './api-client';

/**
 * One QueryClient per browser tab, for every page: queries (server data arrives as initialData, so nothing refetches
 * on mount) and every form's useMutation. No automatic retries: the API client already waits out an expired session,
 * and a refusal is shown, not repeated. It also hands the API client the words it says itself (the dashboard could
 * not be reached…) in the reader's language, before any request of the page is sent.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const t = useTranslations('status.answer');
  // Set as it renders, before any child's effect can send a request; in the browser only, where the API client
  // runs (on the server the module is shared by every request, whatever its language).
  if (typeof window !== 'undefined')
    setClientWords({
      unreachable: t('unreachable'),
      failed: (status) => t('failed', { status }),
      unexpected: t('unexpected'),
    });
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 15_000, refetchOnWindowFocus: false, retry: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
