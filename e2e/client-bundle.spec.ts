import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, demoKeySecret } from '@/lib/demo/fixtures';

/**
 * No secret ships to the browser: the production build this suite runs against (built by `npm start` before the
 * first spec) holds none of the demo's account credentials or key secrets in its client JavaScript.
 */
test('the client bundle holds no demo credential or key secret', () => {
  const staticDir = path.resolve(__dirname, '..', '.next', 'static');
  expect(fs.existsSync(staticDir), 'the production build the e2e server runs').toBe(true);
  // The demo password "demo" is also an ordinary word in the UI; every other demo secret is distinctive.
  const secrets = DEMO_ACCOUNTS.flatMap((account) => [
    account.credential,
    ...account.keys.map((key) => demoKeySecret(account.username, key.name)),
  ]).filter((secret) => secret.length >= 8);
  expect(secrets.length).toBeGreaterThan(5);
  const walk = (directory: string): string[] =>
    fs
      .readdirSync(directory, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
      );
  const scripts = walk(staticDir).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    const source = fs.readFileSync(file, 'utf8');
    for (const secret of secrets) expect(source.includes(secret), `${path.basename(file)} holds a secret`).toBe(false);
  }
});
