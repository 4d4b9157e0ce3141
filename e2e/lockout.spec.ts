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
  await expect(events.getByRole('row').filter({ hasText: 'denied' })).toHaveCount(1);
  await expect(events.getByRole('row').filter({ hasText: 'failure' })).toHaveCount(5);
});
