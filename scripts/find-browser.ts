// The browser the end-to-end tests drive. Playwright alone looks only for the Chromium it downloads itself, which a
// machine without internet never has: then every spec fails with "Executable doesn't exist". So, in this order:
// Debian's Chromium, Playwright's own, Playwright's downloaded now (where the network allows), else one line saying
// what to install. `npm run test:e2e` asks first (scripts/check-e2e-browser.ts); playwright.config.ts then asks again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Debian's Chromium by its path, then by the names Debian and Ubuntu give it on PATH. */
export const SYSTEM_CHROMIUMS: readonly string[] = ['/usr/bin/chromium', 'chromium', 'chromium-browser'];

export const NO_BROWSER =
  "No browser for the end-to-end tests: install Debian's Chromium (apt-get install -y chromium) or run npx playwright install chromium";

// A failed download must not hold `npm test` for long: offline, a lookup fails at once; behind a firewall that drops
// packets, each connection gives up after this.
const CONNECTION_TIMEOUT_MS = 10_000;
// Chromium is some 170 MB: enough for a slow line, not for a stalled one.
const INSTALL_TIMEOUT_MS = 180_000;

/** What findBrowser may look at, injected so that its order can be tested without the machine's files. */
export type BrowserProbe = {
  /** System browsers to try, in order: a path (with a slash) or a name looked up on PATH. */
  candidates: readonly string[];
  /** The folders of PATH. */
  searchPath: readonly string[];
  isExecutable: (file: string) => boolean;
  /** Where Playwright keeps its own Chromium (it may not be there). */
  playwrightChromium: () => string;
  /** Downloads Playwright's Chromium, true when that worked; absent: never download. */
  install?: () => boolean;
};

/** The browser's path, or undefined when there is none. */
export function findBrowser(probe: BrowserProbe): string | undefined {
  const found = systemChromium(probe) ?? playwrightChromium(probe);
  if (found !== undefined || probe.install === undefined) return found;
  return probe.install() ? playwrightChromium(probe) : undefined;
}

function systemChromium({ candidates, searchPath, isExecutable }: BrowserProbe) {
  for (const candidate of candidates) {
    const places = candidate.includes('/') ? [candidate] : searchPath.map((folder) => path.join(folder, candidate));
    const found = places.find(isExecutable);
    if (found !== undefined) return found;
  }
  return undefined;
}

function playwrightChromium({ playwrightChromium, isExecutable }: BrowserProbe) {
  let file: string;
  try {
    file = playwrightChromium();
  } catch {
    // Playwright throws on a platform it has no Chromium for: then there is none of its own.
    return undefined;
  }
  return isExecutable(file) ? file : undefined;
}

/**
 * The system browsers to try: E2E_BROWSER_CANDIDATES (separated like PATH; empty for none) replaces the defaults,
 * so the fallbacks can be seen on a machine that has Chromium.
 */
export function candidatesFrom(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const listed = env.E2E_BROWSER_CANDIDATES;
  if (listed === undefined) return SYSTEM_CHROMIUMS;
  return listed.split(path.delimiter).filter((candidate) => candidate !== '');
}

function isExecutable(file: string) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function installPlaywrightChromium() {
  // --no-install: npx must run the Playwright of this project, never fetch one.
  const run = spawnSync('npx', ['--no-install', 'playwright', 'install', 'chromium'], {
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(CONNECTION_TIMEOUT_MS) },
  });
  return run.status === 0;
}

/** This machine's files and PATH; with `install`, a download is tried when nothing is found. */
export function machineProbe({ install = false } = {}): BrowserProbe {
  return {
    candidates: candidatesFrom(process.env),
    searchPath: (process.env.PATH ?? '').split(path.delimiter).filter((folder) => folder !== ''),
    isExecutable,
    playwrightChromium: () => chromium.executablePath(),
    install: install ? installPlaywrightChromium : undefined,
  };
}
