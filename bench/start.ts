/**
 * `npm run bench:start`: how fast `npm start` brings a built dashboard to a healthy /api/health, on a first start
 * (the embedded PostgreSQL initialised from nothing) and a second start (same data), and how much memory the
 * whole running dashboard holds at idle. Prints medians over several runs; the machine is shared and noisy.
 *
 *   RUNS=5 npm run bench:start
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isBuildCurrent, sourceFingerprint, stampBuild } from '@/lib/runtime/build-fingerprint';
import { freePort } from '@/lib/runtime/ports';

const root = path.resolve(__dirname, '..');
const runs = Number(process.env.RUNS ?? 3);
const IDLE_SETTLE_MS = 5_000;

async function main() {
  if (!isBuildCurrent(root)) {
    process.stdout.write('building first (not timed)...\n');
    const fingerprint = sourceFingerprint(root);
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
    stampBuild(root, fingerprint);
  }

  const firstStarts: number[] = [];
  const secondStarts: number[] = [];
  const rssTotals: number[] = [];
  const pssTotals: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as `postgres` under root and must enter it
    const env = {
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      SANDBOX_PORT: String(await freePort()),
      DATA_DIR: dataDir,
    };
    try {
      const first = await timedStart(env);
      firstStarts.push(first.ms);
      await stop(first.child);

      const second = await timedStart(env);
      secondStarts.push(second.ms);
      await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
      const memory = treeMemory(second.child.pid!);
      rssTotals.push(memory.rssMb);
      pssTotals.push(memory.pssMb);
      process.stdout.write(
        `run ${run}: first start ${first.ms} ms, second start ${second.ms} ms, idle memory ${memory.pssMb.toFixed(0)} MB PSS / ${memory.rssMb.toFixed(0)} MB RSS in ${memory.processes} processes\n`,
      );
      await stop(second.child);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }

  process.stdout.write(
    [
      '',
      `npm start → /api/health 200, built tree, median of ${runs}:`,
      `  first start (initialises the embedded PostgreSQL): ${median(firstStarts)} ms   (target ≤ 15000 ms)`,
      `  second start:                                       ${median(secondStarts)} ms   (target ≤ 5000 ms)`,
      `idle memory of the whole dashboard (start script, Next.js, sandbox, PostgreSQL), median:`,
      `  PSS ${median(pssTotals).toFixed(0)} MB (shared pages counted once)   (target ≤ 500 MB)`,
      `  RSS ${median(rssTotals).toFixed(0)} MB (shared pages counted in every process: an upper bound)`,
      '',
    ].join('\n'),
  );
}

async function timedStart(env: Record<string, string>): Promise<{ ms: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', SENDSMS_API_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => {
    errors += chunk;
    // A rebuild would be timed as start-up: the figures would mean nothing.
    if (/building the dashboard/.test(errors)) child.kill('SIGTERM');
  });
  const url = `http://127.0.0.1:${env.PORT}/api/health`;
  for (;;) {
    if (/building the dashboard/.test(errors)) throw new Error('the sources changed during the benchmark, so npm start rebuilt: run it again on a quiet tree');
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${errors}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { ms: Math.round(performance.now() - started), child };
    } catch {
      // not up yet
    }
    if (performance.now() - started > 120_000) throw new Error(`no healthy answer within 120 s:\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** RSS and PSS of a process and all its descendants, from /proc (Linux). */
function treeMemory(rootPid: number): { rssMb: number; pssMb: number; processes: number } {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of tree) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rssKb += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024, processes: tree.size };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
