import type { ReactNode } from 'react';

import type { DashboardSection } from './sections';

/** A section's page heading: its title and summary as the sidebar names them, and the section's main action. */
export function SectionHeader({ section, action }: { section: DashboardSection; action?: ReactNode }) {
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
