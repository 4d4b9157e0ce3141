import { expect, signInWithCredentials, test } from './fixtures/auth';

test('five failed sign-ins lock the email out with a clear message, and the audit log shows it', async ({
  browser,
  asSupport,
}) => {
  // An address and an email of this test's own (set on the context, so API calls carry it too): the limit it
  // trips blocks no other test.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.77' } });
  const page = await context.newPage();
  const email = `lockout-${Date.now()}@example.test`;
  for (let attempt = 0; attempt < 5; attempt++) {
    expect(await signInWithCredentials(context.request, email, 'wrong')).toBe('invalid-credentials');
  }

  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Too many failed sign-ins');
  await context.close();

  await asSupport.goto(`/audit?actor=${encodeURIComponent(email)}&action=auth.sign_in`);
  const events = asSupport.getByRole('table', { name: 'Audit events' });
  await expect(events.getByRole('row').filter({ hasText: `${email} tried to sign in` })).toHaveCount(5);
  // The refusal after the lockout is counted per address and minute, not written as a row of its own.
  await asSupport.goto('/audit?action=anonymous.refused');
  await expect(
    events
      .getByRole('row')
      .filter({ hasText: /refused requests? without a session from 198\.51\.100\.77/ })
      .first(),
  ).toBeVisible();
});
