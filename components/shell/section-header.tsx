import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

import type { DashboardSection } from './sections';

/** A section's page heading: its title and summary as the sidebar names them, and the section's main action. */
export function SectionHeader({ section, action }: { section: DashboardSection; action?: ReactNode }) {
  const t = useTranslations('shell.sections');
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t(`${section.id}.title`)}</h1>
        <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">{t(`${section.id}.summary`)}</p>
      </div>
      {action}
    </div>
  );
}
