/**
 * `npm run test:e2e`, before Playwright starts: says which browser the end-to-end tests will drive, downloading
 * Playwright's Chromium where there is none and the network allows; else stops with one line saying what to install.
 */
import { findBrowser, machineProbe, NO_BROWSER } from './find-browser';

const browser = findBrowser(machineProbe({ install: true }));
if (browser === undefined) {
  console.error(NO_BROWSER);
  process.exitCode = 1;
} else {
  console.log(`End-to-end tests run in ${browser}`);
}
