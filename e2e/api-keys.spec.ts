import type { Page } from '@playwright/test';
import { demoKeySecret } from '@/lib/demo/fixtures';
import { expect, test } from './fixtures/auth';
import { callFrom, refreshUntil } from './fixtures/guide';
import { SANDBOX_URL } from './fixtures/sandbox';

/**
 * Issue 5 end to end, in the sandbox: the provider's guide (generate "API Key Test", see the secret once, lock it
 * by its first call, see a refused call, authorize the address, see both IPs, last used and a use count of 2),
 * a Cloud key used from three IPs, the read-only views of support and lead staff, delete with the in-use
 * warning, and sendSMS down. Calls "from an IP" go straight to the sandbox with its X-Sandbox-Client-Ip header,
 * as an integration at that address would make them (e2e/fixtures/guide.ts, shared with the Romanian journey).
 */

const SANDBOX = SANDBOX_URL;

async function setSandboxFaults(page: Page, username: string, faults: Record<string, unknown>) {
  const response = await page.request.put(`${SANDBOX}/__sandbox/faults`, { data: { username, faults } });
  expect(response.ok()).toBe(true);
}

async function openAccountKeys(page: Page, label: string) {
  await page.goto('/api-keys');
  await page.getByRole('link', { name: new RegExp(label) }).click();
  await expect(page.getByRole('heading', { name: 'API Keys' })).toBeVisible();
}

/**
 * Opens the account's API keys, generates a key there, and closes the secret's dialog the one way it closes:
 * returns the secret, shown this once. `whileShown` runs while the dialog is still open.
 */
async function generateKeyOn(
  page: Page,
  account: string,
  name: string,
  infrastructure: 'Fixed IP: Default Key' | 'Dynamic IP: Cloud',
  whileShown: () => Promise<void> = async () => undefined,
): Promise<string> {
  await openAccountKeys(page, account);
  await page.getByRole('button', { name: 'Generate a new API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate a new API Key' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel(infrastructure).check();
  let secret = '';
  await expect(async () => {
    await dialog.getByRole('button', { name: /^(Generate|Try again)$/ }).click();
    await expect(page.getByTestId('new-key-secret')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  secret = (await page.getByTestId('new-key-secret').textContent())!.trim();
  expect(secret).toMatch(/^[0-9a-f]{32}$/);
  await whileShown();
  await page.getByRole('button', { name: 'I have copied the key, close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return secret;
}

test.describe.configure({ mode: 'serial' });

test.describe('the guide, on the Demo shop account', () => {
  test('a Default key: locked by its first call, a refused call shown, the address authorized, both IPs and 2 uses', async ({
    asAdmin: page,
  }) => {
    test.setTimeout(360_000);
    const secret = await generateKeyOn(page, 'Demo shop', 'API Key Test', 'Fixed IP: Default Key', async () => {
      // The secret dialog cannot be closed by accident.
      await page.keyboard.press('Escape');
      await page.mouse.click(5, 5);
      await expect(page.getByTestId('new-key-secret')).toBeVisible();
    });
    const row = page.getByTestId('key-row-API Key Test');
    await expect(row).toContainText('awaiting first use');
    await expect(row).toContainText('usage: Default');
    // Shown once: neither the list nor the key's page holds it again.
    expect(await page.content()).not.toContain(secret);

    expect(await callFrom(page, 'demo', secret, '203.0.113.7')).toBe(0);
    await refreshUntil(page, async () => {
      await expect(row).toContainText('203.0.113.7', { timeout: 3_000 });
      await expect(row).toContainText('locked since');
    });

    expect(await callFrom(page, 'demo', secret, '198.51.100.20')).toBe(-8);
    await refreshUntil(page, async () => {
      await expect(row.getByText('refused calls')).toBeVisible({ timeout: 3_000 });
    });

    await row.getByRole('link', { name: 'API Key Test' }).click();
    await expect(page.getByTestId('key-name')).toHaveText('API Key Test');
    await expect(page.getByTestId('refused-calls')).toContainText('the last from 198.51.100.20');
    expect(await page.content()).not.toContain(secret);

    // Authorized in one step from the refused call: the confirmation names the key and the address and shows the
    // builder's checks; the address then leaves Refused calls for Locked On IP.
    const refused = page.getByTestId('refused-ip-198.51.100.20');
    await expect(refused).toContainText('1');
    await expect(async () => {
      await refused.getByRole('button', { name: 'Authorize this IP' }).click();
      const dialog = page.getByRole('dialog', { name: /Authorize 198\.51\.100\.20 on “API Key Test”/ });
      await expect(dialog.getByTestId('authorize-check-lock')).toContainText('already locked');
      await dialog.getByRole('button', { name: 'Authorize 198.51.100.20' }).click();
      await expect(page.getByTestId('locked-ip-198.51.100.20')).toContainText('whitelisted here', { timeout: 5_000 });
      await expect(refused).toBeHidden({ timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [5_000] });
    // The row above is the page's optimistic answer: sendSMS has the address once the request is done (it can wait
    // for the account's call budget when other specs use the same account).
    await expect(page.getByRole('button', { name: 'Authorizing…' })).toHaveCount(0, { timeout: 90_000 });

    expect(await callFrom(page, 'demo', secret, '198.51.100.20')).toBe(0);
    await refreshUntil(page, async () => {
      await expect(page.getByTestId('use-count')).toHaveText('2', { timeout: 3_000 });
    });
    await expect(page.getByTestId('locked-ip-203.0.113.7')).toContainText('first use');
    await expect(page.getByTestId('locked-ip-198.51.100.20')).toBeVisible();
    await expect(page.getByTestId('last-used')).not.toHaveText('never');
    await expect(page.getByTestId('last-used')).toContainText(/ago|now/);
  });
});

test.describe('the Demo logistics account', () => {
  test('a Cloud key accepts calls from three IPs and shows only the first, as informative', async ({
    asAdmin: page,
  }) => {
    test.setTimeout(300_000);
    const secret = await generateKeyOn(page, 'Demo logistics', 'Cloud Test', 'Dynamic IP: Cloud');
    // The usage label follows the infrastructure when no preset was picked.
    await expect(page.getByTestId('key-row-Cloud Test')).toContainText('usage: Cloud');
    for (const ip of ['192.0.2.101', '192.0.2.102', '192.0.2.103'])
      expect(await callFrom(page, 'demo-logistics', secret, ip)).toBe(0);

    await page.getByTestId('key-row-Cloud Test').getByRole('link', { name: 'Cloud Test' }).click();
    await refreshUntil(page, async () => {
      await expect(page.getByTestId('use-count')).toHaveText('3', { timeout: 3_000 });
    });
    await expect(page.getByTestId('locked-ip-192.0.2.101')).toContainText('first seen (informative)');
    await expect(page.getByTestId(/^locked-ip-/)).toHaveCount(1);
    await expect(page.getByText('192.0.2.102')).toHaveCount(0);
    await expect(page.getByLabel('IP address to authorize')).toHaveCount(0);
  });

  test('delete warns that the key is in use and asks for its name', async ({ asAdmin: page }) => {
    test.setTimeout(180_000);
    await openAccountKeys(page, 'Demo logistics');
    await page
      .getByTestId('key-row-Courier notifications')
      .getByRole('link', { name: 'Courier notifications' })
      .click();
    await page.getByRole('button', { name: 'Delete key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Courier notifications”?' });
    await expect(dialog.getByTestId('in-use-warning')).toContainText(
      /actively in use: used \d+ minutes? ago, 5,210 uses/,
    );
    const confirm = dialog.getByRole('button', { name: /^(Delete this key|Try again)$/ });
    await dialog.getByLabel('Type “Courier notifications” to confirm').fill('courier notifications');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Type “Courier notifications” to confirm').fill('Courier notifications');
    await expect(async () => {
      await confirm.click();
      await expect(page).toHaveURL(/\/api-keys$/, { timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [5_000] });
    // The toast region loads with its first toast (components/ui/toast.tsx): this one.
    await expect(
      page
        .getByRole('region', { name: 'Notifications (F8)' })
        .getByText(/^“Courier notifications” (deleted|removed from this dashboard)$/),
    ).toBeVisible();
    await expect(page.getByTestId('key-row-Courier notifications')).toHaveCount(0);
    await expect(page.getByTestId('key-row-Dispatch cloud')).toBeVisible();
  });

  test('with sendSMS down, the list shows the last known state, its age and the reason', async ({ asAdmin: page }) => {
    await openAccountKeys(page, 'Demo logistics');
    await setSandboxFaults(page, 'demo-logistics', { httpStatus: 503 });
    try {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      const notice = page.getByTestId('stale-notice');
      await expect(notice).toContainText('Showing the last known state from');
      await expect(notice).toContainText(/ago|just now/);
      await expect(notice).toContainText('sendSMS answered with an HTTP error');
      await expect(page.getByTestId('key-row-Dispatch cloud')).toBeVisible();
      // A reload renders from Postgres and still says so.
      await page.reload();
      await expect(page.getByTestId('stale-notice')).toContainText('The last refresh failed');
      await expect(page.getByTestId('key-row-Dispatch cloud')).toContainText('198.51.100.99');
    } finally {
      await setSandboxFaults(page, 'demo-logistics', {});
    }
  });

  test('a slow refresh shows how far it has gone: the usage, then each IP list', async ({ asAdmin: page }) => {
    await openAccountKeys(page, 'Demo logistics');
    await page.getByTestId('key-row-Dispatch cloud').getByRole('link', { name: 'Dispatch cloud' }).click();
    await expect(page.getByTestId('key-name')).toHaveText('Dispatch cloud');
    // Every sendSMS call of this account takes 2 s: the key's refresh is token_list, then its token_list_ips.
    await setSandboxFaults(page, 'demo-logistics', { slowMs: 2_000 });
    try {
      const progress = page.getByTestId('refresh-progress');
      // A refresh that finds the scheduled collection of this account running waits for it and has no steps of
      // its own to show: then the next one does.
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh', exact: true }).click({ timeout: 10_000 });
        await expect(progress.getByRole('progressbar', { name: 'Refresh progress' })).toBeVisible({ timeout: 1_500 });
      }).toPass({ timeout: 60_000 });
      await expect(progress).toContainText('Reading usage from sendSMS…');
      await expect(progress).toContainText('IP lists: 0 of 1', { timeout: 15_000 });
      await expect(progress.getByRole('progressbar')).toHaveAttribute('max', '1');
      await expect(progress).toBeHidden({ timeout: 15_000 });
      await expect(page.getByRole('status').filter({ hasText: 'Refreshed from sendSMS.' })).toBeAttached();
    } finally {
      await setSandboxFaults(page, 'demo-logistics', {});
    }
  });
});

test.describe('renaming a key', () => {
  test('says where the name changes, refuses a blank name, and Escape gives the focus back to Rename', async ({
    asAdmin: page,
  }) => {
    await openAccountKeys(page, 'Demo shop');
    await page.getByTestId('key-row-Website orders').getByRole('link', { name: 'Website orders' }).click();
    const rename = page.getByRole('button', { name: 'Rename' });
    await rename.click();
    const dialog = page.getByRole('dialog', { name: 'Rename “Website orders”' });
    await expect(dialog).toContainText('Only this dashboard’s name changes: sendSMS cannot rename keys');
    await dialog.getByLabel('Name').fill('   ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Give the key a name')).toBeVisible();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(rename).toBeFocused();
    await expect(page.getByTestId('key-name')).toHaveText('Website orders');
  });
});

test.describe('read-only roles', () => {
  test('a team lead sees the keys and their usage, with every control disabled and the reason', async ({
    asLead: page,
  }) => {
    await openAccountKeys(page, 'Demo shop');
    const manageDenied = 'A team lead cannot generate, rename or delete API keys';
    const generate = page.getByRole('button', { name: 'Generate a new API Key' });
    await expect(generate).toBeDisabled();
    // The reason is on the page as text, and read with the control.
    await expect(page.getByText(manageDenied)).toBeVisible();
    await expect(generate).toHaveAccessibleDescription(manageDenied);
    await page.getByTestId('key-row-Website orders').getByRole('link', { name: 'Website orders' }).click();
    await expect(page.getByTestId('use-count')).toHaveText(/\d/);
    for (const name of ['Rename', 'Delete key']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
      await expect(page.getByRole('button', { name })).toHaveAccessibleDescription(manageDenied);
    }
    await expect(page.getByRole('button', { name: 'Authorize IP' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Authorize IP' })).toHaveAccessibleDescription(
      'A team lead cannot authorize IPs for keys',
    );
    await expect(page.getByLabel('IP address to authorize')).toHaveAccessibleDescription(
      'A team lead cannot authorize IPs for keys',
    );
    // The builder is closed to team leads: the key page does not send them there.
    await expect(page.getByRole('link', { name: 'Open in the request builder' })).toHaveCount(0);
    await expect(page.getByText('A team lead cannot read the audit log.')).toBeVisible();
    await expect(page.getByRole('img', { name: /uses from/ })).toBeVisible();
  });

  test('the list keeps its filters and sort in the URL: announced, reloadable, undone by Back', async ({
    asLead: page,
  }) => {
    await openAccountKeys(page, 'Demo shop');
    const table = page.getByRole('table', { name: 'API keys' });
    const nameHeader = table.getByRole('columnheader', { name: 'Name' });
    await expect(table.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    await expect(page.getByRole('region', { name: 'API keys' })).toHaveAttribute('tabindex', '0');

    await nameHeader.getByRole('button').click();
    await expect(page).toHaveURL(/\/api-keys\?sort=name&dir=asc$/);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await page.getByLabel('Kind').selectOption('CLOUD');
    await expect(page).toHaveURL(/\/api-keys\?sort=name&dir=asc&kind=CLOUD$|\/api-keys\?kind=CLOUD&sort=name&dir=asc$/);
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
    await expect(rows.first()).toContainText('Staging');
    await expect(table.getByTestId('key-row-Website orders')).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel('Kind')).toHaveValue('CLOUD');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await page.goBack();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.first()).toContainText('Mobile app');

    // A hand-edited address with values the list does not know shows the list as it is by default.
    await page.goto(`${page.url().split('?')[0]}?sort=password&dir=up&page=0&kind=cloud`);
    await expect(table.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');
    await expect(table.getByTestId('key-row-Website orders')).toBeVisible();
  });

  test('support staff see every account read-only, with the audit trail and no secret', async ({ asSupport: page }) => {
    await page.goto('/api-keys');
    await expect(page.getByRole('link', { name: /Demo shop/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Demo logistics/ })).toBeVisible();
    await openAccountKeys(page, 'Demo shop');
    await expect(page.getByRole('button', { name: 'Generate a new API Key' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Generate a new API Key' })).toHaveAccessibleDescription(
      'Support staff cannot generate, rename or delete API keys',
    );
    await page.getByTestId('key-row-Mobile app').getByRole('link', { name: 'Mobile app' }).click();
    await expect(page.getByTestId('locked-ip-198.51.100.7')).toContainText('informative');
    await expect(page.getByRole('button', { name: 'Delete key' })).toBeDisabled();
    await expect(page.getByText('Support staff cannot generate, rename or delete API keys')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
    const html = await page.content();
    for (const name of ['Website orders', 'Warehouse SMPP', 'Mobile app', 'Staging'])
      expect(html).not.toContain(demoKeySecret('demo', name));
  });
});
