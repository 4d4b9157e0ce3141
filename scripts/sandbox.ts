/**
 * `npm run sandbox`: the sendSMS sandbox alone, in the foreground, on SANDBOX_PORT (default 4010), loopback only
 * unless `--host <address>` says otherwise. Its state lives in DATABASE_URL, or, without it, in the embedded
 * PostgreSQL under DATA_DIR (the same one `npm start` uses, so the two cannot run from one folder at once).
 */
import path from 'node:path';
import { parseConfig, sendsmsBudgetLimits } from '@/lib/config';
import { startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';
import { DEMO_ACCOUNTS } from '@/lib/demo/fixtures';
import { createLogger, describeError } from '@/lib/log';
import { startSandbox } from '@/lib/sendsms/sandbox/server';

const log = createLogger('sandbox');
const stops: Array<() => Promise<void>> = [];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const config = parseConfig(process.env, path.resolve(__dirname, '..'));
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    const database = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, log });
    stops.unshift(database.stop);
    databaseUrl = database.url;
  }
  const host = option('--host') ?? '127.0.0.1';
  const sandbox = await startSandbox({
    budget: sendsmsBudgetLimits(config),
    databaseUrl,
    host,
    port: config.sandboxPort,
    log,
  });
  stops.unshift(sandbox.stop);
  const accounts = DEMO_ACCOUNTS.map(
    (account) =>
      `${account.username} / ${account.credentialKind === 'PASSWORD' ? account.credential : '(its API key)'}`,
  );
  process.stdout.write(
    `\n  sendSMS sandbox listening on ${sandbox.url}\n  demo accounts: ${accounts.join(', ')}\n  Ctrl-C stops it.\n\n`,
  );
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const stop of stops) await stop().catch((error) => log.warn(`while stopping: ${describeError(error)}`));
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error) => {
  log.error('the sandbox could not start', error);
  void shutdown(1);
});
