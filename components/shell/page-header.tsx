import type { ReactNode } from 'react';

import type { DashboardSection } from './sections';

/** A section page's title and summary (from sections.ts), with the page's main action, if any, beside them. */
export function PageHeader({ section, action }: { section: DashboardSection; action?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{section.title}</h1>
        <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{section.summary}</p>
      </div>
      {action}
    </div>
  );
}
