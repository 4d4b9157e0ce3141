import { expect, test } from '@playwright/test';

import { loginAs } from './fixtures/auth';
import { callFrom, refreshUntil } from './fixtures/guide';

/**
 * The provider's two guides as a Romanian reader follows them (issue 14): „Generare cheie API” (a Default key,
 * locked by its first request) and „Autorizare IP – API Key” (token_add_ip in the Api Request Builder, „Test
 * request”), then both addresses on the key's Locked on IP. The browser asks for Romanian; nobody chose a language.
 */

test.use({ locale: 'ro-RO' });

const KEY = 'Cheie API Test';
const FIRST_IP = '203.0.113.41';
const SECOND_IP = '198.51.100.41';

test('Ghid: generare cheie „Default”, blocare pe primul IP, autorizarea celui de-al doilea în Api Request Builder', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await loginAs(page, 'admin');

  // Pasul 3 – Generare cheie API.
  await page.goto('/api-keys');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await page.getByRole('link', { name: /Demo shop/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chei API' })).toBeVisible();
  await page.getByRole('button', { name: 'Generează o cheie API nouă' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generare cheie API' });
  await dialog.getByLabel('Denumire').fill(KEY);
  await dialog.getByLabel('IP fix: cheie „Default”').check();
  await expect(async () => {
    await dialog.getByRole('button', { name: /^(Generează|Reîncearcă)$/ }).click();
    await expect(page.getByTestId('new-key-secret')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  const secret = (await page.getByTestId('new-key-secret').textContent())!.trim();
  expect(secret).toMatch(/^[0-9a-f]{32}$/);
  await page.getByRole('button', { name: 'Am copiat cheia, închide' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // „Locked on IP”: the first request's address locks the key; any other is refused.
  const row = page.getByTestId(`key-row-${KEY}`);
  await expect(row).toContainText('așteaptă prima utilizare');
  expect(await callFrom(page, 'demo', secret, FIRST_IP)).toBe(0);
  expect(await callFrom(page, 'demo', secret, SECOND_IP)).toBe(-8);
  await refreshUntil(
    page,
    async () => {
      await expect(row).toContainText(FIRST_IP, { timeout: 3_000 });
      await expect(row).toContainText('blocată');
    },
    'Reîmprospătează',
  );

  // Ghid – Autorizare IP: Api Request Builder, token_add_ip, the key from the list, the IP in ipaddr, Test request.
  await page.goto('/request-builder');
  await expect(page.getByRole('heading', { level: 1, name: 'Api Request Builder' })).toBeVisible();
  await page.getByLabel('Cont sendSMS').selectOption({ label: 'Demo shop' });
  await expect(page.getByLabel('username', { exact: true })).toHaveValue('demo');
  await page.getByLabel('Request', { exact: true }).selectOption('token_add_ip');
  const keySelect = page.getByLabel('Cheie API (token)');
  const option = keySelect.locator('option', { hasText: KEY });
  await keySelect.selectOption({ value: (await option.getAttribute('value'))! });
  await page.getByLabel('ipaddr').fill(SECOND_IP);
  const result = page.getByRole('region', { name: 'Rezultat' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Test request' }).click();
    await expect(result.getByText('status 0')).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  await expect(result.getByText('Cererea a reușit.').first()).toBeVisible();
  await expect(result).not.toContainText(secret);

  // Takes effect at once: the second address is accepted, and the key's page lists both on Locked on IP.
  expect(await callFrom(page, 'demo', secret, SECOND_IP)).toBe(0);
  await page.goto('/api-keys');
  await page.getByRole('link', { name: /Demo shop/ }).click();
  await page.getByTestId(`key-row-${KEY}`).getByRole('link', { name: KEY }).click();
  await expect(page.getByTestId('key-name')).toHaveText(KEY);
  await expect(page.getByTestId(`locked-ip-${FIRST_IP}`)).toContainText('prima utilizare');
  await expect(page.getByTestId(`locked-ip-${SECOND_IP}`)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
});
