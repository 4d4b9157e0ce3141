import { describe, expect, it, vi } from 'vitest';
import { candidatesFrom, findBrowser, SYSTEM_CHROMIUMS } from './find-browser';

const DEBIAN = '/usr/bin/chromium';
const PLAYWRIGHTS = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine whose only executables are `files`; Playwright's Chromium is where Playwright says, if listed. */
function machine(files: string[], install?: () => boolean) {
  const present = new Set(files);
  return {
    candidates: SYSTEM_CHROMIUMS,
    searchPath: ['/usr/local/bin', '/usr/bin', '/snap/bin'],
    isExecutable: (file: string) => present.has(file),
    playwrightChromium: () => PLAYWRIGHTS,
    install,
  };
}

describe('findBrowser', () => {
  it.each([
    ['Debian’s Chromium, before Playwright’s own', [DEBIAN, PLAYWRIGHTS], DEBIAN],
    ['Chromium on PATH where /usr/bin has none', ['/usr/local/bin/chromium', PLAYWRIGHTS], '/usr/local/bin/chromium'],
    ['chromium-browser on PATH (Ubuntu’s name)', ['/snap/bin/chromium-browser'], '/snap/bin/chromium-browser'],
    ['Playwright’s own Chromium where the system has none', [PLAYWRIGHTS], PLAYWRIGHTS],
  ])('finds %s', (_case, files, expected) => {
    const install = vi.fn(() => true);
    expect(findBrowser(machine(files, install))).toBe(expected);
    expect(install).not.toHaveBeenCalled();
  });

  it('downloads Playwright’s Chromium only when there is no browser, and uses it once it is there', () => {
    const files: string[] = [];
    const install = vi.fn(() => {
      files.push(PLAYWRIGHTS);
      return true;
    });
    const probe = { ...machine([], install), isExecutable: (file: string) => files.includes(file) };
    expect(findBrowser(probe)).toBe(PLAYWRIGHTS);
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('finds nothing when the download fails', () => {
    const install = vi.fn(() => false);
    expect(findBrowser(machine([], install))).toBeUndefined();
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('finds nothing when a download that says it worked left no browser behind', () => {
    expect(findBrowser(machine([], () => true))).toBeUndefined();
  });

  it('does not download without being asked to (the Playwright config only looks)', () => {
    expect(findBrowser(machine([]))).toBeUndefined();
  });

  it('takes a platform Playwright has no Chromium for as no browser of its own', () => {
    const probe = {
      ...machine([PLAYWRIGHTS]),
      playwrightChromium: () => {
        throw new Error('Unsupported platform');
      },
    };
    expect(findBrowser(probe)).toBeUndefined();
  });

  it('tries only the candidates it is given', () => {
    expect(findBrowser({ ...machine([DEBIAN]), candidates: [] })).toBeUndefined();
  });
});

describe('candidatesFrom', () => {
  it.each([
    ['unset: Debian’s Chromium', {}, SYSTEM_CHROMIUMS],
    ['empty: none', { E2E_BROWSER_CANDIDATES: '' }, []],
    [
      'a list: that list, in order',
      { E2E_BROWSER_CANDIDATES: '/opt/chrome/chrome:chromium' },
      ['/opt/chrome/chrome', 'chromium'],
    ],
  ])('E2E_BROWSER_CANDIDATES %s', (_case, env, expected) => {
    expect(candidatesFrom(env)).toEqual(expected);
  });
});
