import { expect, test } from '@playwright/test';

test('the overview shows what the installation is connected to and the demo it manages', async ({ page }) => {
  await page.goto('/');
  const status = page.getByRole('region', { name: 'System status' });
  await expect(status).toBeVisible();
  await expect(status.getByText('connected')).toBeVisible();
  // The embedded default: the demo's two sendSMS accounts, six keys and three users, read from Postgres.
  await expect(status.getByText('2 sendSMS accounts, 6 API keys, 3 users')).toBeVisible();
  await expect(status.getByText('http://127.0.0.1:4110/json')).toBeVisible();
});
