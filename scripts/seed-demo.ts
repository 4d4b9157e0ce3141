/**
 * `npm run seed:demo`: writes the demo users, sendSMS accounts and keys into the database DATABASE_URL names (the
 * embedded default seeds itself on `npm start`; an external database gets the demo only when asked). Idempotent.
 * Uses the same encryption key as the server (CREDENTIALS_ENCRYPTION_KEY or the one kept in DATA_DIR), so that the
 * server can read what this writes.
 */
import { parseConfig, upstreamBaseUrl } from '@/lib/config';
import { createPrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { createLogger, describeError } from '@/lib/log';
import { resolveSecrets } from '@/lib/runtime/prepare';

const log = createLogger('seed:demo');

async function main() {
  const config = parseConfig(process.env);
  if (!config.databaseUrl) {
    throw new Error('DATABASE_URL is not set: the embedded default seeds the demo on `npm start` by itself');
  }
  const { encryptionKey } = resolveSecrets(config, log);
  await applyMigrations(config.databaseUrl, { log });
  const prisma = createPrismaClient(config.databaseUrl);
  try {
    const report = await seedDemo(prisma, { apiBaseUrl: upstreamBaseUrl(config), encryptionKey });
    log.info(
      `demo data: ${report.usersCreated} users, ${report.accountsCreated} accounts, ${report.keysCreated} keys created (existing ones left as they were)`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  log.error(`seed:demo failed: ${describeError(error)}`);
  process.exit(1);
});
