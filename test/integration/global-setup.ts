import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/runtime/embedded-postgres';
import { applyMigrations } from '@/lib/db/migrate';
import { createLogger } from '@/lib/log';
import { freePort } from '@/lib/runtime/ports';
import { adminQuery, withDatabase } from '@/test/integration/support/server';

/**
 * One PostgreSQL server for the integration run: the server DATABASE_URL names when it is set, else the embedded
 * one under .data/test (on a free port, so a running dashboard is never disturbed). Tests get a database of
 * their own on it, created here and migrated with the project's own runner, and dropped at the end.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database the tests share. */
    databaseUrl: string;
    /** The server's maintenance database, for tests that need scratch databases of their own. */
    adminUrl: string;
  }
}

const log = createLogger('test-db');

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(__dirname, '../../.data/test'),
      port: await freePort(),
      log,
    });
    adminUrl = embedded.adminUrl;
  }

  const databaseName = `sendsms_test_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(databaseName)}`);
  const databaseUrl = withDatabase(adminUrl, databaseName);
  await applyMigrations(databaseUrl);

  project.provide('databaseUrl', databaseUrl);
  project.provide('adminUrl', adminUrl);

  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`).catch(
      (error) => log.warn(`could not drop ${databaseName}: ${String(error)}`),
    );
    await embedded?.stop();
  };
}
