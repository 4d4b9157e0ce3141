import { CopyButton } from '@/components/keys/copy-button';
import { Badge } from '@/components/ui/badge';
import type { BuilderRunResult } from '@/lib/request-builder/run-request';

/** The result's badge: its status, or why there is none. */
export function resultBadge(result: BuilderRunResult): string {
  if (result.outcome === 'unknown') return 'outcome unknown, checking';
  return result.status === null ? 'no answer' : `status ${result.status}`;
}

/**
 * What "Test request" got back, as the hub shows it on the page at once: the status and what it means (English,
 * then Romanian), sendSMS's own message, the details, how long it took, and the request itself as a URL and a curl
 * line, secrets replaced by placeholders (so copying them copies no secret).
 */
export function ResultPanel({ result }: { result: BuilderRunResult }) {
  return (
    <section
      aria-labelledby="result-title"
      className="grid gap-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="result-title" className="text-lg font-semibold">
          Result
        </h2>
        {result.outcome === 'unknown' ? (
          // The change may have happened: not a failure, and not shown as one.
          <Badge tone="info">{resultBadge(result)}</Badge>
        ) : (
          <Badge tone={result.ok ? 'success' : 'danger'}>{resultBadge(result)}</Badge>
        )}
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{result.durationMs} ms</span>
      </div>
      <div className="grid gap-1">
        <p className="font-medium">{result.meaning.en}</p>
        <p lang="ro" className="text-sm text-zinc-600 dark:text-zinc-400">
          {result.meaning.ro}
        </p>
      </div>
      <dl className="grid gap-3 text-sm">
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">Message</dt>
          <dd>{result.message || <span className="text-zinc-500 dark:text-zinc-400">(none)</span>}</dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">Details</dt>
          <dd>
            {/* Scrolls when long: a keyboard can reach and scroll it too. */}
            <pre
              role="region"
              aria-label="Details"
              tabIndex={0}
              className="max-h-80 overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-blue-600 dark:bg-zinc-900 dark:focus-visible:outline-blue-400"
            >
              {JSON.stringify(result.details, null, 2)}
            </pre>
          </dd>
        </div>
        {result.lockedIps ? (
          <div className="grid gap-1">
            <dt className="text-zinc-600 dark:text-zinc-400">Locked On IP, as the dashboard now holds it</dt>
            <dd className="font-mono text-xs">{result.lockedIps.map((ip) => ip.address).join(', ') || '(none)'}</dd>
          </div>
        ) : null}
        <div className="grid gap-1">
          <dt className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
            Request URL <CopyButton text={result.preview.url} label="Copy the request URL (secrets masked)" />
          </dt>
          <dd>
            <code className="block overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs break-all dark:bg-zinc-900">
              {result.preview.url}
            </code>
          </dd>
        </div>
        <div className="grid gap-1">
          <dt className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
            curl <CopyButton text={result.preview.curl} label="Copy the curl command (secrets masked)" />
          </dt>
          <dd>
            <code className="block overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs break-all dark:bg-zinc-900">
              {result.preview.curl}
            </code>
          </dd>
        </div>
      </dl>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        The password and the key are shown as placeholders: put your own in their place to send this request yourself.
      </p>
    </section>
  );
}
