import { expect, test } from '@playwright/test';
import { loginAs, type DemoRole } from './fixtures/auth';

/**
 * Every role has a way through (issue 13): the sidebar offers only the sections the role may open, each of them
 * opens, and a page the role may not open, reached by its address, answers 403 inside the dashboard's frame with the
 * reason and a way back.
 */

const EXPECTED_SECTIONS: Record<DemoRole, string[]> = {
  lead: ['API Keys', 'Find a key', 'Usage', 'Accounts'],
  support: ['API Keys', 'Find a key', 'Request Builder', 'Usage', 'Audit', 'Accounts'],
  admin: ['API Keys', 'Find a key', 'Request Builder', 'Usage', 'Audit', 'Accounts', 'Users'],
};

for (const role of Object.keys(EXPECTED_SECTIONS) as DemoRole[]) {
  test(`the ${role}'s sidebar lists only sections that open`, async ({ page }) => {
    await loginAs(page, role);
    await page.goto('/');
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('link')).toHaveText(EXPECTED_SECTIONS[role]);
    const hrefs = await sections
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of hrefs) {
      const response = await page.goto(href!);
      expect(response?.status(), href!).toBe(200);
    }
    // The overview's cards are the same sections.
    await page.goto('/');
    const cards = page.getByRole('region', { name: 'Sections' }).getByRole('link');
    await expect(cards).toHaveCount(EXPECTED_SECTIONS[role].length);
  });
}

test('a page the role may not open answers 403 inside the frame, says why and offers a way back', async ({ page }) => {
  await loginAs(page, 'lead');
  const response = await page.goto('/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page.getByText('A team lead cannot read the audit log.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a key that does not exist answers 404 inside the frame', async ({ page }) => {
  await loginAs(page, 'support');
  await page.goto('/api-keys');
  await page.getByRole('link', { name: /Demo shop/ }).click();
  await expect(page).toHaveURL(/\/accounts\/[^/]+\/api-keys/);
  const response = await page.goto(`${new URL(page.url()).pathname}/cmzzzzzzzzzzzzzzzzzzzzzzz`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('There is no key with this id in this account')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test('support finds a customer’s key from a refused IP and from its last characters, and the view is audited as a sentence', async ({
  page,
}) => {
  await loginAs(page, 'support');
  await page.goto('/search');
  const query = page.getByLabel('What the customer told you');
  await query.fill('198.51.100.20');
  await query.press('Enter');
  const results = page.getByRole('table', { name: 'Keys found' });
  const row = results.getByRole('row').filter({ hasText: 'Website orders' });
  await expect(row).toContainText('Demo shop');
  await expect(row).toContainText('198.51.100.20');

  // The customer reads out the end of their key instead: the same key.
  const fragment = (await row
    .getByText(/…[0-9a-f]{4}/)
    .first()
    .textContent())!.match(/…([0-9a-f]{4})/)![1]!;
  await query.fill(fragment);
  await query.press('Enter');
  await expect(results.getByRole('row').filter({ hasText: 'Website orders' })).toBeVisible();

  await results.getByRole('link', { name: 'Website orders' }).click();
  await expect(page.getByTestId('key-name')).toHaveText('Website orders');
  await expect(page.getByTestId('refused-ip-198.51.100.20')).toBeVisible();
  // Support staff read, never change: no authorize button on the refused call.
  await expect(page.getByRole('button', { name: 'Authorize this IP' })).toHaveCount(0);

  await page.goto('/audit');
  await expect(
    page.getByRole('table', { name: 'Audit events' }).getByText('Sam Support viewed the keys of Demo shop').first(),
  ).toBeVisible();
});
