import 'server-only';
import { serverKeyDeps } from '@/lib/keys/deps';
import { OPEN_GRACE_MS, resolveOpenIntents } from '@/lib/keys/intent-resolver';
import { createLogger } from '@/lib/log';

/**
 * At server start (instrumentation.ts), settles the changes sent to sendSMS that a previous process left open:
 * once at once, for those left long ago, and once more when the grace for calls still in flight has passed, for
 * those left just before a crash. Never delays start-up, never stops it: a failure is logged and the next run
 * (an account refresh, the job queue) tries again.
 */
export function settleLostChangesAtStart(): void {
  const log = createLogger('intents');
  const run = async () => {
    try {
      const report = await resolveOpenIntents(serverKeyDeps());
      if (report.claimed > 0) {
        log.info(
          `changes sent to sendSMS with no recorded outcome: ${report.succeeded} happened, ${report.failed} did not, ${report.deferred} still unknown`,
        );
      }
    } catch (error) {
      log.warn(
        `could not settle the changes sent to sendSMS with no recorded outcome: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  setTimeout(() => void run(), 1_000).unref();
  setTimeout(() => void run(), OPEN_GRACE_MS + 5_000).unref();
}
