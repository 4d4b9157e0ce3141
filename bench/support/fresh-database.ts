import path from 'node:path';
import pg from 'pg';
import type { createLogger } from '@/lib/log';
import { startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';
import { freePort } from '@/lib/runtime/ports';

/**
 * A benchmark's database of its own, empty: `name` dropped and made again each run, on the server DATABASE_URL
 * names, else on an embedded PostgreSQL under DATA_DIR/<name with dashes>.
 */
export async function freshDatabase(
  name: string,
  databaseUrl: string | null | undefined,
  dataDir: string,
  log: ReturnType<typeof createLogger>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  let adminUrl: string;
  let stop = async () => undefined as void;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, name.replace(/_/g, '-')),
      port: await freePort(),
      log,
      databaseName: `sendsms_${name}_admin`,
    });
    adminUrl = embedded.adminUrl;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop };
}
