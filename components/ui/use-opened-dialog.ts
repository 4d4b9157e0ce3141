'use client';

import { useRef, useState } from 'react';

/**
 * A dialog mounted only while open (its code can then load on the first press) by a button that is not its Radix
 * trigger: closing it puts the focus back on that button, as a trigger would.
 */
export function useOpenedDialog<Trigger extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<Trigger>(null);
  return {
    open,
    trigger,
    show: () => setOpen(true),
    close: () => {
      setOpen(false);
      trigger.current?.focus();
    },
  };
}
