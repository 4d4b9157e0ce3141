'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

import { StrokeIcon } from '@/components/ui/stroke-icon';
import { useOpenedDialog } from '@/components/ui/use-opened-dialog';
import { SectionLinks } from './section-links';
import { SignedInUser, type SignedInUserProps } from './signed-in-user';

const MobileMenu = dynamic(() => import('./mobile-menu').then((module) => module.MobileMenu), { ssr: false });

/** The left column on medium screens and up; below that, `MobileSidebar` takes its place. */
export function Sidebar({ user }: { user: SignedInUserProps }) {
  return (
    <aside className="hidden w-60 shrink-0 border-r border-zinc-200 bg-zinc-50/60 p-3 md:block dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="sticky top-17 grid gap-4">
        <SectionLinks role={user.role} />
        <SignedInUser {...user} />
      </div>
    </aside>
  );
}

/**
 * The menu button on narrow screens. The drawer it opens (mobile-menu.tsx, a modal dialog that traps focus and
 * closes on Escape) is loaded on the first press: a dialog library on every page for a button most screens never
 * show is weight for nothing.
 */
export function MobileSidebar({ user }: { user: SignedInUserProps }) {
  const { open, trigger, show, close } = useOpenedDialog();
  const t = useTranslations('shell.menu');

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-label={t('open')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={show}
        className="inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800 dark:focus-visible:outline-blue-400"
      >
        <StrokeIcon path="M3 5h14M3 10h14M3 15h14" size={20} className="size-5" />
      </button>
      {open ? <MobileMenu user={user} onClose={close} /> : null}
    </>
  );
}
