'use client';

import { Dialog } from 'radix-ui';

import { SectionLinks } from './section-links';
import { SignedInUser, type SignedInUserProps } from './signed-in-user';

/** The drawer of MobileSidebar: open while mounted; closing it (Escape, the close button, a link) calls onClose. */
export function MobileMenu({ user, onClose }: { user: SignedInUserProps; onClose: () => void }) {
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/50 motion-safe:data-[state=open]:animate-fade-in md:hidden dark:bg-black/70" />
        <Dialog.Content
          aria-describedby={undefined}
          // Focus goes back to the menu button, which onClose does: the dialog has no trigger of its own.
          onCloseAutoFocus={(event) => event.preventDefault()}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 border-r border-zinc-200 bg-white p-4 shadow-xl focus:outline-none md:hidden dark:border-zinc-800 dark:bg-zinc-950"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Menu</Dialog.Title>
            <Dialog.Close
              aria-label="Close menu"
              className="inline-flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 16 16"
                className="size-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.75"
                strokeLinecap="round"
              >
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </Dialog.Close>
          </div>
          <SectionLinks onNavigate={onClose} />
          <SignedInUser {...user} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
