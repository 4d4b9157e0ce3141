import Link from 'next/link';

import type { UsageAttentionView } from '@/lib/usage/types';

/** Credential health across the accounts: what a person should act on, each in a sentence with its account. */
export function UsageAttention({ items }: { items: UsageAttentionView[] }) {
  if (items.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="attention-none">
        Nothing needs attention: every stored credential is within its renewal and every collection succeeds.
      </p>
    );
  return (
    <ul className="grid gap-2" data-testid="attention">
      {items.map((item) => (
        <li
          key={`${item.accountId}-${item.kind}`}
          className={
            item.kind === 'usage-not-reported'
              ? 'rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800'
              : 'rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
          }
        >
          <Link href={`/accounts/${item.accountId}/api-keys`} className="font-medium underline">
            {item.accountLabel}
          </Link>
          : {item.message}
        </li>
      ))}
    </ul>
  );
}
