import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '@/lib/db/migrate';
import { createScratchDatabase } from '@/test/integration/support/database';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function scratch() {
  const database = await createScratchDatabase('migrate');
  cleanups.push(database.drop);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A migrations folder of the test's own, copied from the project's and then added to. */
function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  fs.cpSync(path.join(process.cwd(), 'prisma', 'migrations'), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('applyMigrations', () => {
  it('records every migration the way Prisma does, and applies each only once', async () => {
    const url = await scratch();
    const first = await applyMigrations(url);
    expect(first.applied).toEqual(readMigrations().map((migration) => migration.name));

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      id: string;
    }>(
      url,
      'SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      readMigrations().map((migration) => [migration.name, migration.checksum]),
    );
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }

    const second = await applyMigrations(url);
    expect(second).toEqual({ applied: [], alreadyApplied: rows.length });
  });

  it('is safe when several processes start at once: each migration runs exactly once', async () => {
    const url = await scratch();
    const reports = await Promise.all(Array.from({ length: 4 }, () => applyMigrations(url)));
    const appliedNames = reports.flatMap((report) => report.applied);
    expect(appliedNames.sort()).toEqual(
      readMigrations()
        .map((migration) => migration.name)
        .sort(),
    );
    const rows = await query<{ count: string }>(url, 'SELECT count(*) FROM "_prisma_migrations"');
    expect(Number(rows[0]?.count)).toBe(readMigrations().length);
  });

  it('rolls a failing migration back whole and says which one failed', async () => {
    const url = await scratch();
    const dir = migrationsCopy({
      '29990101000000_broken':
        'CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n',
    });
    await expect(applyMigrations(url, { dir })).rejects.toThrow(
      /migration 29990101000000_broken failed and was rolled back/,
    );

    const half = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(half).toHaveLength(0);
    const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((row) => row.migration_name)).not.toContain('29990101000000_broken');
    // The migrations before it stay applied.
    expect(recorded).toHaveLength(readMigrations().length);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const url = await scratch();
    const dir = migrationsCopy({ '29990101000000_extra': 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\n' });
    await applyMigrations(url, { dir });
    fs.appendFileSync(path.join(dir, '29990101000000_extra', 'migration.sql'), '-- edited\n');
    await expect(applyMigrations(url, { dir })).rejects.toThrow(
      /29990101000000_extra was changed after it was applied/,
    );
  });

  it('keeps the audit log append-only', async () => {
    const url = await scratch();
    await applyMigrations(url);
    await query(url, `INSERT INTO "AuditEvent" ("action", "outcome") VALUES ('test.write', 'success')`);
    await expect(query(url, `UPDATE "AuditEvent" SET "outcome" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(query(url, `DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });
});
