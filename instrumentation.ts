/**
 * Next.js calls register() once when a server process starts. The Node.js server settles the changes sent to sendSMS
 * that a previous process left without an outcome (lib/keys/intent-resolver-startup.ts) and starts the usage
 * collector (lib/collection), unless USAGE_COLLECTION=off because it runs apart (`npm run worker`).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { settleLostChangesAtStart } = await import('@/lib/keys/intent-resolver-startup');
  settleLostChangesAtStart();
  const { startServerCollector } = await import('@/lib/collection/server-collector');
  void startServerCollector();
}
