import type { UpstreamProbe } from '@/lib/sendsms/ping';

/**
 * What /api/health reports. The database decides the HTTP status: without it the dashboard cannot serve, so
 * it answers 503. sendSMS being down is reported but answers 200 ("degraded"): the dashboard keeps serving the
 * last known state from Postgres then, and a load balancer must not take it away for a fault it cannot mend.
 */

export type DatabaseState = 'ok' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  db: DatabaseState;
  upstream: UpstreamProbe & { url: string };
  version: string;
  /** What is down, by name: empty when all is well. */
  down: Array<'db' | 'upstream'>;
}

export interface HealthChecks {
  checkDatabase(): Promise<void>;
  pingUpstream(): Promise<UpstreamProbe>;
  upstreamUrl: string;
  version: string;
}

export async function checkHealth(checks: HealthChecks): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  const [database, upstream] = await Promise.all([
    checks.checkDatabase().then(
      (): DatabaseState => 'ok',
      (): DatabaseState => 'down',
    ),
    checks.pingUpstream(),
  ]);
  const down: HealthReport['down'] = [];
  if (database === 'down') down.push('db');
  if (upstream.state === 'down') down.push('upstream');
  const status = database === 'down' ? 'down' : upstream.state === 'down' ? 'degraded' : 'ok';
  return {
    httpStatus: database === 'down' ? 503 : 200,
    report: { status, db: database, upstream: { ...upstream, url: checks.upstreamUrl }, version: checks.version, down },
  };
}
