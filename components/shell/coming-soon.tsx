import { Badge } from '@/components/ui/badge';
import type { DashboardSection } from './sections';

/** The honest empty state of a section that is not built yet: what it will do, and no made-up data. */
export function ComingSoon({ section }: { section: DashboardSection }) {
  return (
    <section aria-labelledby="section-title" className="grid max-w-2xl gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="section-title" className="text-2xl font-semibold tracking-tight">
          {section.title}
        </h1>
        <Badge tone="info">Not built yet</Badge>
      </div>
      <p className="text-zinc-700 dark:text-zinc-300">{section.summary}</p>
      <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        This section is not built yet, so there is nothing to show here.
      </p>
    </section>
  );
}
