/**
 * `npm run build`: the production build, stamped with the fingerprint of the sources it was made from, so that
 * `npm start` (and the benchmarks, which refuse to time a rebuild) know it is current.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sourceFingerprint, stampBuild } from '@/lib/runtime/build-fingerprint';

const root = path.resolve(__dirname, '..');
const fingerprint = sourceFingerprint(root);
const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
stampBuild(root, fingerprint);
