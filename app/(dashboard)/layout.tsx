import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NuqsAdapter } from 'nuqs/adapters/next/app';

import { SessionExpiryProvider } from '@/components/auth/session-expiry-provider';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { MobileSidebar, Sidebar } from '@/components/shell/sidebar';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { requireSignedIn } from '@/lib/auth/page-guard';
import { ROLE_NAME_KEYS } from '@/components/users/role-names';

// Every dashboard page answers to the signed-in user, read on each request.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const sessionUser = await requireSignedIn();
  const [t, users] = await Promise.all([getTranslations('shell'), getTranslations('users')]);
  const user = {
    name: sessionUser.name,
    email: sessionUser.email,
    role: sessionUser.role,
    roleName: users(ROLE_NAME_KEYS[sessionUser.role]),
  };
  return (
    <SessionExpiryProvider email={sessionUser.email}>
      <div className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded-md bg-blue-600 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-60"
        >
          {t('skipToContent')}
        </a>
        <header className="sticky top-0 z-40 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
          <MobileSidebar user={user} />
          <Link
            href="/"
            className="rounded-md text-base font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400"
          >
            {t('productName')}
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitch signedIn />
            <ThemeToggle />
          </div>
        </header>
        <div className="flex flex-1">
          <Sidebar user={user} />
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 focus:outline-none sm:px-8">
            {/* Lists keep their filters, sort and page in the URL through nuqs. */}
            <NuqsAdapter>{children}</NuqsAdapter>
          </main>
        </div>
      </div>
    </SessionExpiryProvider>
  );
}
