import { Badge } from '@/components/ui/badge';
import { currentHealth, registryCounts } from '@/lib/health/system-health';

/**
 * What this installation is connected to and how much it manages, read live on every visit: the first thing a
 * newcomer checks after `npm start`, and the same facts /api/health gives a monitor.
 */
export async function SystemStatus() {
  const { report } = await currentHealth();
  const counts = report.db === 'ok' ? await registryCounts() : null;
  return (
    <section aria-labelledby="system-status-title" className="grid gap-3">
      <h2 id="system-status-title" className="text-lg font-semibold">
        System status
      </h2>
      <dl className="grid gap-3 rounded-xl border border-zinc-200 p-4 text-sm sm:grid-cols-2 dark:border-zinc-800">
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">Database</dt>
          <dd>
            {report.db === 'ok' ? <Badge tone="success">connected</Badge> : <Badge tone="danger">unreachable</Badge>}
          </dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">sendSMS API</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {report.upstream.state === 'ok' ? (
              <Badge tone="success">answering ({report.upstream.latencyMs} ms)</Badge>
            ) : (
              <Badge tone="warning">not answering: {report.upstream.reason}</Badge>
            )}
            <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{report.upstream.url}</code>
          </dd>
        </div>
        {counts && (
          <div className="grid gap-1 sm:col-span-2">
            <dt className="text-zinc-600 dark:text-zinc-400">Managed here</dt>
            <dd>
              {plural(counts.accounts, 'sendSMS account')}, {plural(counts.keys, 'API key')},{' '}
              {plural(counts.users, 'user')}
            </dd>
          </div>
        )}
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">Version</dt>
          <dd className="font-mono text-xs">{report.version}</dd>
        </div>
      </dl>
    </section>
  );
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
