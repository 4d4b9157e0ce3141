import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/lib/runtime/ports';

/**
 * A dashboard started the way a user starts it (`npm start`'s script), on a fresh data folder and free ports, for
 * benchmarks. It must not rebuild: a rebuild would be timed as start-up, so it is treated as a failure.
 */

export const ROOT = path.resolve(__dirname, '../..');

export interface DashboardEnvironment {
  PORT: string;
  EMBEDDED_POSTGRES_PORT: string;
  SANDBOX_PORT: string;
  DATA_DIR: string;
}

export async function freshEnvironment(): Promise<DashboardEnvironment & { remove(): void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dashboard-'));
  fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as `postgres` under root and must enter it
  return {
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
    DATA_DIR: dataDir,
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface RunningDashboard {
  child: ChildProcess;
  /** From spawning to /api/health answering 200. */
  startMs: number;
  baseUrl: string;
  sandboxUrl: string;
  stop(): Promise<void>;
}

export async function startDashboard(env: DashboardEnvironment): Promise<RunningDashboard> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      SENDSMS_API_URL: '',
      PORT: env.PORT,
      EMBEDDED_POSTGRES_PORT: env.EMBEDDED_POSTGRES_PORT,
      SANDBOX_PORT: env.SANDBOX_PORT,
      DATA_DIR: env.DATA_DIR,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => {
    errors += chunk;
    if (/building the dashboard/.test(errors)) child.kill('SIGTERM');
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  for (;;) {
    if (/building the dashboard/.test(errors)) {
      await stop();
      throw new Error(
        'the sources changed since the last build, so npm start rebuilt: run `npm run build` (or npm start once), then the benchmark, on a quiet tree',
      );
    }
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${errors}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) {
        return {
          child,
          startMs: Math.round(performance.now() - started),
          baseUrl,
          sandboxUrl: `http://127.0.0.1:${env.SANDBOX_PORT}/json`,
          stop,
        };
      }
    } catch {
      // not up yet
    }
    if (performance.now() - started > 120_000) {
      await stop();
      throw new Error(`no healthy answer within 120 s:\n${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The value below which `fraction` of the values fall (nearest rank): p50 is 0.5, p99 0.99. */
export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? 0;
}
