import { createTemporaryUser, expect, signInWithCredentials, test } from './fixtures/auth';

test('a disabled user is thrown out at once, and cannot sign in again', async ({ browser, asAdmin }) => {
  const user = await createTemporaryUser(asAdmin.request);
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.99' } });
    const page = await context.newPage();
    expect(await signInWithCredentials(page.request, user.email, user.password)).toBeNull();
    await page.goto('/usage');
    await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();

    await asAdmin.goto('/users');
    await asAdmin.getByRole('button', { name: `Disable ${user.email}` }).click();
    await expect(asAdmin.getByRole('row').filter({ hasText: user.email }).getByText('Disabled')).toBeVisible();

    // The same session cookie, the very next request.
    await page.reload();
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fusage/);
    expect((await page.request.get('/api/accounts')).status()).toBe(401);
    expect(await signInWithCredentials(page.request, user.email, user.password)).toBe('invalid-credentials');
    await context.close();
  } finally {
    await user.disable();
  }
});
