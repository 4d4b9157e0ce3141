import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { DEMO_USERS } from '@/lib/demo/fixtures';
import { freePort } from '@/lib/runtime/ports';
import { runStart, waitForOutput, type StartRun } from '@/test/integration/support/run-start';

/**
 * The embedded default end to end: `npm start` on a fresh data folder initialises PostgreSQL, migrates, seeds the
 * demo, serves /api/health, stops cleanly on SIGTERM, and a second start finds everything as it was. It builds the
 * dashboard if the tree has no current build (the end-to-end suite then reuses that build).
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-'));
// mkdtemp makes the folder private; as root, PostgreSQL runs as `postgres`, which must be able to enter it.
fs.chmodSync(dataDir, 0o755);
const running: StartRun[] = [];
afterAll(async () => {
  // A failed assertion must not leave a server behind.
  for (const run of running) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startOnce(env: Record<string, string>) {
  const run = runStart(env);
  running.push(run);
  await waitForOutput(run, /dashboard is ready/, 600_000);
  const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
  const body = await health.json();
  return { run, status: health.status, body };
}

describe('npm start on the embedded default', () => {
  it('starts, serves, stops cleanly on SIGTERM and keeps its data', { timeout: 900_000 }, async () => {
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      SANDBOX_PORT: String(await freePort()),
    };

    const first = await startOnce(env);
    expect(first.status).toBe(200);
    expect(first.body.db).toBe('ok');
    expect(first.run.output()).toContain('initialising the embedded PostgreSQL');
    expect(first.run.output()).toMatch(
      /demo sign-in \(password "demo"\): admin@demo\.local \(installation admin\), shop-admin@demo\.local \(account admin\), support@demo\.local \(support staff\), lead@demo\.local \(team lead\)/,
    );

    first.run.child.kill('SIGTERM');
    expect(await first.run.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startOnce(env);
    expect(second.status).toBe(200);
    expect(second.run.output()).not.toContain('initialising the embedded PostgreSQL');
    expect(second.run.output()).not.toContain('applied migration');
    expect(second.run.output()).not.toContain('demo data:'); // nothing needed creating again

    const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    const prisma = createPrismaClient(
      `postgresql://postgres:${password}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/sendsms_dashboard`,
    );
    try {
      expect(await prisma.user.count()).toBe(DEMO_USERS.length);
      expect(await prisma.account.count()).toBe(2);
      expect(await prisma.apiKey.count()).toBe(6);
      const accounts = await prisma.account.findMany();
      for (const account of accounts) expect(account.credentialCiphertext).toMatch(/^v1\./);
    } finally {
      await prisma.$disconnect();
    }

    second.run.child.kill('SIGINT');
    expect(await second.run.exited).toEqual({ code: 0, signal: null });
  });
});
