'use client';

import { useTranslations } from 'next-intl';
import { Dialog as DialogPrimitive } from 'radix-ui';

import { CloseButton } from '@/components/ui/close-button';
import { Dialog, DialogOverlay } from '@/components/ui/dialog';
import { SectionLinks } from './section-links';
import { SignedInUser, type SignedInUserProps } from './signed-in-user';

/** The drawer of MobileSidebar: open while mounted; closing it (Escape, the close button, a link) calls onClose. */
export function MobileMenu({ user, onClose }: { user: SignedInUserProps; onClose: () => void }) {
  const t = useTranslations('shell.menu');
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogPrimitive.Portal>
        <DialogOverlay className="md:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          // Focus goes back to the menu button, which onClose does: the dialog has no trigger of its own.
          onCloseAutoFocus={(event) => event.preventDefault()}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 border-r border-zinc-200 bg-white p-4 shadow-xl focus:outline-none md:hidden dark:border-zinc-800 dark:bg-zinc-950"
        >
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              {t('title')}
            </DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <CloseButton aria-label={t('close')} />
            </DialogPrimitive.Close>
          </div>
          <SectionLinks role={user.role} onNavigate={onClose} />
          <SignedInUser {...user} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </Dialog>
  );
}
