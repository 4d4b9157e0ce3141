import { Badge } from '@/components/ui/badge';
import type { FailedRunView } from '@/lib/request-builder/failed-run';

/**
 * A "Test request" the dashboard refused rather than answered (its budget spent, sendSMS unreachable, a role that
 * may not change keys): in the result's place, shaped like a result, with its meaning in English and Romanian.
 */
export function FailedRunPanel({ failed }: { failed: FailedRunView }) {
  return (
    <section
      aria-labelledby="result-title"
      className="grid gap-4 rounded-xl border border-red-200 p-4 dark:border-red-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="result-title" className="text-lg font-semibold">
          Result
        </h2>
        <Badge tone="danger">{failed.label}</Badge>
      </div>
      <div className="grid gap-1">
        <p className="font-medium">{failed.meaning.en}</p>
        <p lang="ro" className="text-sm text-zinc-600 dark:text-zinc-400">
          {failed.meaning.ro}
        </p>
      </div>
    </section>
  );
}
