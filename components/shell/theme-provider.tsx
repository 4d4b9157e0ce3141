'use client';

import type { ReactNode } from 'react';
import { ThemeProvider as NextThemesProvider } from 'next-themes';

/**
 * next-themes with the app's settings: the `dark` class on <html>, following the OS until someone chooses.
 *
 * Its inline script sets the class before the first paint, but only the server-rendered copy ever runs. When the
 * provider renders in the browser, React 19 flags a <script> it will never execute (next-themes issue #385); marking
 * the browser copy as text/plain, a data block, stops that, as Next's "preventing flash before hydration" guide does.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      scriptProps={{ type: typeof window === 'undefined' ? 'text/javascript' : 'text/plain' }}
    >
      {children}
    </NextThemesProvider>
  );
}
