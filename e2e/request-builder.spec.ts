import { expect, test } from './fixtures/auth';
import type { Page } from '@playwright/test';
import { demoKeySecret } from '@/lib/demo/fixtures';
import { SANDBOX_API_URL } from './fixtures/sandbox';

/**
 * The provider's second guide, in the dashboard: Dashboard > Generate Api Request > Api Request Builder, request
 * token_add_ip, the username filled in, the key picked from a list, the IP typed in ipaddr, Test request, the
 * result on the page at once. Calls "from an IP" go straight to the sandbox (e2e/fixtures/sandbox.ts) with the
 * sandbox-only X-Sandbox-Client-Ip header, as an integration at that address would make them.
 */

const SANDBOX = SANDBOX_API_URL;

async function callFrom(page: Page, ip: string, password: string): Promise<number> {
  const response = await page.request.get(SANDBOX, {
    params: { action: 'user_get_balance', username: 'demo', password },
    headers: { 'X-Sandbox-Client-Ip': ip },
  });
  return ((await response.json()) as { status: number }).status;
}

async function chooseAccount(page: Page, label: 'Demo shop' | 'Demo logistics') {
  await page.getByLabel('sendSMS account').selectOption({ label });
}

async function chooseRequest(page: Page, action: string, keyName?: string) {
  await page.getByLabel('Request', { exact: true }).selectOption(action);
  if (keyName) {
    const keySelect = page.getByLabel('API key (token)');
    const option = keySelect.locator('option', { hasText: keyName });
    await keySelect.selectOption({ value: (await option.getAttribute('value'))! });
  }
}

/** The demo account's id, from its keys page link on /api-keys. */
async function demoShopId(page: Page): Promise<string> {
  const response = await page.request.get('/api/accounts');
  const body = (await response.json()) as
    { accounts?: Array<{ id: string; username: string }> } | Array<{ id: string; username: string }>;
  const accounts = Array.isArray(body) ? body : (body.accounts ?? []);
  const account = accounts.find((candidate) => candidate.username === 'demo');
  expect(account, 'the demo shop account').toBeTruthy();
  return account!.id;
}

/** Asks for the key's IP list on the Demo shop account, sent with the key itself rather than the account's password. */
async function listIpsWithTheKeyItself(page: Page, keyName: string) {
  await page.goto('/request-builder');
  await chooseAccount(page, 'Demo shop');
  await chooseRequest(page, 'token_list_ips', keyName);
  await page.getByRole('radio', { name: /^the key itself/ }).check();
  await page.getByRole('button', { name: 'Test request' }).click();
}

test('the guide: token_add_ip for a chosen key, the result at once, the IP on the key', async ({ asAdmin: page }) => {
  const secret = demoKeySecret('demo', 'Website orders');
  // An integration at a new address is refused: the Default key is locked elsewhere.
  expect(await callFrom(page, '198.51.100.30', secret)).toBe(-8);

  await page.goto('/request-builder');
  await expect(page.getByRole('heading', { name: 'Api Request Builder' })).toBeVisible();
  await chooseAccount(page, 'Demo shop');
  await expect(page.getByLabel('username', { exact: true })).toHaveValue('demo');
  await chooseRequest(page, 'token_add_ip', 'Website orders');
  await page.getByLabel('ipaddr').fill('198.51.100.30');
  await page.getByRole('button', { name: 'Test request' }).click();

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByText('status 0')).toBeVisible();
  await expect(result.getByText('The request succeeded.')).toBeVisible();
  await expect(result.getByText('Cererea a reușit.')).toBeVisible();
  await expect(
    result
      .getByText(
        /action=token_add_ip&username=demo&password=<PASSWORD_OR_API_KEY>&token=<API_KEY>&ipaddr=198\.51\.100\.30/,
      )
      .first(),
  ).toBeVisible();
  await expect(result).not.toContainText(secret);
  await expect(result.getByText(/198\.51\.100\.30/).first()).toBeVisible();

  // It takes effect immediately, upstream and in the dashboard's Locked On IP cache.
  expect(await callFrom(page, '198.51.100.30', secret)).toBe(0);
  const history = page.getByRole('region', { name: 'Requests made here' });
  await expect(
    history.getByRole('row', { name: /token_add_ip.*ipaddr=198\.51\.100\.30.*Website orders.*status 0/ }),
  ).toBeVisible();

  const accountId = await demoShopId(page);
  const keys = await page.request.get(`/api/accounts/${accountId}/keys`, { params: { q: 'Website orders' } });
  expect(JSON.stringify(await keys.json())).toContain('198.51.100.30');
});

test('checks ipaddr as it is typed: refuses what is not an address, warns about private ones', async ({
  asAdmin: page,
}) => {
  await page.goto('/request-builder');
  await chooseAccount(page, 'Demo shop');
  await chooseRequest(page, 'token_add_ip', 'Website orders');
  const ipaddr = page.getByLabel('ipaddr');
  await ipaddr.fill('300.1.2.3');
  await expect(page.getByText('"300" is more than 255, the largest number in an IPv4 address')).toBeVisible();
  await expect(ipaddr).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Test request' })).toBeDisabled();

  await ipaddr.fill('10.0.0.5');
  await expect(
    page.getByText(/sendSMS sees the public address your integration calls from; 10\.0\.0\.5 is a private address/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test request' })).toBeEnabled();
});

test('an upstream -8 is shown with its meaning, in place of the result before it', async ({ asAdmin: page }) => {
  await page.goto('/request-builder');
  await chooseAccount(page, 'Demo shop');
  await chooseRequest(page, 'token_list_ips', 'Website orders');
  await page.getByRole('button', { name: 'Test request' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByText('status 0')).toBeVisible();

  // Sent with the key itself from the dashboard's server, whose address the key is not locked on.
  await page.getByRole('radio', { name: /^the key itself/ }).check();
  await page.getByRole('button', { name: 'Test request' }).click();
  await expect(result.getByText('status -8')).toBeVisible();
  await expect(result.getByText(/sendSMS refused the credentials/)).toBeVisible();
  await expect(result.getByText(/sendSMS a refuzat datele de autentificare/)).toBeVisible();
  // One result on the page, the new one: the earlier success is gone.
  await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(1);
  await expect(result.getByText('status 0')).toHaveCount(0);
  await expect(result.getByText('The request succeeded.')).toHaveCount(0);
  // The failed run is in the history too, with its status.
  await expect(
    page
      .getByRole('region', { name: 'Requests made here' })
      .getByRole('row', { name: /token_list_ips.*Website orders.*status -8/ })
      .first(),
  ).toBeVisible();
});

test('the Default-key trap: asks before a never-used Default key would lock to the server', async ({
  asAdmin: page,
}) => {
  const accountId = await demoShopId(page);
  const created = await page.request.post(`/api/accounts/${accountId}/keys`, {
    data: { name: 'Trap test key', kind: 'DEFAULT', usageLabel: 'DEFAULT' },
  });
  expect(created.status()).toBe(201);

  await listIpsWithTheKeyItself(page, 'Trap test key');

  const dialog = page.getByRole('dialog', { name: 'This Default key has never been used' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Test request' }).click();
  await dialog.getByRole('button', { name: /Send, and lock the key/ }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByText('status 0')).toBeVisible();
  await expect(result.getByText(/password=<API_KEY>/).first()).toBeVisible();
});

test('support staff run token_list_ips, and are refused token_add_ip with the reason', async ({ asSupport: page }) => {
  await page.goto('/request-builder');
  await chooseAccount(page, 'Demo shop');
  await chooseRequest(page, 'token_list_ips', 'Website orders');
  await page.getByRole('button', { name: 'Test request' }).click();
  await expect(page.getByRole('region', { name: 'Result' }).getByText('status 0')).toBeVisible();

  await chooseRequest(page, 'token_add_ip', 'Website orders');
  await page.getByLabel('ipaddr').fill('203.0.113.99');
  const button = page.getByRole('button', { name: 'Test request' });
  await expect(button).toBeDisabled();
  // The reason is on the page as text, and read with the button.
  await expect(page.getByText('Support staff cannot run requests that change a key').first()).toBeVisible();
  await expect(button).toHaveAccessibleDescription('Support staff cannot run requests that change a key');

  // And the server refuses the same thing.
  const accountId = await demoShopId(page);
  const forced = await page.request.post(`/api/accounts/${accountId}/requests`, {
    data: { action: 'token_add_ip', keyId: 'any', params: { ipaddr: '203.0.113.99' } },
  });
  expect(forced.status()).toBe(403);
});

test("support staff's Run again of a request that changes a key is disabled, with the reason", async ({
  asAdmin: admin,
  asSupport: page,
}) => {
  // An admin's token_add_ip, run through the builder's own route, is in every reader's history.
  const accountId = await demoShopId(admin);
  const keys = (await (
    await admin.request.get(`/api/accounts/${accountId}/keys`, { params: { q: 'Website orders' } })
  ).json()) as { rows: Array<{ id: string; name: string }> };
  const key = keys.rows.find((row) => row.name === 'Website orders')!;
  await expect(async () => {
    const run = await admin.request.post(`/api/accounts/${accountId}/requests`, {
      data: { action: 'token_add_ip', keyId: key.id, params: { ipaddr: '198.51.100.31' } },
    });
    expect(run.status()).toBe(200);
  }).toPass({ timeout: 80_000, intervals: [5_000] });

  await page.goto('/request-builder');
  const row = page
    .getByRole('region', { name: 'Requests made here' })
    .getByRole('row', { name: /token_add_ip.*ipaddr=198\.51\.100\.31/ })
    .first();
  const runAgain = row.getByRole('button', { name: 'Run again' });
  await expect(runAgain).toBeDisabled();
  await expect(row.getByText('Support staff cannot run requests that change a key')).toBeVisible();
  await expect(runAgain).toHaveAccessibleDescription('Support staff cannot run requests that change a key');
});

test('a key page opens the builder prefilled with that key and token_add_ip', async ({ asAdmin: page }) => {
  const accountId = await demoShopId(page);
  const keys = (await (
    await page.request.get(`/api/accounts/${accountId}/keys`, { params: { q: 'Website orders' } })
  ).json()) as { rows: Array<{ id: string; name: string }> };
  const key = keys.rows.find((row) => row.name === 'Website orders')!;
  await page.goto(`/accounts/${accountId}/api-keys/${key.id}`);
  await page.getByRole('link', { name: 'Open in the request builder' }).click();
  await expect(page.getByLabel('username', { exact: true })).toHaveValue('demo');
  await expect(page.getByLabel('Request', { exact: true })).toHaveValue('token_add_ip');
  await expect(page.getByLabel('API key (token)')).toHaveValue(key.id);
});

test('team leads cannot open the builder', async ({ asLead: page }) => {
  await page.goto('/request-builder');
  await expect(page.getByText(/A team lead cannot run read-only requests/)).toBeVisible();
});
