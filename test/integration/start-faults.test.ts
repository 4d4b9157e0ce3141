import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@/test/integration/support/database';
import { freePort } from '@/lib/runtime/ports';
import { runStart } from '@/test/integration/support/run-start';

/** Each fault stops start-up with exit code 1 and exactly one error line saying what and where. */
async function expectStartToFail(env: Record<string, string>, message: RegExp) {
  const run = runStart(env);
  const { code } = await run.exited;
  const errorLines = run
    .output()
    .split('\n')
    .filter((line) => / error /.test(line));
  expect(code, run.output()).toBe(1);
  expect(errorLines, run.output()).toHaveLength(1);
  expect(errorLines[0]).toMatch(message);
  expect(run.output()).not.toMatch(/^\s+at /m); // no stack trace
  return run.output();
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('start-up faults', () => {
  it('a bad configuration value names the variable', async () => {
    await expectStartToFail(
      { PORT: 'eighty' },
      /start-up failed: Invalid configuration: PORT must be a whole number from 1 to 65535/,
    );
  });

  it('a taken port names the port and the variable', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    await new Promise((resolve) => blocker.once('listening', resolve));
    await expectStartToFail(
      { PORT: String(port), DATA_DIR: tempDir() },
      new RegExp(`port ${port} on 127.0.0.1 is taken.*set PORT`),
    );
  });

  it('an unwritable data directory names the folder', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    await expectStartToFail(
      { PORT: String(await freePort()), DATA_DIR: path.join(file, 'data') },
      /the data directory .*not-a-folder\/data is not writable \(ENOTDIR\); set DATA_DIR/,
    );
  });

  it('a DATABASE_URL that refuses connections says where, without the password', async () => {
    const port = await freePort();
    const output = await expectStartToFail(
      {
        PORT: String(await freePort()),
        DATA_DIR: tempDir(),
        DATABASE_URL: `postgresql://dash:pw-s3cret@127.0.0.1:${port}/keys`,
      },
      new RegExp(`DATABASE_URL \\(127.0.0.1:${port}/keys\\) refuses connections: ECONNREFUSED`),
    );
    expect(output).not.toContain('pw-s3cret');
  });

  it('a failing migration is named, rolled back, and leaves the database as it was', async () => {
    const database = await createScratchDatabase('start_fault');
    cleanups.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // A table in the way of the first migration's CREATE TABLE "User".
    await client.query('CREATE TABLE "User" (id TEXT PRIMARY KEY)');
    await expectStartToFail(
      { PORT: String(await freePort()), DATA_DIR: tempDir(), DATABASE_URL: database.url },
      /migration 20261122070000_init failed and was rolled back, nothing of it applied: relation "User" already exists/,
    );
    const tables = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    await client.end();
    expect(tables.rows.map((row) => row.table_name)).toEqual(['User', '_prisma_migrations']);
  });
});
