import { DEMO_PASSWORD, expect, signInWithCredentials, test } from './fixtures/auth';

/**
 * An account admin's reach ends at their accounts (the demo's shop admin manages "Demo shop" only); the installation
 * admin (admin@demo.local) manages every user and the installation's settings.
 */

test("an account admin sees only their tenant's users, can give only its roles, and not the installation's settings", async ({
  page,
}) => {
  expect(await signInWithCredentials(page.request, 'shop-admin@demo.local', DEMO_PASSWORD)).toBeNull();
  await page.goto('/users');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByText('lead@demo.local', { exact: true })).toBeVisible();
  await expect(users.getByText('support@demo.local', { exact: true })).toHaveCount(0);
  await expect(users.getByText('admin@demo.local', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Require two-factor authentication for admins')).toHaveCount(0);

  await page.getByRole('button', { name: 'Create user' }).click();
  const roles = page.getByRole('dialog', { name: 'Create a user' }).getByLabel('Role').locator('option');
  await expect(roles).toHaveText(['Account admin', 'Team lead']);

  // The API agrees with the page.
  const support = await page.request.post('/api/users', {
    data: { name: 'Made', email: `made-${Date.now()}@example.test`, role: 'SUPPORT', accountIds: [] },
  });
  expect(support.status()).toBe(403);
  expect(
    (await page.request.put('/api/users/two-factor-policy', { data: { requireAdminTwoFactor: true } })).status(),
  ).toBe(403);
  await page.goto('/accounts');
  await expect(
    page.getByRole('table', { name: 'sendSMS accounts' }).getByText('Demo logistics', { exact: true }),
  ).toHaveCount(0);
});

test('the installation admin manages every user and the 2FA setting', async ({ asAdmin: page }) => {
  await page.goto('/users');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByText('support@demo.local', { exact: true })).toBeVisible();
  await expect(users.getByText('shop-admin@demo.local', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Require two-factor authentication for admins')).toBeVisible();
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('dialog', { name: 'Create a user' }).getByLabel('Role').locator('option')).toHaveText([
    'Installation admin',
    'Account admin',
    'Support staff',
    'Team lead',
  ]);
});
