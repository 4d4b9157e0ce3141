/**
 * `npm run bench:start`: how fast `npm start` brings a built dashboard to a healthy /api/health, on a first start
 * (the embedded PostgreSQL initialised from nothing) and a second start (same data), and how much memory the
 * whole running dashboard holds at idle. Prints medians over several runs; the machine is shared and noisy.
 *
 *   RUNS=5 npm run bench:start
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuildCurrent } from '@/lib/runtime/build-fingerprint';
import { freshEnvironment, median, ROOT as root, startDashboard } from '@/bench/support/dashboard-process';

const runs = Number(process.env.RUNS ?? 3);
const IDLE_SETTLE_MS = 5_000;

async function main() {
  if (!isBuildCurrent(root)) {
    process.stdout.write('building first (not timed)...\n');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }

  const firstStarts: number[] = [];
  const secondStarts: number[] = [];
  const rssTotals: number[] = [];
  const pssTotals: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const env = await freshEnvironment();
    try {
      const first = await startDashboard(env);
      firstStarts.push(first.startMs);
      await first.stop();

      const second = await startDashboard(env);
      secondStarts.push(second.startMs);
      await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
      const memory = treeMemory(second.child.pid!);
      rssTotals.push(memory.rssMb);
      pssTotals.push(memory.pssMb);
      process.stdout.write(
        `run ${run}: first start ${first.startMs} ms, second start ${second.startMs} ms, idle memory ${memory.pssMb.toFixed(0)} MB PSS / ${memory.rssMb.toFixed(0)} MB RSS in ${memory.processes} processes\n`,
      );
      await second.stop();
    } finally {
      env.remove();
    }
  }

  process.stdout.write(
    [
      '',
      `npm start → /api/health 200, built tree, median of ${runs}:`,
      `  first start (initialises the embedded PostgreSQL): ${Math.round(median(firstStarts))} ms   (target ≤ 15000 ms)`,
      `  second start:                                       ${Math.round(median(secondStarts))} ms   (target ≤ 5000 ms)`,
      `idle memory of the whole dashboard (start script, Next.js, sandbox, PostgreSQL), median:`,
      `  PSS ${median(pssTotals).toFixed(0)} MB (shared pages counted once)   (target ≤ 500 MB)`,
      `  RSS ${median(rssTotals).toFixed(0)} MB (shared pages counted in every process: an upper bound)`,
      '',
    ].join('\n'),
  );
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
  for (let grew = true; grew;) {
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

main().catch((error: unknown) => {
  process.stderr.write(`bench:start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
