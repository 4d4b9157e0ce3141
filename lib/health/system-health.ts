import 'server-only';
import { getConfig, upstreamBaseUrl } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import { checkHealth } from '@/lib/health/health';
import { pingUpstream } from '@/lib/sendsms/ping';
import { DASHBOARD_VERSION } from '@/lib/version';

/** The running server's health, as /api/health reports it and the overview page shows it. */

const DATABASE_TIMEOUT_MS = 2_000;

export function currentHealth() {
  const upstreamUrl = upstreamBaseUrl(getConfig());
  return checkHealth({
    checkDatabase: () =>
      Promise.race([
        getPrisma().$queryRaw`SELECT 1`.then(() => undefined),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS)),
      ]),
    pingUpstream: () => pingUpstream(upstreamUrl),
    upstreamUrl,
    version: DASHBOARD_VERSION,
  });
}

/** How much the dashboard manages: counts only, nothing secret. */
export async function registryCounts() {
  const prisma = getPrisma();
  const [accounts, keys, users] = await Promise.all([
    prisma.account.count(),
    prisma.apiKey.count({ where: { deletedAt: null } }),
    prisma.user.count({ where: { disabledAt: null } }),
  ]);
  return { accounts, keys, users };
}
