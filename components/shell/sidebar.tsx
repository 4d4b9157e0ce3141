'use client';

import { useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Dialog } from 'radix-ui';

import { cn } from '@/components/ui/cn';
import { orderedSections } from './sections';
import { SignedInUser, type SignedInUserProps } from './signed-in-user';

function isActive(pathname: string, href: string): boolean {
  // Nested pages (a key's detail, say) keep their section highlighted.
  return pathname === href || pathname.startsWith(`${href}/`);
}

function SectionLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections">
      <ul className="grid gap-1">
        {orderedSections.map((section) => {
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
                {section.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The left column on medium screens and up; below that, `MobileSidebar` takes its place. */
export function Sidebar({ user }: { user: SignedInUserProps }) {
  return (
    <aside className="hidden w-60 shrink-0 border-r border-zinc-200 bg-zinc-50/60 p-3 md:block dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="sticky top-17 grid gap-4">
        <SectionLinks />
        <SignedInUser {...user} />
      </div>
    </aside>
  );
}

/** The menu button and the drawer it opens on narrow screens. A modal dialog traps focus and closes on Escape. */
export function MobileSidebar({ user }: { user: SignedInUserProps }) {
  const [open, setOpen] = useState(false);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        aria-label="Open menu"
        className="inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800 dark:focus-visible:outline-blue-400"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
          <path d="M3 5h14M3 10h14M3 15h14" />
        </svg>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/50 motion-safe:data-[state=open]:animate-fade-in md:hidden dark:bg-black/70" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 border-r border-zinc-200 bg-white p-4 shadow-xl focus:outline-none md:hidden dark:border-zinc-800 dark:bg-zinc-950"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Menu</Dialog.Title>
            <Dialog.Close
              aria-label="Close menu"
              className="inline-flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </Dialog.Close>
          </div>
          <SectionLinks onNavigate={() => setOpen(false)} />
          <SignedInUser {...user} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
