import type { ReactNode } from 'react';

import { KeysQueryProvider } from '@/components/keys/query-provider';

/** An account's pages share one client cache (TanStack Query), keyed by components/keys/query-keys.ts. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <KeysQueryProvider>{children}</KeysQueryProvider>;
}
