import os from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { SANDBOX_PORT } from './e2e/fixtures/sandbox';
import { findBrowser, machineProbe } from './scripts/find-browser';

/**
 * End-to-end tests drive the production build in real Chromium. The server is started here, through `npm start`
 * itself (so the suite also proves the quick start), on ports and a data folder of its own, always on a fresh
 * embedded database: these tests never run against a database someone else uses.
 */

// Each overridable, so two checkouts on one machine can run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);

// Playwright's own browser download cannot work everywhere; Debian's Chromium can. The same choice `npm run test:e2e`
// made (and reported) before starting Playwright; here it only looks, never downloads.
const executablePath = findBrowser(machineProbe());
const chromiumArgs = [
  // Chromium's sandbox needs user namespaces that root in a container does not have.
  ...(os.userInfo().uid === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  // The machine has no internet: without these Chromium keeps trying to reach Google's services.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry in CI, reported as flaky rather than hidden: a shared two-core machine can starve a browser now and then.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${PORT}/api/health`,
    // The first run builds the dashboard: a couple of minutes on two cores.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR ?? '.data/e2e',
      EMBEDDED_POSTGRES_PORT: process.env.E2E_POSTGRES_PORT ?? '54339',
      SANDBOX_PORT,
      // The specs share the demo accounts and run in parallel: at sendSMS's 10 calls a minute they would starve each
      // other. The budget itself is tested in the integration suite (test/integration/sendsms).
      SENDSMS_BUDGET_PER_MINUTE: '1000',
      // Specs play clients at different addresses (their own sign-in lockout buckets) through X-Forwarded-For, as a
      // proxy in front of the dashboard would write it: one trusted hop. The default of 0 is tested in integration.
      TRUST_PROXY_HOPS: '1',
      // Always the embedded database and the sandbox, whatever the shell has set.
      DATABASE_URL: '',
      SENDSMS_API_URL: '',
    },
  },
});
