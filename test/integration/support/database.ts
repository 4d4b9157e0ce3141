import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { adminQuery, withDatabase } from '@/test/integration/support/server';

/** The shared, migrated test database (see global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

export function testPrisma() {
  return createPrismaClient(testDatabaseUrl());
}

/** An empty database of the test's own on the same server; dropped by the returned function. */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}
