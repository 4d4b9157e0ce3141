import { expect, test } from '@playwright/test';
import { loginAs, type DemoRole } from './fixtures/auth';

/**
 * Every role has a way through (issue 13): the sidebar offers only the sections the role may open, each of them
 * opens, and a page the role may not open, reached by its address, answers 403 inside the dashboard's frame with the
 * reason and a way back.
 */

const EXPECTED_SECTIONS: Record<DemoRole, string[]> = {
  lead: ['API Keys', 'Usage', 'Accounts'],
  support: ['API Keys', 'Request Builder', 'Usage', 'Audit', 'Accounts'],
  admin: ['API Keys', 'Request Builder', 'Usage', 'Audit', 'Accounts', 'Users'],
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
