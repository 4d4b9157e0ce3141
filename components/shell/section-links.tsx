'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { cn } from '@/components/ui/cn';
import type { Role } from '@/lib/auth/role-names';
import { sectionsFor } from './sections';

function isActive(pathname: string, href: string): boolean {
  // An account's keys and a key's page (/accounts/…/api-keys/…) belong to API Keys, not to Accounts.
  const path = pathname.replace(/^\/accounts\/[^/]+\/api-keys(?=\/|$)/, '/api-keys');
  // Nested pages (a key's detail, say) keep their section highlighted.
  return path === href || path.startsWith(`${href}/`);
}

/**
 * The sections the signed-in role may open (the permission table decides: a lead sees no Audit, Users or Request
 * Builder), the current one marked: in the sidebar and in the mobile menu.
 */
export function SectionLinks({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useTranslations('shell.sections');
  return (
    <nav aria-label={t('navLabel')}>
      <ul className="grid gap-1">
        {sectionsFor(role).map((section) => {
          const active = isActive(pathname, section.href);
          return (
            <li key={section.id}>
              <Link
                href={section.href}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                className={cn(
                  'flex h-9 items-center rounded-md px-3 text-sm font-medium transition-colors',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400',
                  active
                    ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200'
                    : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
                )}
              >
                {t(`${section.id}.title`)}
                <PendingMark />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * While the page a link leads to is being rendered, a small spinner beside its name: the current page stays where it
 * is (no blank frame, nothing jumps) and the reader still sees that the click was taken.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  const t = useTranslations('shell');
  if (!pending) return null;
  return (
    <span role="status" className="ml-auto inline-flex items-center" data-testid="link-pending">
      <span
        aria-hidden="true"
        className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
      />
      <span className="sr-only">{t('loading')}</span>
    </span>
  );
}
