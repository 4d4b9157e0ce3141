import { NextResponse } from 'next/server';
import { currentHealth } from '@/lib/health/system-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { httpStatus, report } = await currentHealth();
  return NextResponse.json(report, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } });
}
