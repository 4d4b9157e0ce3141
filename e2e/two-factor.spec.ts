import type { Browser, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import { createTemporaryUser, expect, test } from './fixtures/auth';

/** The app's code now, or `stepsAhead` 30-second steps from now (still accepted: one step of clock drift is allowed). */
const codeFor = (key: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });

type TemporaryUser = Awaited<ReturnType<typeof createTemporaryUser>>;

/**
 * Runs `steps` with a user made for the test, in a browser of its own from `ip` (the sign-in limit counts per
 * address: these sign-ins must not spend another spec's), then disables the user so the demo counts stay.
 */
async function asTemporaryUser(
  browser: Browser,
  admin: Page,
  ip: string,
  steps: (user: TemporaryUser, page: Page) => Promise<void>,
) {
  const user = await createTemporaryUser(admin.request);
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  try {
    await steps(user, await context.newPage());
  } finally {
    await context.close();
    await user.disable();
  }
}

/** Signs in on the form with the user's email and password. */
async function submitSignInForm(page: Page, user: TemporaryUser) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a user enrols in 2FA with the QR code, then signs in with a code or a recovery code', async ({
  browser,
  asAdmin,
}) => {
  // Several sign-ins, each an argon2id password check: on a loaded machine they can outlast the default 30 s.
  test.slow();
  await asTemporaryUser(browser, asAdmin, '198.51.100.88', async (user, page) => {
    await submitSignInForm(page, user);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    await page.goto('/two-factor');
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const key = (await page.getByTestId('manual-entry-key').textContent())!.trim();

    await page.getByLabel('Code from the app').fill('12ab');
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await expect(page.getByText('Enter the 6 digits your authenticator app shows')).toBeVisible();

    await page.getByLabel('Code from the app').fill(codeFor(key));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await expect(page.getByText('Two-factor authentication is on.')).toBeVisible();
    const recoveryCodes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .getByRole('listitem')
      .allTextContents();
    expect(recoveryCodes).toHaveLength(10);

    // Sign in again: the password alone now asks for a code.
    await page.context().clearCookies();
    await submitSignInForm(page, user);
    await expect(page.getByLabel('Authentication code')).toBeVisible();
    await page.getByLabel('Authentication code').fill('999');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('That code is not right');
    // The code that turned 2FA on was accepted once (a code is never accepted twice); the next step's code is new.
    await page.getByLabel('Authentication code').fill(codeFor(key, 1));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    // A recovery code works once.
    await page.context().clearCookies();
    await submitSignInForm(page, user);
    await page.getByLabel('Authentication code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });
});

test('a user changes their password: the current one is checked, and a session elsewhere ends', async ({
  browser,
  asAdmin,
  playwright,
  baseURL,
}) => {
  await asTemporaryUser(browser, asAdmin, '198.51.100.89', async (user, page) => {
    const elsewhere = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.90' },
    });
    for (const request of [page.request, elsewhere]) {
      const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      await request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: user.email, password: user.password, json: 'true', callbackUrl: '/' },
      });
    }
    expect((await elsewhere.get('/api/accounts')).status()).toBe(200);

    await page.goto('/');
    await page.getByRole('complementary').getByRole('link', { name: 'Change password' }).click();
    await page.getByLabel('Current password').fill('not-the-password');
    await page.getByLabel('New password').fill('an-even-longer-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('That is not your current password.')).toBeVisible();

    await page.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();
    expect((await elsewhere.get('/api/accounts')).status()).toBe(401);
    expect((await page.request.get('/api/accounts')).status()).toBe(200);
    await elsewhere.dispose();
  });
});
