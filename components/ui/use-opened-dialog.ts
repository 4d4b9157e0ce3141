'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A dialog mounted only while open (its code can then load on the first press) by a button that is not its Radix
 * trigger: closing it puts the focus back on that button, as a trigger would.
 */
export function useOpenedDialog<Trigger extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<Trigger>(null);
  const wasOpen = useRef(false);
  // Once the dialog has unmounted: while it is mounted, its focus trap takes the focus straight back inside it.
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return {
    open,
    trigger,
    show: () => setOpen(true),
    close: () => setOpen(false),
  };
}
