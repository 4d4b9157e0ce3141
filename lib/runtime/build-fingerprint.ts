import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A hash of everything the production build is made from, stored next to the build: `npm start` rebuilds when
 * it differs, so a `git pull` is never served from a stale build and an unchanged tree starts at once.
 */

const SOURCES = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'proxy.ts',
  'public',
  'prisma/schema.prisma',
  'instrumentation.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const SKIPPED = new Set(['node_modules', 'generated', '.next', '.data']);
const STAMP_FILE = 'dashboard-source-hash';

export function sourceFingerprint(root: string): string {
  const hash = crypto.createHash('sha256');
  const visit = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!fs.existsSync(absolute)) return;
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(absolute).sort()) {
        if (!SKIPPED.has(entry) && !/\.test\.tsx?$/.test(entry)) visit(path.join(relative, entry));
      }
      return;
    }
    hash.update(relative).update('\0').update(fs.readFileSync(absolute)).update('\0');
  };
  SOURCES.forEach(visit);
  return hash.digest('hex');
}

export function isBuildCurrent(root: string, distDir = '.next'): boolean {
  const dist = path.join(root, distDir);
  if (!fs.existsSync(path.join(dist, 'BUILD_ID'))) return false;
  try {
    return fs.readFileSync(path.join(dist, STAMP_FILE), 'utf8') === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function stampBuild(root: string, fingerprint: string, distDir = '.next'): void {
  fs.writeFileSync(path.join(root, distDir, STAMP_FILE), fingerprint);
}
