import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures/auth';
import { SANDBOX_API_URL } from './fixtures/sandbox';

test.beforeEach(async ({ page }) => {
  await loginAs(page, 'admin');
});

test('the overview shows what the installation is connected to and the demo it manages', async ({ page }) => {
  await page.goto('/');
  const status = page.getByRole('region', { name: 'System status' });
  await expect(status).toBeVisible();
  await expect(status.getByText('connected')).toBeVisible();
  // The embedded default: the demo's two sendSMS accounts and their keys (six, and more once other specs have
  // generated some: the specs share one server), read from Postgres.
  await expect(status.getByText(/^2 sendSMS accounts, ([6-9]|\d{2,}) API keys, \d+ users$/)).toBeVisible();
  await expect(status.getByText(SANDBOX_API_URL)).toBeVisible();
});
