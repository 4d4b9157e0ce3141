import { getTranslations } from 'next-intl/server';

import { Badge } from '@/components/ui/badge';
import { currentHealth, registryCounts } from '@/lib/health/system-health';

/**
 * What this installation is connected to and how much it manages, read live on every visit: the first thing a
 * newcomer checks after `npm start`, and the same facts /api/health gives a monitor. Why sendSMS does not answer is
 * the client's technical reason (a timeout, a refused connection), shown as it is.
 */
export async function SystemStatus() {
  const [{ report }, t] = await Promise.all([currentHealth(), getTranslations('overview.systemStatus')]);
  const counts = report.db === 'ok' ? await registryCounts() : null;
  return (
    <section aria-labelledby="system-status-title" className="grid gap-3">
      <h2 id="system-status-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <dl className="grid gap-3 rounded-xl border border-zinc-200 p-4 text-sm sm:grid-cols-2 dark:border-zinc-800">
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">{t('database')}</dt>
          <dd>
            {report.db === 'ok' ? (
              <Badge tone="success">{t('connected')}</Badge>
            ) : (
              <Badge tone="danger">{t('unreachable')}</Badge>
            )}
          </dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">{t('upstream')}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {report.upstream.state === 'ok' ? (
              <Badge tone="success">{t('answering', { latency: report.upstream.latencyMs })}</Badge>
            ) : (
              <Badge tone="warning">{t('notAnswering', { reason: report.upstream.reason })}</Badge>
            )}
            <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{report.upstream.url}</code>
          </dd>
        </div>
        {counts && (
          <div className="grid gap-1 sm:col-span-2">
            <dt className="text-zinc-600 dark:text-zinc-400">{t('managed')}</dt>
            <dd>{t('counts', counts)}</dd>
          </div>
        )}
        <div className="grid gap-1">
          <dt className="text-zinc-600 dark:text-zinc-400">{t('version')}</dt>
          <dd className="font-mono text-xs">{report.version}</dd>
        </div>
      </dl>
    </section>
  );
}
