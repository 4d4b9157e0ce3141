'use client';

import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';

import { cn } from '@/components/ui/cn';

type ThemeChoice = 'light' | 'dark' | 'system';

const choices: readonly { value: ThemeChoice; icon: ReactNode }[] = [
  {
    value: 'light',
    icon: (
      <>
        <circle cx="10" cy="10" r="3.25" />
        <path d="M10 2.5v1.5M10 16v1.5M2.5 10H4M16 10h1.5M4.7 4.7l1.06 1.06M14.24 14.24l1.06 1.06M4.7 15.3l1.06-1.06M14.24 5.76l1.06-1.06" />
      </>
    ),
  },
  { value: 'dark', icon: <path d="M16 12.5A6.5 6.5 0 0 1 7.5 4a6.5 6.5 0 1 0 8.5 8.5Z" /> },
  {
    value: 'system',
    icon: (
      <>
        <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
        <path d="M7 16.5h6M10 13.5v3" />
      </>
    ),
  },
];

function isThemeChoice(value: string | undefined): value is ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'system';
}

const noop = () => () => {};

/**
 * Light, dark or follow the system: a labelled group of native radio buttons, so the browser itself moves between
 * the three with the arrow keys (choosing as it goes, as radio buttons do) and Space picks one; no script library
 * is needed for it.
 */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const t = useTranslations('shell.theme');
  // The stored choice is only known in the browser; until hydration nothing is shown as selected, so the server HTML
  // and the first client render agree.
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const selected = hydrated && isThemeChoice(theme) ? theme : '';

  return (
    <div
      role="radiogroup"
      aria-label={t('label')}
      className="inline-flex items-center gap-0.5 rounded-lg border border-zinc-200 bg-zinc-50 p-0.5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {choices.map((choice) => (
        <label
          key={choice.value}
          title={t(choice.value)}
          className={cn(
            'relative inline-flex size-7 cursor-pointer items-center justify-center rounded-md text-zinc-500 transition-colors',
            'hover:text-zinc-900 has-focus-visible:outline-2 has-focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:text-zinc-100 dark:has-focus-visible:outline-blue-400',
            'has-checked:bg-white has-checked:text-zinc-900 has-checked:shadow-sm dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-50',
          )}
        >
          <input
            type="radio"
            name="theme"
            value={choice.value}
            aria-label={t(choice.value)}
            checked={selected === choice.value}
            onChange={() => setTheme(choice.value)}
            // Invisible, over the whole button: the pointer lands on the radio itself, the label draws it.
            className="absolute inset-0 cursor-pointer appearance-none rounded-md focus:outline-none"
          />
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="pointer-events-none size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {choice.icon}
          </svg>
        </label>
      ))}
    </div>
  );
}
