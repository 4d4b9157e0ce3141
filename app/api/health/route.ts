import { NextResponse } from 'next/server';
import { getConfig, upstreamBaseUrl } from '@/lib/config';
import { getPrisma } from '@/lib/db/client';
import { checkHealth } from '@/lib/health';
import { pingUpstream } from '@/lib/sendsms/ping';
import { DASHBOARD_VERSION } from '@/lib/version';

export const dynamic = 'force-dynamic';

const DATABASE_TIMEOUT_MS = 2_000;

export async function GET() {
  const upstreamUrl = upstreamBaseUrl(getConfig());
  const { httpStatus, report } = await checkHealth({
    checkDatabase: () =>
      Promise.race([
        getPrisma().$queryRaw`SELECT 1`.then(() => undefined),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS)),
      ]),
    pingUpstream: () => pingUpstream(upstreamUrl),
    upstreamUrl,
    version: DASHBOARD_VERSION,
  });
  return NextResponse.json(report, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } });
}
